import type { CreateTableBuilder } from 'kysely';
import { withId, withTimestamps } from '../../infra/db/columns.js';
import type { DialectName } from '../../infra/db/connect.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

// SQLite REAL is 8 bytes; PostgreSQL "real" would be 4 bytes and lose cents on large budgets.
const money = (dialect: DialectName) => (dialect === 'sqlite' ? 'real' : 'double precision');

function tracked<T extends string, C extends string>(t: CreateTableBuilder<T, C>) {
  return t
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_set', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text');
}

export const fundingMigrations: MigrationSet = {
  '2026112550_funding_init': {
    async up(db, dialect) {
      await withTimestamps(
        tracked(withId(db.schema.createTable('funding_programmes'), dialect))
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('giver_level', 'text', (c) => c.notNull())
          .addColumn('giver_name', 'text')
          .addColumn('funding_types', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('funding_areas', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('regions', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('eligible_applicants', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('legal_basis', 'text')
          .addColumn('contacts', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('keywords', 'text')
          .addColumn('summary', 'text')
          .addColumn('body', 'text')
          .addColumn('deadline_text', 'text')
          .addColumn('licence', 'text')
          .addColumn('attribution', 'text')
          .addColumn('text_is_verbatim', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('import_notes', 'text')
          .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('owner_organization_id', 'integer'),
      ).execute();
      await db.schema
        .createIndex('funding_programmes_source')
        .unique()
        .on('funding_programmes')
        .columns(['source_set', 'source_id'])
        .execute();

      await withTimestamps(
        tracked(withId(db.schema.createTable('funding_calls'), dialect))
          .addColumn('programme_id', 'integer', (c) =>
            c.references('funding_programmes.id').onDelete('set null'),
          )
          .addColumn('call_kind', 'text', (c) => c.notNull().defaultTo('grant'))
          .addColumn('identifier', 'text')
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('text', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('stage_model', 'text', (c) => c.notNull().defaultTo('unknown'))
          .addColumn('giver_level', 'text', (c) => c.notNull())
          .addColumn('giver_name', 'text')
          .addColumn('budget_eur', money(dialect))
          .addColumn('funding_rate_percent', money(dialect))
          .addColumn('min_grant_eur', money(dialect))
          .addColumn('max_grant_eur', money(dialect))
          .addColumn('eligible_applicants', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('regions', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('fields_of_action', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('licence', 'text')
          .addColumn('attribution', 'text')
          .addColumn('text_is_verbatim', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('import_notes', 'text')
          .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('owner_organization_id', 'integer'),
      ).execute();
      await db.schema
        .createIndex('funding_calls_source')
        .unique()
        .on('funding_calls')
        .columns(['source_set', 'source_id'])
        .execute();
      await db.schema
        .createIndex('funding_calls_programme')
        .on('funding_calls')
        .column('programme_id')
        .execute();
      await db.schema.createIndex('funding_calls_status').on('funding_calls').column('status').execute();

      await withTimestamps(
        withId(db.schema.createTable('funding_rounds'), dialect)
          .addColumn('call_id', 'integer', (c) =>
            c.notNull().references('funding_calls.id').onDelete('cascade'),
          )
          .addColumn('round_key', 'text', (c) => c.notNull())
          .addColumn('label', 'text')
          .addColumn('opens_at', 'text')
          .addColumn('deadline_date', 'text')
          .addColumn('deadline_time', 'text')
          .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Berlin'))
          .addColumn('deadline_kind', 'text', (c) => c.notNull().defaultTo('submission'))
          .addColumn('confidence', money(dialect), (c) => c.notNull().defaultTo(1))
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('unreviewed'))
          .addColumn('evidence', 'text')
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('withdrawn_at', 'text'),
      ).execute();
      await db.schema
        .createIndex('funding_rounds_key')
        .unique()
        .on('funding_rounds')
        .columns(['call_id', 'round_key'])
        .execute();
      await db.schema
        .createIndex('funding_rounds_deadline')
        .on('funding_rounds')
        .column('deadline_date')
        .execute();

      await withId(db.schema.createTable('funding_import_runs'), dialect)
        .addColumn('importer', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('source_set', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('counts', 'text')
        .addColumn('notes', 'text')
        .addColumn('actor_label', 'text')
        .execute();

      await withId(db.schema.createTable('funding_changes'), dialect)
        .addColumn('record_type', 'text', (c) => c.notNull())
        .addColumn('record_id', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('import_run_id', 'integer', (c) =>
          c.references('funding_import_runs.id').onDelete('set null'),
        )
        .addColumn('actor_label', 'text')
        .execute();
      await db.schema
        .createIndex('funding_changes_record')
        .on('funding_changes')
        .columns(['record_type', 'record_id'])
        .execute();
      await db.schema.createIndex('funding_changes_at').on('funding_changes').column('at').execute();

      await withId(db.schema.createTable('funding_quarantine'), dialect)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('raw', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema
        .createIndex('funding_quarantine_key')
        .unique()
        .on('funding_quarantine')
        .columns(['source', 'file', 'record_key'])
        .execute();

      await withTimestamps(
        withId(db.schema.createTable('funding_sources'), dialect)
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('location', 'text', (c) => c.notNull().unique())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('last_run_at', 'text')
          .addColumn('last_status', 'text')
          .addColumn('last_counts', 'text'),
      ).execute();

      await tracked(withId(db.schema.createTable('funding_funded_projects'), dialect))
        .addColumn('beneficiary', 'text', (c) => c.notNull())
        .addColumn('project_name', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('total_eligible_eur', money(dialect))
        .addColumn('ags', 'text')
        .addColumn('municipality_name', 'text')
        .addColumn('country', 'text')
        .addColumn('intervention_code', 'text')
        .addColumn('intervention_label', 'text')
        .addColumn('programme_cci', 'text')
        .addColumn('funding_period', 'text')
        .execute();
      await db.schema
        .createIndex('funding_funded_projects_source')
        .unique()
        .on('funding_funded_projects')
        .columns(['source_set', 'source_id'])
        .execute();
      await db.schema
        .createIndex('funding_funded_projects_ags')
        .on('funding_funded_projects')
        .column('ags')
        .execute();
    },
  },
  '2026112551_funding_uploads': {
    async up(db, dialect) {
      // Uploaded files wait here for the import job, so a job runner in another process can read them.
      await withId(db.schema.createTable('funding_uploads'), dialect)
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('source_set', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
