import { withId } from '../db/columns.js';
import type { MigrationSet } from '../db/migrate.js';

export const jobMigrations: MigrationSet = {
  '2026112500_infra_jobs': {
    async up(db, dialect) {
      await withId(db.schema.createTable('jobs'), dialect)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('progress_total', 'integer')
        .addColumn('progress_message', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();
      await db.schema
        .createTable('job_schedules')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_run_at', 'text')
        .addColumn('next_run_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
