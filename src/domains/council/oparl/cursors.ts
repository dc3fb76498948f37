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
  /**
   * A new run of the list (a full one, or from modified_since), not yet written: it begins with
   * this update, in the same statement and so in the transaction of the run's first page.
   */
  start?: StartRun;
}

export interface StartRun {
  listUrl: string;
  startUrl: string;
  since: string | null;
  startedAt: string;
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

export async function updateCursor(db: Kysely<DB>, u: CursorUpdate): Promise<void> {
  if (u.start) {
    // Begin the run and apply its first update at once: one write instead of two commits.
    const values = {
      list_url: u.start.listUrl,
      next_url: u.nextUrl,
      run_since: u.start.since,
      run_started_at: u.start.startedAt,
      status: u.status,
      pages: u.pagesDelta,
      error: u.error ?? null,
      updated_at: nowIso(),
      ...(u.watermark ? { watermark: u.watermark } : {}),
    };
    await db
      .insertInto('council_sync_cursors')
      .values({
        source_id: u.sourceId,
        body_oparl_id: u.bodyOparlId,
        list_kind: u.listKind,
        watermark: null,
        ...values,
      })
      .onConflict((oc) => oc.columns(['source_id', 'body_oparl_id', 'list_kind']).doUpdateSet(values))
      .execute();
    return;
  }
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
