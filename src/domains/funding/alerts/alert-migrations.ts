import { sql } from 'kysely';
import type { MigrationSet } from '../../../infra/db/migrate.js';

/**
 * Saved searches for an organisation (scope 'organization': every member gets its alerts) next to
 * personal ones, and saved filters in the call list's own shape: the old `fields` list becomes
 * `fieldOfAction` (one key or several), the other keys are the list's already.
 */
export const fundingAlertMigrations: MigrationSet = {
  '2026120175_funding_saved_search_scope': {
    async up(db) {
      await db.schema
        .alterTable('funding_saved_searches')
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo('user'))
        .execute();
      await db.schema
        .createIndex('funding_saved_searches_org')
        .on('funding_saved_searches')
        .columns(['organization_id', 'scope'])
        .execute();
      const rows = await sql<{
        id: number;
        filters: string;
      }>`select id, filters from funding_saved_searches`.execute(db);
      for (const r of rows.rows) {
        let f: Record<string, unknown>;
        try {
          f = JSON.parse(r.filters) as Record<string, unknown>;
        } catch {
          f = {};
        }
        if (!('fields' in f)) continue;
        const { fields, ...rest } = f;
        const list = Array.isArray(fields) ? fields.map(String).filter(Boolean) : [];
        const next = list.length ? { ...rest, fieldOfAction: list.length === 1 ? list[0] : list } : rest;
        await sql`update funding_saved_searches set filters = ${JSON.stringify(next)} where id = ${r.id}`.execute(
          db,
        );
      }
    },
  },
};
