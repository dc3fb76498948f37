import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';

export interface QuarantineEntry {
  sourceId: number;
  listUrl: string | null;
  objectId: string | null;
  raw: unknown;
  reason: string;
}

/** Keeps large broken pages readable without letting one of them bloat the database. */
const MAX_RAW_CHARS = 2_000_000;

/**
 * Keeps a rejected object or page with its reason. The same fault seen again (same object id,
 * or the same raw text, with the same reason) raises the count instead of adding a row, whatever
 * filter the list was read with, so re-syncs stay idempotent.
 */
export async function quarantine(db: Kysely<DB>, e: QuarantineEntry): Promise<void> {
  const raw = (typeof e.raw === 'string' ? e.raw : (JSON.stringify(e.raw) ?? 'undefined')).slice(
    0,
    MAX_RAW_CHARS,
  );
  const fingerprint = createHash('sha256')
    .update(`${e.sourceId}\u0000${e.objectId ?? raw}\u0000${e.reason}`)
    .digest('hex');
  const at = nowIso();
  await db
    .insertInto('council_quarantine')
    .values({
      source_id: e.sourceId,
      list_url: e.listUrl,
      object_id: e.objectId,
      fingerprint,
      raw,
      reason: e.reason,
      first_seen: at,
      last_seen: at,
      count: 1,
      resolved: 0,
    })
    .onConflict((oc) =>
      oc.column('fingerprint').doUpdateSet((eb) => ({
        last_seen: at,
        raw,
        count: eb(eb.ref('council_quarantine.count'), '+', 1),
      })),
    )
    .execute();
}

/** Once an object was stored after all, its earlier quarantine entries are marked resolved. */
export async function resolveQuarantined(
  db: Kysely<DB>,
  sourceId: number,
  objectIds: string[],
): Promise<void> {
  if (objectIds.length === 0) return;
  await db
    .updateTable('council_quarantine')
    .set({ resolved: 1 })
    .where('source_id', '=', sourceId)
    .where('object_id', 'in', objectIds)
    .where('resolved', '=', 0)
    .execute();
}
