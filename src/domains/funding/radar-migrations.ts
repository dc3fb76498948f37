import { withId } from '../../infra/db/columns.js';
import type { MigrationSet } from '../../infra/db/migrate.js';
import { fundingDeadlineMigrations } from './deadlines/migrations.js';

/** Migrations of the funding radar's intelligence; key range 2026112555..2026112559. */
export const fundingRadarMigrations: MigrationSet = {
  '2026112555_funding_radar_matching': {
    async up(db, dialect) {
      await withId(db.schema.createTable('funding_projects'), dialect)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('fields_of_action', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('applicant_type', 'text')
        .addColumn('region_ags', 'text')
        .addColumn('owner_organization_id', 'integer')
        .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await withId(db.schema.createTable('funding_org_profiles'), dialect)
        .addColumn('organization_id', 'integer', (c) => c.notNull().unique())
        .addColumn('applicant_type', 'text')
        .addColumn('region_ags', 'text')
        .addColumn('fields_of_action', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await withId(db.schema.createTable('funding_match_feedback'), dialect)
        .addColumn('organization_id', 'integer', (c) => c.notNull())
        .addColumn('call_id', 'integer', (c) =>
          c.notNull().references('funding_calls.id').onDelete('cascade'),
        )
        .addColumn('relevant', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('user_id', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('funding_match_feedback_org_call', ['organization_id', 'call_id'])
        .execute();
    },
  },
  '2026112556_funding_radar_review': {
    async up(db, dialect) {
      await withId(db.schema.createTable('funding_deadline_reviews'), dialect)
        .addColumn('call_id', 'integer', (c) =>
          c.notNull().references('funding_calls.id').onDelete('cascade'),
        )
        .addColumn('deadline_date', 'text', (c) => c.notNull())
        .addColumn('deadline_time', 'text')
        .addColumn('time_zone', 'text')
        .addColumn('confidence', 'real', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_date', 'text')
        .addColumn('round_id', 'integer')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('funding_deadline_reviews_call_date', ['call_id', 'deadline_date'])
        .execute();
      await db.schema
        .createIndex('funding_deadline_reviews_status')
        .on('funding_deadline_reviews')
        .column('status')
        .execute();
    },
  },
  '2026112557_funding_radar_pointers': {
    async up(db, dialect) {
      await withId(db.schema.createTable('funding_pointers'), dialect)
        .addColumn('call_id', 'integer', (c) =>
          c.notNull().references('funding_calls.id').onDelete('cascade'),
        )
        .addColumn('organization_id', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by_user_id', 'integer')
        .addColumn('created_by_label', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('funding_pointers_org')
        .on('funding_pointers')
        .columns(['organization_id', 'created_at'])
        .execute();
      await withId(db.schema.createTable('funding_activity'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('call_id', 'integer')
        .addColumn('organization_id', 'integer')
        .addColumn('actor_label', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026112558_funding_radar_alerts': {
    async up(db, dialect) {
      await withId(db.schema.createTable('funding_alert_settings'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull().unique())
        .addColumn('lead_days', 'text', (c) => c.notNull().defaultTo('[42,14,3]'))
        .addColumn('digest', 'text', (c) => c.notNull().defaultTo('weekly'))
        .addColumn('immediate', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unsubscribed_at', 'text')
        .addColumn('last_digest_at', 'text')
        .addColumn('last_immediate_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('funding_saved_searches'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('organization_id', 'integer')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await withId(db.schema.createTable('funding_watches'), dialect)
        .addColumn('user_id', 'integer')
        .addColumn('organization_id', 'integer')
        .addColumn('call_id', 'integer', (c) =>
          c.notNull().references('funding_calls.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('funding_watches_call').on('funding_watches').column('call_id').execute();
      await withId(db.schema.createTable('funding_alert_log'), dialect)
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_key', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('funding_alert_log_once', ['user_id', 'kind', 'ref_key'])
        .execute();
    },
  },
  '2026112559_funding_radar_feeds': {
    async up(db) {
      await db.schema
        .createTable('funding_ics_state')
        .addColumn('uid', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('sequence', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // The deadline extraction state (2026120170..74) lives with the deadlines code.
  ...fundingDeadlineMigrations,
};
