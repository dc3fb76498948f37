import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { type CursorUpdate, updateCursor } from './cursors.js';
import { type Extracted, extractObjects, type Rejected } from './extract.js';
import { type ObjectKind, tableOf } from './kinds.js';
import { quarantine, resolveQuarantined } from './quarantine.js';
import { indexSyncedObjects } from './search-sync.js';
import { type UpsertResult, upsertObjects } from './upsert-object.js';

export interface PageInput {
  sourceId: number;
  bodyOparlId: string | null;
  listUrl: string;
  kind: ObjectKind;
  entries: unknown[];
  fetchedAt: number;
}

export interface PageStats {
  stored: UpsertResult[];
  quarantined: number;
}

/** PostgreSQL deadlock / serialization failure, SQLite busy: worth another try. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isTransient(err)) throw err;
      await new Promise((r) => setTimeout(r, 20 * i + Math.random() * 50));
    }
  }
}

type StoreCtx = Pick<AppContext, 'db' | 'dialect' | 'logger'>;

async function writeEntries(
  db: Kysely<DB>,
  dialect: AppContext['dialect'],
  page: PageInput,
  entries: { objects: Extracted[]; rejected: Rejected[] }[],
  cursor: CursorUpdate | null,
): Promise<PageStats> {
  const now = nowIso();
  const stored: UpsertResult[] = [];
  let quarantined = 0;
  for (const r of entries.flatMap((e) => e.rejected)) {
    await quarantine(db, {
      sourceId: page.sourceId,
      listUrl: page.listUrl,
      objectId: r.objectId,
      raw: r.raw,
      reason: r.reason,
    });
    quarantined++;
  }
  // One global lock order (table, then OParl id): lists synced in parallel share embedded
  // objects, and upserting them in page order lets two transactions deadlock on PostgreSQL.
  const items = entries
    .flatMap((e) => e.objects)
    .sort(
      (a, b) =>
        tableOf[a.kind].localeCompare(tableOf[b.kind]) || String(a.obj.id).localeCompare(String(b.obj.id)),
    );
  stored.push(
    ...(await upsertObjects(db, items, {
      sourceId: page.sourceId,
      bodyOparlId: page.bodyOparlId,
      fetchedAt: page.fetchedAt,
      now,
    })),
  );
  await resolveQuarantined(
    db,
    page.sourceId,
    stored.map((s) => s.oparlId),
  );
  await indexSyncedObjects({ db, dialect }, stored);
  if (cursor) await updateCursor(db, cursor);
  return { stored, quarantined };
}

/**
 * Stores one list page and moves the list's cursor in the same transaction, so a sync killed at
 * any moment resumes at the first page not yet committed. If the page as a whole fails to store,
 * each entry is tried on its own and the ones that still fail go to quarantine with the error.
 */
export async function storePage(
  ctx: StoreCtx,
  page: PageInput,
  cursor: CursorUpdate | null,
): Promise<PageStats> {
  const entries = page.entries.map((entry) => extractObjects(entry, page.kind));
  try {
    return await withRetry(() =>
      ctx.db.transaction().execute((trx) => writeEntries(trx, ctx.dialect, page, entries, cursor)),
    );
  } catch (err) {
    ctx.logger.warn(
      { err, listUrl: page.listUrl },
      'page could not be stored as a whole; storing entry by entry',
    );
  }
  const total: PageStats = { stored: [], quarantined: 0 };
  for (const [i, entry] of entries.entries()) {
    try {
      const s = await withRetry(() =>
        ctx.db.transaction().execute((trx) => writeEntries(trx, ctx.dialect, page, [entry], null)),
      );
      total.stored.push(...s.stored);
      total.quarantined += s.quarantined;
    } catch (err) {
      const raw = page.entries[i];
      const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : null;
      await quarantine(ctx.db, {
        sourceId: page.sourceId,
        listUrl: page.listUrl,
        objectId: typeof id === 'string' ? id : null,
        raw,
        reason: `could not be stored: ${err instanceof Error ? err.message : String(err)}`,
      });
      total.quarantined++;
    }
  }
  if (cursor) await updateCursor(ctx.db, cursor);
  return total;
}
