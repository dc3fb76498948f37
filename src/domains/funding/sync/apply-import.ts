import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { IMMEDIATE_ALERTS_JOB } from '../alerts/job-names.js';
import { refreshEffectiveFields } from '../classify/call-fields.js';
import { queueDeadlineExtraction, queueJob } from '../deadlines/queue.js';
import {
  emptyCounts,
  type ImportCounts,
  type ImportProgress,
  type ParsedItem,
  type ParsedSource,
} from '../model.js';
import { checkRecord } from './check-record.js';
import { callColumns, fundedProjectColumns, programmeColumns } from './columns.js';
import { quarantineRecord } from './quarantine.js';
import { syncSourceRounds } from './rounds.js';
import { keepUnreadable, type Outcome, type TrackContext, upsertTracked, withdrawMissing } from './track.js';

export interface ImportResult {
  runId: number;
  importer: string;
  sourceSet: string;
  counts: ImportCounts;
  notes: string[];
  records: number;
  seconds: number;
  /** Job `funding.extract-deadlines` queued for the calls this import added or changed (null: none). */
  extractionJobId: number | null;
  /** Job `funding.alerts.immediate` queued because the import brought new calls (null: none). */
  alertJobId: number | null;
}

const BATCH_SIZE = 100;

interface Seen {
  programmes: Set<number>;
  calls: Set<number>;
  projects: Set<number>;
  /** Calls new, changed or reappeared (or whose programme or source rounds changed): read again. */
  affectedCalls: Set<number>;
}

function merge(outcomes: Outcome[]): Outcome {
  if (outcomes.includes('new')) return 'new';
  if (outcomes.includes('reappeared')) return 'reappeared';
  if (outcomes.includes('changed')) return 'changed';
  return 'unchanged';
}

async function applyItem(tc: TrackContext, item: Exclude<ParsedItem, { kind: 'rejected' }>, seen: Seen) {
  if (item.kind === 'funded_project') {
    const r = await upsertTracked(
      tc,
      'funding_funded_projects',
      item.project.sourceId,
      item.project.sourceUrl,
      fundedProjectColumns(item.project),
    );
    seen.projects.add(r.id);
    return r.outcome;
  }
  const outcomes: Outcome[] = [];
  let programmeId: number | null = null;
  if (item.programme) {
    const p = await upsertTracked(
      tc,
      'funding_programmes',
      item.programme.sourceId,
      item.programme.sourceUrl,
      programmeColumns(item.programme),
    );
    seen.programmes.add(p.id);
    programmeId = p.id;
    outcomes.push(p.outcome);
  }
  if (item.call) {
    if (programmeId === null && item.call.programmeSourceId) {
      const prog = await tc.db
        .selectFrom('funding_programmes')
        .select('id')
        .where('source_set', '=', tc.sourceSet)
        .where('source_id', '=', item.call.programmeSourceId)
        .executeTakeFirst();
      programmeId = prog?.id ?? null;
    }
    const c = await upsertTracked(
      tc,
      'funding_calls',
      item.call.sourceId,
      item.call.sourceUrl,
      callColumns(item.call, programmeId),
    );
    seen.calls.add(c.id);
    outcomes.push(c.outcome);
    // the source's fields count at once; the classifier's reading follows with the extraction job
    if (c.outcome !== 'unchanged') await refreshEffectiveFields(tc.db, c.id);
    const roundsChanged = await syncSourceRounds(tc, c.id, item.call.rounds);
    if (roundsChanged && c.outcome === 'unchanged') outcomes.push('changed');
    if (merge(outcomes) !== 'unchanged') seen.affectedCalls.add(c.id);
  }
  return merge(outcomes);
}

function sourceIdOf(item: Exclude<ParsedItem, { kind: 'rejected' }>): string | undefined {
  if (item.kind === 'funded_project') return item.project.sourceId;
  return item.call?.sourceId ?? item.programme?.sourceId;
}

/**
 * Applies a parsed source to the database: each record in its own transaction (a failing record is
 * quarantined and the rest goes on), then, for a full import, withdraws what was not seen.
 */
export async function applyImport(
  db: Kysely<DB>,
  parsed: ParsedSource,
  opts: { location: string; actorLabel: string; onProgress?: ImportProgress; now?: () => Date },
): Promise<ImportResult> {
  const clock = opts.now ?? (() => new Date());
  const started = clock();
  const startedAt = started.toISOString();
  const run = await db
    .insertInto('funding_import_runs')
    .values({
      importer: parsed.importer,
      location: opts.location.slice(0, 1000),
      source_set: parsed.sourceSet,
      started_at: startedAt,
      finished_at: null,
      status: 'running',
      counts: null,
      notes: null,
      actor_label: opts.actorLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = emptyCounts();
  const seen: Seen = {
    programmes: new Set(),
    calls: new Set(),
    projects: new Set(),
    affectedCalls: new Set(),
  };
  const base = {
    runId: run.id,
    now: startedAt,
    source: parsed.source,
    sourceSet: parsed.sourceSet,
    actorLabel: opts.actorLabel,
  };
  let done = 0;
  // Withdraw only what a completely read source no longer contains: a rejected record whose id cannot
  // be told might be any stored record, and a run that read nothing usable says nothing about the set.
  let usable = 0;
  let unidentified = 0;
  /** Records stored with a note on what was taken out of them (characters, links). */
  let noted = 0;
  // parsed.notes grows while the records are read; the run's own notes are added at the end
  const runNotes: string[] = [];
  const readIds = new Set<string>();
  const keep = async (trx: Kysely<DB>, sourceId: string | undefined, reason: string) => {
    if (sourceId === undefined) {
      unidentified++;
      return;
    }
    // e.g. a second copy of a record that was read: the record itself is fine
    if (readIds.has(sourceId)) return;
    const kept = await keepUnreadable({ ...base, db: trx }, sourceId, reason);
    for (const id of kept.programmes) seen.programmes.add(id);
    for (const id of kept.calls) seen.calls.add(id);
    for (const id of kept.projects) seen.projects.add(id);
    if (kept.programmes.length + kept.calls.length + kept.projects.length > 0) counts.unreadable++;
  };
  // Records are committed in batches (one fsync per batch, not per record); a savepoint per record
  // keeps a failing record from taking the rest of its batch with it.
  let batch: ControlledTransaction<DB> | null = null;
  let inBatch = 0;
  try {
    for await (const item of parsed.items) {
      done++;
      if (!batch) {
        batch = await db.startTransaction().execute();
        inBatch = 0;
      }
      const trx: ControlledTransaction<DB> = batch;
      const checked = item.kind === 'rejected' ? null : checkRecord(item);
      if (item.kind === 'rejected' || (checked && 'reason' in checked)) {
        const reason = item.kind === 'rejected' ? item.reason : (checked as { reason: string }).reason;
        counts.rejected++;
        await quarantineRecord(trx, {
          source: parsed.source,
          file: item.kind === 'rejected' ? item.file : opts.location,
          recordKey: item.key,
          raw: item.kind === 'rejected' ? item.raw : JSON.stringify(item).slice(0, 20_000),
          reason,
          now: startedAt,
        });
        await keep(trx, item.kind === 'rejected' ? item.sourceId : sourceIdOf(item), reason);
      } else if (checked && 'item' in checked) {
        const good = checked.item;
        if (checked.notes.length) noted++;
        const sp = await trx.savepoint('rec').execute();
        try {
          const outcome = await applyItem({ ...base, db: sp }, good, seen);
          await sp.releaseSavepoint('rec').execute();
          counts[outcome]++;
          usable++;
          const id = sourceIdOf(good);
          if (id !== undefined) readIds.add(id);
        } catch (err) {
          await sp.rollbackToSavepoint('rec').execute();
          counts.rejected++;
          const reason = `database rejected the record: ${err instanceof Error ? err.message : String(err)}`;
          await quarantineRecord(trx, {
            source: parsed.source,
            file: opts.location,
            recordKey: item.key,
            raw: JSON.stringify(good).slice(0, 20_000),
            reason,
            now: startedAt,
          });
          await keep(trx, sourceIdOf(good), reason);
        }
      }
      if (++inBatch >= BATCH_SIZE) {
        await trx.commit().execute();
        batch = null;
        // Only between batches: on SQLite the open transaction holds the one connection, and the
        // job runner's progress update needs it.
        await opts.onProgress?.(done, parsed.total, item.key);
      }
    }
    if (batch) {
      await batch.commit().execute();
      batch = null;
    }
    if (noted)
      runNotes.push(
        `${noted} record(s) stored with characters or links taken out, named in their import notes / ` +
          `${noted} Datensatz/Datensätze mit entfernten Zeichen oder Links gespeichert, in ihren Importhinweisen genannt`,
      );
    const complete = usable > 0 && unidentified === 0;
    if (parsed.full && !complete) {
      runNotes.push(
        usable === 0
          ? 'nothing withdrawn: the run read no usable record / nichts zurückgezogen: kein verwertbarer Datensatz gelesen'
          : `nothing withdrawn: ${unidentified} rejected record(s) could not be identified, so the source was not read completely / ` +
              `nichts zurückgezogen: ${unidentified} abgelehnte(r) Datensatz/Datensätze nicht zuzuordnen, die Quelle wurde nicht vollständig gelesen`,
      );
    }
    if (parsed.full && complete) {
      await db.transaction().execute(async (trx) => {
        const tc = { ...base, db: trx };
        const calls = await withdrawMissing(tc, 'funding_calls', seen.calls);
        const programmes = await withdrawMissing(tc, 'funding_programmes', seen.programmes);
        const projects = await withdrawMissing(tc, 'funding_funded_projects', seen.projects);
        // A programme that goes with its call is one record to the person reading the counts.
        const callProgrammes = calls.length
          ? new Set(
              (
                await trx
                  .selectFrom('funding_calls')
                  .select('programme_id')
                  .where('id', 'in', calls)
                  .execute()
              ).map((c) => c.programme_id),
            )
          : new Set<number | null>();
        counts.withdrawn +=
          calls.length + projects.length + programmes.filter((id) => !callProgrammes.has(id)).length;
      });
    }
  } catch (err) {
    if (batch) await batch.rollback().execute();
    // batches committed before the failure changed calls too: read those again
    await queueDeadlineExtraction(db, seen.affectedCalls).catch(() => null);
    await db
      .updateTable('funding_import_runs')
      .set({
        finished_at: clock().toISOString(),
        status: 'failed',
        counts: JSON.stringify(counts),
        notes: JSON.stringify([...parsed.notes, ...runNotes, String(err)]),
      })
      .where('id', '=', run.id)
      .execute();
    throw err;
  }
  const notes = [...parsed.notes, ...runNotes];
  await opts.onProgress?.(done, done, 'done');
  // Deadlines, rolling/closed and withdrawals follow the new texts right away, not at the daily run.
  const extractionJobId = await queueDeadlineExtraction(db, seen.affectedCalls);
  // New calls may fit a saved search or an organisation's profile: those who asked hear at once,
  // whichever way the import ran (CLI, upload, scheduled re-import).
  const alertJobId = counts.new > 0 ? await queueJob(db, IMMEDIATE_ALERTS_JOB, {}) : null;
  const finished = clock();
  await db
    .updateTable('funding_import_runs')
    .set({
      finished_at: finished.toISOString(),
      status: 'done',
      counts: JSON.stringify(counts),
      notes: JSON.stringify(notes),
    })
    .where('id', '=', run.id)
    .execute();
  return {
    runId: run.id,
    importer: parsed.importer,
    sourceSet: parsed.sourceSet,
    counts,
    notes,
    records: done,
    seconds: (finished.getTime() - started.getTime()) / 1000,
    extractionJobId,
    alertJobId,
  };
}
