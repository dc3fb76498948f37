import { sql } from 'kysely';
import { doubleType, withId } from '../../../infra/db/columns.js';
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
  '2026120862_funding_call_fields': {
    async up(db, dialect) {
      // fields_of_action stays what the source says; effective_fields is what lists, filters and matching
      // use: the office's choice when it made one, else the source's fields and the classifier's.
      await db.schema
        .alterTable('funding_calls')
        .addColumn('effective_fields', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema.alterTable('funding_calls').addColumn('office_fields', 'text').execute();
      await db.schema.alterTable('funding_calls').addColumn('fields_decided_by', 'text').execute();
      await db.schema.alterTable('funding_calls').addColumn('fields_decided_at', 'text').execute();
      await sql`update funding_calls set effective_fields = fields_of_action`.execute(db);
      // a call entered by hand carries the office's own fields
      await sql`update funding_calls set office_fields = fields_of_action where source = 'manual'`.execute(
        db,
      );
      await withId(db.schema.createTable('funding_call_classifications'), dialect)
        .addColumn('call_id', 'integer', (c) =>
          c.notNull().references('funding_calls.id').onDelete('cascade'),
        )
        .addColumn('field_id', 'integer', (c) => c.notNull())
        .addColumn('score', doubleType(dialect), (c) => c.notNull())
        .addColumn('matched_terms', 'text', (c) => c.notNull())
        .addColumn('classified_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('funding_call_classifications_call')
        .on('funding_call_classifications')
        .column('call_id')
        .execute();
    },
  },
};
