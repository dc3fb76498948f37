import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { tableOf } from './kinds.js';

/** Finds or creates the source row for a system URL. */
export async function ensureSource(
  db: Kysely<DB>,
  systemUrl: string,
): Promise<{ id: number; created: boolean }> {
  const found = await db
    .selectFrom('council_sources')
    .select('id')
    .where('system_url', '=', systemUrl)
    .executeTakeFirst();
  if (found) return { id: found.id, created: false };
  const at = nowIso();
  const row = await db
    .insertInto('council_sources')
    .values({ system_url: systemUrl, error_count: 0, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('system_url').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, created: true };
  const again = await db
    .selectFrom('council_sources')
    .select('id')
    .where('system_url', '=', systemUrl)
    .executeTakeFirstOrThrow();
  return { id: again.id, created: false };
}

/** Rows per table of one source (deleted stubs not counted). */
export async function countSourceObjects(db: Kysely<DB>, sourceId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [kind, table] of Object.entries(tableOf)) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_id', '=', sourceId)
      .where('deleted', '=', 0)
      .executeTakeFirstOrThrow();
    out[kind] = Number(row.n);
  }
  return out;
}
