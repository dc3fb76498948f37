import type { RoundInput } from '../model.js';
import { type Columns, contentHash, diffColumns } from './hash.js';
import { recordChange, type TrackContext } from './track.js';

function roundColumns(r: RoundInput) {
  return {
    label: r.label,
    opens_at: r.opensAt,
    deadline_date: r.deadlineDate,
    deadline_time: r.deadlineTime,
    time_zone: r.timeZone,
    deadline_kind: r.deadlineKind,
    confidence: r.confidence,
    evidence: r.evidence,
  } satisfies Columns;
}

/**
 * Brings the rounds a source states for one call up to date. Only rounds of origin 'source' are
 * touched: extracted and manual rounds belong to people and the deadline extractor. Returns true
 * when anything changed.
 */
export async function syncSourceRounds(
  tc: TrackContext,
  callId: number,
  rounds: RoundInput[],
): Promise<boolean> {
  const existing = await tc.db
    .selectFrom('funding_rounds')
    .selectAll()
    .where('call_id', '=', callId)
    .where('origin', '=', 'source')
    .execute();
  const byKey = new Map(existing.map((r) => [r.round_key, r]));
  let changed = false;
  const seen = new Set<string>();
  const unchangedIds: number[] = [];
  for (const r of rounds) {
    if (seen.has(r.roundKey)) continue;
    seen.add(r.roundKey);
    const cols = roundColumns(r);
    const hash = contentHash(cols);
    const row = byKey.get(r.roundKey);
    if (!row) {
      const ins = await tc.db
        .insertInto('funding_rounds')
        .values({
          ...cols,
          call_id: callId,
          round_key: r.roundKey,
          origin: 'source',
          review_status: 'unreviewed',
          content_hash: hash,
          first_seen_at: tc.now,
          last_seen_at: tc.now,
          withdrawn_at: null,
          created_at: tc.now,
          updated_at: tc.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordChange(tc, 'round', ins.id, 'first_seen', {});
      changed = true;
      continue;
    }
    if (row.content_hash === hash && row.withdrawn_at === null) {
      if (row.last_seen_at !== tc.now) unchangedIds.push(row.id);
      continue;
    }
    const diff = diffColumns(row as unknown as Record<string, unknown>, cols);
    await tc.db
      .updateTable('funding_rounds')
      .set({
        ...cols,
        content_hash: hash,
        last_seen_at: tc.now,
        withdrawn_at: null,
        updated_at: tc.now,
        version: row.version + 1,
      })
      .where('id', '=', row.id)
      .execute();
    await recordChange(tc, 'round', row.id, row.withdrawn_at ? 'reappeared' : 'changed', diff);
    changed = true;
  }
  if (unchangedIds.length) {
    await tc.db
      .updateTable('funding_rounds')
      .set({ last_seen_at: tc.now })
      .where('id', 'in', unchangedIds)
      .execute();
  }
  for (const row of existing) {
    if (seen.has(row.round_key) || row.withdrawn_at !== null) continue;
    await tc.db
      .updateTable('funding_rounds')
      .set({ withdrawn_at: tc.now, updated_at: tc.now })
      .where('id', '=', row.id)
      .execute();
    await recordChange(tc, 'round', row.id, 'withdrawn', {});
    changed = true;
  }
  return changed;
}
