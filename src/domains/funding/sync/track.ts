import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { FundingRecordType } from '../tables.js';
import { type Columns, contentHash, diffColumns, type FieldChanges } from './hash.js';

export type TrackedTable = 'funding_programmes' | 'funding_calls' | 'funding_funded_projects';
export type Outcome = 'new' | 'changed' | 'unchanged' | 'reappeared';

export interface TrackContext {
  db: Kysely<DB>;
  runId: number | null;
  now: string;
  source: string;
  sourceSet: string;
  actorLabel: string;
}

const recordTypeOf: Record<TrackedTable, FundingRecordType> = {
  funding_programmes: 'programme',
  funding_calls: 'call',
  funding_funded_projects: 'funded_project',
};

// funded projects are reference data without optimistic-locking columns
const stamped = (t: TrackedTable) => t !== 'funding_funded_projects';

export async function recordChange(
  tc: TrackContext,
  recordType: FundingRecordType,
  recordId: number,
  kind: 'first_seen' | 'changed' | 'withdrawn' | 'reappeared',
  changes: FieldChanges | Record<string, never>,
): Promise<void> {
  await tc.db
    .insertInto('funding_changes')
    .values({
      record_type: recordType,
      record_id: recordId,
      at: tc.now,
      kind,
      changes: JSON.stringify(changes),
      import_run_id: tc.runId,
      actor_label: tc.actorLabel,
    })
    .execute();
}

/**
 * Inserts or updates one imported record by (source_set, source_id). Same content: only
 * last_seen_at moves. Different content: the row is updated and one change row lists each field's
 * before/after. A withdrawn record that shows up again is marked reappeared.
 */
export async function upsertTracked(
  tc: TrackContext,
  table: TrackedTable,
  sourceId: string,
  sourceUrl: string | null,
  columns: Columns,
): Promise<{ id: number; outcome: Outcome }> {
  // One generic path for three tables with the same tracking columns; the union is narrowed by name.
  const t = table as 'funding_programmes';
  const all: Columns = { ...columns, source_url: sourceUrl };
  const hash = contentHash(all);
  const existing = await tc.db
    .selectFrom(t)
    .selectAll()
    .where('source_set', '=', tc.sourceSet)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  const recordType = recordTypeOf[table];
  if (!existing) {
    const values = {
      ...all,
      source: tc.source,
      source_set: tc.sourceSet,
      source_id: sourceId,
      content_hash: hash,
      first_seen_at: tc.now,
      last_seen_at: tc.now,
      withdrawn_at: null,
      ...(stamped(table) ? { created_at: tc.now, updated_at: tc.now } : {}),
    };
    const row = await tc.db
      .insertInto(t)
      .values(values as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(tc, recordType, row.id, 'first_seen', {});
    return { id: row.id, outcome: 'new' };
  }
  const wasWithdrawn = existing.withdrawn_at !== null;
  const readAgain = { unreadable_at: null, unreadable_reason: null, unreadable_run_id: null };
  if (existing.content_hash === hash && !wasWithdrawn) {
    if (existing.last_seen_at !== tc.now || existing.unreadable_at !== null) {
      await tc.db
        .updateTable(t)
        .set({ last_seen_at: tc.now, ...readAgain })
        .where('id', '=', existing.id)
        .execute();
    }
    return { id: existing.id, outcome: 'unchanged' };
  }
  const changes = diffColumns(existing as unknown as Record<string, unknown>, all);
  const patch = {
    ...all,
    content_hash: hash,
    last_seen_at: tc.now,
    withdrawn_at: null,
    ...readAgain,
    ...(stamped(table) ? { updated_at: tc.now, version: existing.version + 1 } : {}),
  };
  await tc.db
    .updateTable(t)
    .set(patch as never)
    .where('id', '=', existing.id)
    .execute();
  await recordChange(tc, recordType, existing.id, wasWithdrawn ? 'reappeared' : 'changed', changes);
  return { id: existing.id, outcome: wasWithdrawn ? 'reappeared' : 'changed' };
}

export interface KeptRecords {
  programmes: number[];
  calls: number[];
  projects: number[];
}

/**
 * A record the source still lists but this run could not read: every live record of the set with that
 * source id keeps its last good state (it counts as seen, so it is not withdrawn) and is flagged
 * unreadable with the run and the reason. A call's programme is kept with it. No change row is
 * written: nothing about the record changed, so no watcher hears of it.
 */
export async function keepUnreadable(
  tc: TrackContext,
  sourceId: string,
  reason: string,
): Promise<KeptRecords> {
  const flag = {
    unreadable_at: tc.now,
    unreadable_reason: reason.slice(0, 2000),
    unreadable_run_id: tc.runId,
  };
  const kept: KeptRecords = { programmes: [], calls: [], projects: [] };
  const live = <T extends TrackedTable>(table: T) =>
    tc.db
      .selectFrom(table as 'funding_programmes')
      .select('id')
      .where('source_set', '=', tc.sourceSet)
      .where('source_id', '=', sourceId)
      .where('withdrawn_at', 'is', null)
      .execute();
  kept.programmes = (await live('funding_programmes')).map((r) => r.id);
  const calls = await tc.db
    .selectFrom('funding_calls')
    .select(['id', 'programme_id'])
    .where('source_set', '=', tc.sourceSet)
    .where('source_id', '=', sourceId)
    .where('withdrawn_at', 'is', null)
    .execute();
  kept.calls = calls.map((c) => c.id);
  for (const c of calls) if (c.programme_id !== null) kept.programmes.push(c.programme_id);
  kept.projects = (await live('funding_funded_projects')).map((r) => r.id);
  const mark = async (table: TrackedTable, ids: number[]) => {
    if (ids.length)
      await tc.db
        .updateTable(table as 'funding_programmes')
        .set(flag)
        .where('id', 'in', ids)
        .where('source_set', '=', tc.sourceSet)
        .where('source_id', '=', sourceId)
        .execute();
  };
  await mark('funding_programmes', kept.programmes);
  await mark('funding_calls', kept.calls);
  await mark('funding_funded_projects', kept.projects);
  return kept;
}

/** After a full import: every live record of the set that was not seen is marked withdrawn. */
export async function withdrawMissing(
  tc: TrackContext,
  table: TrackedTable,
  seen: Set<number>,
): Promise<number[]> {
  const t = table as 'funding_programmes';
  const live = await tc.db
    .selectFrom(t)
    .select('id')
    .where('source_set', '=', tc.sourceSet)
    .where('withdrawn_at', 'is', null)
    .execute();
  const withdrawn: number[] = [];
  for (const { id } of live) {
    if (seen.has(id)) continue;
    await tc.db
      .updateTable(t)
      .set({ withdrawn_at: tc.now, ...(stamped(table) ? { updated_at: tc.now } : {}) } as never)
      .where('id', '=', id)
      .execute();
    await recordChange(tc, recordTypeOf[table], id, 'withdrawn', {});
    withdrawn.push(id);
  }
  return withdrawn;
}
