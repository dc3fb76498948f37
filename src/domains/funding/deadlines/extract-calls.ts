import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { actorLabel, systemActor } from '../../access/actor.js';
import { classifyCalls } from '../classify/call-fields.js';
import { type CallRow, insertRound } from '../repository.js';
import { recordChange, type TrackContext } from '../sync/track.js';
import { applyFlags } from './apply-flags.js';
import { extractDeadlines } from './extract-deadlines.js';
import { followSourceDates } from './follow-dates.js';
import { EXTRACT_JOB } from './queue.js';
import type { DeadlineExtraction } from './types.js';

/** At or above this confidence an extracted deadline becomes a round at once; below it waits for review. */
export const AUTO_ACCEPT = 0.75;
/** Below this the extractor's reading is not worth a person's time. */
const MIN_REVIEW = 0.3;

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export interface ExtractionCounts {
  calls: number;
  rounds: number;
  queued: number;
  /** Extracted rounds withdrawn because the text no longer names them or the source now gives rounds. */
  withdrawn: number;
  /** Extracted rounds found again after a withdrawal. */
  reappeared: number;
  /** Calls whose status or stage model changed from the rolling/closed reading. */
  flagChanges: number;
  /** Calls the classifier put into at least one field of action. */
  classified: number;
}

type LiveCall = CallRow & {
  programme_deadline_text: string | null;
  programme_body: string | null;
  programme_procedure: string | null;
};

/**
 * The texts a call's deadlines are read from: its own text, then its programme's "Fristen", procedure
 * and body (a Förderdatenbank call has no text of its own: its programme's texts are the call's).
 */
export function callTexts(call: {
  text: string | null;
  programme_deadline_text: string | null;
  programme_procedure: string | null;
  programme_body: string | null;
}): string {
  return [call.text, call.programme_deadline_text, call.programme_procedure, call.programme_body]
    .filter((t): t is string => Boolean(t?.trim()))
    .join('\n\n');
}

const nothingFound: DeadlineExtraction = {
  deadlines: [],
  rolling: false,
  closed: false,
  otherDates: [],
  rollingEvidence: null,
  closedEvidence: null,
};

/**
 * Reads deadlines from the free text of live calls (and their programme's "Fristen" text) and
 * stores them: confident ones as rounds with origin 'extracted', the rest in the review queue; the
 * rolling/closed reading goes to the call's status and stage model (apply-flags.ts). Rounds from the
 * source win over prose: once a call has source rounds, its unconfirmed extracted rounds are
 * withdrawn and no new ones are added. When the text changed since the last reading, extracted
 * rounds (not confirmed by a person) that the new text no longer names are withdrawn, and pending
 * review items for dates no longer named leave the queue. Each call in its own transaction; every
 * round and call change gets a history row (funding_changes).
 */
export async function extractCallDeadlines(
  db: Kysely<DB>,
  opts: { today?: string; callId?: number; callIds?: number[] } = {},
): Promise<ExtractionCounts> {
  const counts: ExtractionCounts = {
    calls: 0,
    rounds: 0,
    queued: 0,
    withdrawn: 0,
    reappeared: 0,
    flagChanges: 0,
    classified: 0,
  };
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const wanted =
    opts.callId !== undefined || opts.callIds !== undefined
      ? [...(opts.callId !== undefined ? [opts.callId] : []), ...(opts.callIds ?? [])]
      : null;
  let q = db
    .selectFrom('funding_calls')
    .leftJoin('funding_programmes', 'funding_programmes.id', 'funding_calls.programme_id')
    .selectAll('funding_calls')
    .select([
      'funding_programmes.deadline_text as programme_deadline_text',
      'funding_programmes.body as programme_body',
      'funding_programmes.procedure_text as programme_procedure',
    ])
    .where('funding_calls.withdrawn_at', 'is', null)
    .orderBy('funding_calls.id');
  if (wanted) {
    if (wanted.length === 0) return counts;
    q = q.where('funding_calls.id', 'in', wanted);
  }
  const calls = await q.execute();
  for (const call of calls) {
    await db.transaction().execute((trx) => extractOne(trx, call, today, counts));
  }
  // the same texts tell the fields of action (with the words that matched)
  counts.classified = (
    await classifyCalls(
      db,
      calls.map((c) => c.id),
    )
  ).classified;
  return counts;
}

async function extractOne(db: Kysely<DB>, given: LiveCall, today: string, counts: ExtractionCounts) {
  let call = given;
  const text = callTexts(call);
  const textHash = hash(text);
  const textChanged = call.extraction_text_hash !== null && call.extraction_text_hash !== textHash;
  const at = nowIso();
  const tc: TrackContext = {
    db,
    runId: null,
    now: at,
    source: call.source,
    sourceSet: call.source_set,
    actorLabel: actorLabel(systemActor(EXTRACT_JOB)),
  };
  const found = text.trim() ? extractDeadlines(text, { today }) : nothingFound;
  if (text.trim()) counts.calls++;
  const rounds = await db.selectFrom('funding_rounds').selectAll().where('call_id', '=', call.id).execute();
  const now = today === new Date().toISOString().slice(0, 10) ? new Date() : new Date(`${today}T12:00:00Z`);
  call = await followSourceDates(db, call, rounds, now, tc);
  const hasSourceRounds = rounds.some((r) => r.origin === 'source' && r.withdrawn_at === null);
  const keptDates = new Set<string>();
  const reviewDates = new Set<string>();

  if (!hasSourceRounds) {
    for (const d of found.deadlines) {
      if (d.confidence < MIN_REVIEW) continue;
      if (d.confidence >= AUTO_ACCEPT) {
        keptDates.add(d.date);
        const key = `extracted:${d.date}`;
        const row = rounds.find((r) => r.round_key === key);
        if (row) {
          if (row.withdrawn_at !== null && row.origin === 'extracted' && row.review_status !== 'rejected') {
            await db
              .updateTable('funding_rounds')
              .set({ withdrawn_at: null, last_seen_at: at, updated_at: at, version: row.version + 1 })
              .where('id', '=', row.id)
              .execute();
            await recordChange(tc, 'round', row.id, 'reappeared', {});
            counts.reappeared++;
          } else if (row.withdrawn_at === null && row.last_seen_at !== at) {
            await db
              .updateTable('funding_rounds')
              .set({ last_seen_at: at })
              .where('id', '=', row.id)
              .execute();
          }
          continue;
        }
        const id = await insertRound(db, {
          call_id: call.id,
          round_key: key,
          label: d.recurring ? 'Stichtag (wiederkehrend)' : null,
          opens_at: null,
          deadline_date: d.date,
          deadline_time: d.time,
          time_zone: d.timeZone?.includes('/') ? d.timeZone : 'Europe/Berlin',
          deadline_kind: 'submission',
          confidence: d.confidence,
          origin: 'extracted',
          review_status: 'unreviewed',
          evidence: d.evidence,
          content_hash: hash(`${d.date}|${d.time ?? ''}|${d.evidence}`),
          first_seen_at: at,
          last_seen_at: at,
          withdrawn_at: null,
          created_at: at,
          updated_at: at,
        });
        await recordChange(tc, 'round', id, 'first_seen', {});
        counts.rounds++;
      } else {
        reviewDates.add(d.date);
        const res = await db
          .insertInto('funding_deadline_reviews')
          .values({
            call_id: call.id,
            deadline_date: d.date,
            deadline_time: d.time,
            time_zone: d.timeZone,
            confidence: d.confidence,
            evidence: d.evidence,
            reasons: JSON.stringify(d.reasons),
            status: 'pending',
            created_at: at,
          })
          // a date the extraction took out of the queue comes back when the text names it again
          .onConflict((oc) =>
            oc
              .columns(['call_id', 'deadline_date'])
              .doUpdateSet({
                status: 'pending',
                deadline_time: d.time,
                time_zone: d.timeZone,
                confidence: d.confidence,
                evidence: d.evidence,
                reasons: JSON.stringify(d.reasons),
                decided_by: null,
                decided_at: null,
              })
              .where('funding_deadline_reviews.status', '=', 'rejected')
              .where('funding_deadline_reviews.decided_by', '=', tc.actorLabel),
          )
          .executeTakeFirst();
        counts.queued += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
    }
  }

  // Withdraw what prose no longer supports: never source or manual rounds, never a person's decision.
  for (const row of rounds) {
    if (row.origin !== 'extracted' || row.review_status !== 'unreviewed' || row.withdrawn_at !== null)
      continue;
    let reason: string | null = null;
    if (hasSourceRounds) reason = 'die Quelle nennt jetzt eigene Fristen / the source now gives rounds';
    else if (
      textChanged &&
      row.deadline_date !== null &&
      !keptDates.has(row.deadline_date) &&
      row.deadline_date >= today
    ) {
      // Past rounds stay: a passed deadline (or last year's cut-off) is history, not an error.
      reason = 'nicht mehr im Aufrufstext / no longer in the call text';
    }
    if (!reason) continue;
    await db
      .updateTable('funding_rounds')
      .set({ withdrawn_at: at, updated_at: at, version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    await recordChange(tc, 'round', row.id, 'withdrawn', {
      withdrawn_because: { before: null, after: reason },
    });
    counts.withdrawn++;
  }
  if (hasSourceRounds || textChanged) {
    let pending = db
      .updateTable('funding_deadline_reviews')
      // rejected by the extraction itself (decided_by names the job), not by a person
      .set({ status: 'rejected', decided_by: tc.actorLabel, decided_at: at })
      .where('call_id', '=', call.id)
      .where('status', '=', 'pending');
    if (!hasSourceRounds && reviewDates.size > 0)
      pending = pending.where('deadline_date', 'not in', [...reviewDates]);
    await pending.execute();
  }

  const evidence: Record<string, string> = {};
  if (found.rollingEvidence) evidence.rolling = found.rollingEvidence;
  if (found.closedEvidence) evidence.closed = found.closedEvidence;
  const state = {
    extraction_text_hash: textHash,
    extraction_at: at,
    extracted_rolling: found.rolling ? 1 : 0,
    extracted_closed: found.closed ? 1 : 0,
    extraction_flag_evidence: Object.keys(evidence).length ? JSON.stringify(evidence) : null,
  };
  await db.updateTable('funding_calls').set(state).where('id', '=', call.id).execute();
  if (await applyFlags(db, { ...call, ...state }, tc)) counts.flagChanges++;
}
