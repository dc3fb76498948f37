import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';

export type CursorRow = DB['council_sync_cursors'];
export interface CursorKey {
  sourceId: number;
  bodyOparlId: string;
  listKind: string;
}

export interface CursorUpdate extends CursorKey {
  nextUrl: string | null;
  status: 'running' | 'done' | 'error';
  pagesDelta: number;
  error?: string | null;
  /** Set when a run completes: the start of that run becomes the next modified_since. */
  watermark?: string;
}

export async function getCursor(db: Kysely<DB>, key: CursorKey) {
  return db
    .selectFrom('council_sync_cursors')
    .selectAll()
    .where('source_id', '=', key.sourceId)
    .where('body_oparl_id', '=', key.bodyOparlId)
    .where('list_kind', '=', key.listKind)
    .executeTakeFirst();
}

/** Begins a new run of a list (a full one, or from modified_since). */
export async function startCursor(
  db: Kysely<DB>,
  key: CursorKey,
  run: { listUrl: string; startUrl: string; since: string | null; startedAt: string },
): Promise<void> {
  const values = {
    list_url: run.listUrl,
    next_url: run.startUrl,
    run_since: run.since,
    run_started_at: run.startedAt,
    status: 'running',
    pages: 0,
    error: null,
    updated_at: nowIso(),
  };
  await db
    .insertInto('council_sync_cursors')
    .values({
      source_id: key.sourceId,
      body_oparl_id: key.bodyOparlId,
      list_kind: key.listKind,
      watermark: null,
      ...values,
    })
    .onConflict((oc) => oc.columns(['source_id', 'body_oparl_id', 'list_kind']).doUpdateSet(values))
    .execute();
}

export async function updateCursor(db: Kysely<DB>, u: CursorUpdate): Promise<void> {
  await db
    .updateTable('council_sync_cursors')
    .set((eb) => ({
      next_url: u.nextUrl,
      status: u.status,
      pages: eb(eb.ref('pages'), '+', u.pagesDelta),
      error: u.error ?? null,
      updated_at: nowIso(),
      ...(u.watermark ? { watermark: u.watermark } : {}),
    }))
    .where('source_id', '=', u.sourceId)
    .where('body_oparl_id', '=', u.bodyOparlId)
    .where('list_kind', '=', u.listKind)
    .execute();
}
