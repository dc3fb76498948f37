import type { Kysely } from 'kysely';
import { notNull, withId, withTimestamps } from '../../infra/db/columns.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

/** The planner's tables; key range 2026120840..2026120849. */
export const plannerMigrations: MigrationSet = {
  '2026120840_planner_tables': {
    async up(db: Kysely<unknown>, dialect) {
      await withTimestamps(
        withId(db.schema.createTable('planner_meetings'), dialect)
          .addColumn('committee_oparl_id', 'text', notNull)
          .addColumn('meeting_date', 'text', notNull)
          .addColumn('start_time', 'text')
          .addColumn('note', 'text')
          .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('owner_organization_id', 'integer')
          .addColumn('created_by', 'text', notNull),
      ).execute();
      await db.schema
        .createIndex('planner_meetings_committee_date')
        .on('planner_meetings')
        .columns(['committee_oparl_id', 'meeting_date'])
        .execute();

      await withTimestamps(
        withId(db.schema.createTable('planner_body_settings'), dialect)
          .addColumn('body_oparl_id', 'text', (c) => c.notNull().unique())
          .addColumn('lead_days', 'integer', notNull)
          .addColumn('warn_slack_days', 'integer', notNull)
          .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0)),
      ).execute();

      await withTimestamps(
        withId(db.schema.createTable('planner_sequences'), dialect)
          .addColumn('body_oparl_id', 'text', notNull)
          .addColumn('name', 'text', notNull)
          .addColumn('committees_json', 'text', notNull)
          .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
          .addUniqueConstraint('planner_sequences_body_name', ['body_oparl_id', 'name']),
      ).execute();

      await withId(db.schema.createTable('planner_examples'), dialect)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', notNull)
        .addColumn('deadline', 'text', notNull)
        .addColumn('as_of', 'text', notNull)
        .addColumn('buffer_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('bodies_json', 'text', notNull)
        .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', notNull)
        .execute();
    },
  },
};
