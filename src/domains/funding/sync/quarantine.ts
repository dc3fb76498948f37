import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { LONE_SURROGATE } from '../limits.js';

const MAX_RAW = 20_000;

/** Keeps a rejected record with its reason; the same record rejected again only counts up. */
export async function quarantineRecord(
  db: Kysely<DB>,
  e: { source: string; file: string; recordKey: string; raw: string; reason: string; now: string },
): Promise<void> {
  const cut = e.raw.length > MAX_RAW ? `${e.raw.slice(0, MAX_RAW)}…[cut at ${MAX_RAW} characters]` : e.raw;
  // The kept copy must be storable on both databases: NUL and lone surrogates become U+FFFD here.
  const storable = (s: string) => s.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd');
  const raw = storable(cut);
  const file = storable(e.file.slice(0, 1000));
  const recordKey = storable(e.recordKey.slice(0, 500));
  const reason = storable(e.reason.slice(0, 2000));
  const existing = await db
    .selectFrom('funding_quarantine')
    .select(['id', 'count'])
    .where('source', '=', e.source)
    .where('file', '=', file)
    .where('record_key', '=', recordKey)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('funding_quarantine')
      .set({ raw, reason, last_seen_at: e.now, count: existing.count + 1, resolved_at: null })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await db
    .insertInto('funding_quarantine')
    .values({
      source: e.source,
      file,
      record_key: recordKey,
      raw,
      reason,
      first_seen_at: e.now,
      last_seen_at: e.now,
      count: 1,
      resolved_at: null,
    })
    .execute();
}
