import type { MigrationSet } from '../../../infra/db/migrate.js';

/** Deadline extraction state on calls (see deadlines/tables.ts); key range 2026120170..2026120174. */
export const fundingDeadlineMigrations: MigrationSet = {
  '2026120170_funding_call_extraction_state': {
    async up(db) {
      const add = (name: string, type: 'text' | 'integer') =>
        db.schema.alterTable('funding_calls').addColumn(name, type).execute();
      await add('extraction_text_hash', 'text');
      await add('extraction_at', 'text');
      await add('extracted_rolling', 'integer');
      await add('extracted_closed', 'integer');
      await add('extraction_flag_evidence', 'text');
      await db.schema
        .alterTable('funding_calls')
        .addColumn('flags_review', 'text', (c) => c.notNull().defaultTo('unreviewed'))
        .execute();
      await add('flags_rolling', 'integer');
      await add('flags_closed', 'integer');
      await add('flags_decided_by', 'text');
      await add('flags_decided_at', 'text');
      await add('status_before_extraction', 'text');
      await add('stage_before_extraction', 'text');
    },
  },
};
