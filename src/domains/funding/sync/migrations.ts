import type { MigrationSet } from '../../../infra/db/migrate.js';

/**
 * An imported record that its source still lists but that could not be read in the latest run keeps
 * its last good state; these columns say since when and why (null once it is read again).
 * Key range 2026120860..2026120869.
 */
export const fundingSyncMigrations: MigrationSet = {
  '2026120860_funding_unreadable_records': {
    async up(db) {
      for (const table of ['funding_programmes', 'funding_calls', 'funding_funded_projects']) {
        await db.schema.alterTable(table).addColumn('unreadable_at', 'text').execute();
        await db.schema.alterTable(table).addColumn('unreadable_reason', 'text').execute();
        await db.schema.alterTable(table).addColumn('unreadable_run_id', 'integer').execute();
      }
    },
  },
  '2026120861_funding_programme_requirements': {
    async up(db) {
      // Förderdatenbank: "Rechtliche Voraussetzungen" (gsb:regulatoryFWork) and "Verfahren" (gsb:procMethod)
      await db.schema.alterTable('funding_programmes').addColumn('requirements', 'text').execute();
      await db.schema.alterTable('funding_programmes').addColumn('procedure_text', 'text').execute();
    },
  },
};
