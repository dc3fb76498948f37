import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { actorLabel } from '../../access/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { assertOffice } from '../api/access.js';
import { findRoundByKey, insertRound, listLiveCalls, updateRound } from '../repository.js';
import { extractDeadlines } from './extract-deadlines.js';

/** At or above this confidence an extracted deadline becomes a round at once; below it waits for review. */
export const AUTO_ACCEPT = 0.75;

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export interface ExtractionCounts {
  calls: number;
  rounds: number;
  queued: number;
}

/**
 * Reads deadlines from the free text of every live call (and its programme's "Fristen" text) and
 * stores them: confident ones as rounds with origin 'extracted', the rest in the review queue.
 * Calls whose source already gives rounds are skipped: the source wins over prose.
 */
export async function extractCallDeadlines(
  db: Kysely<DB>,
  opts: { today?: string; callId?: number } = {},
): Promise<ExtractionCounts> {
  const counts: ExtractionCounts = { calls: 0, rounds: 0, queued: 0 };
  const calls = (await listLiveCalls(db)).filter((c) => opts.callId === undefined || c.id === opts.callId);
  for (const call of calls) {
    const text = [call.text, call.programme_deadline_text].filter(Boolean).join('\n\n');
    if (!text.trim()) continue;
    const fromSource = await db
      .selectFrom('funding_rounds')
      .select('id')
      .where('call_id', '=', call.id)
      .where('origin', '=', 'source')
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (fromSource) continue;
    counts.calls++;
    const found = extractDeadlines(text, { today: opts.today });
    for (const d of found.deadlines) {
      if (d.confidence < 0.3) continue;
      const at = nowIso();
      if (d.confidence >= AUTO_ACCEPT) {
        const key = `extracted:${d.date}`;
        if (await findRoundByKey(db, call.id, key)) continue;
        await insertRound(db, {
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
        counts.rounds++;
      } else {
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
          .onConflict((oc) => oc.columns(['call_id', 'deadline_date']).doNothing())
          .executeTakeFirst();
        counts.queued += Number(res.numInsertedOrUpdatedRows ?? 0);
      }
    }
  }
  return counts;
}

export async function listReviewQueue(db: Kysely<DB>, actor: Actor, status = 'pending') {
  assertOffice(actor);
  const rows = await db
    .selectFrom('funding_deadline_reviews as r')
    .innerJoin('funding_calls as c', 'c.id', 'r.call_id')
    .select([
      'r.id',
      'r.call_id',
      'c.title as call_title',
      'r.deadline_date',
      'r.deadline_time',
      'r.time_zone',
      'r.confidence',
      'r.evidence',
      'r.reasons',
      'r.status',
      'r.decided_date',
      'r.round_id',
      'r.version',
    ])
    .where('r.status', '=', status as 'pending')
    .orderBy('r.confidence', 'desc')
    .orderBy('r.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
}

export type ReviewDecision =
  | { action: 'confirm'; version?: number }
  | { action: 'correct'; date: string; time?: string | null; version?: number }
  | { action: 'reject'; version?: number };

/** A person confirms (origin 'extracted'), corrects (origin 'manual') or rejects a queued deadline. */
export async function decideReview(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  decision: ReviewDecision,
  requestId?: string,
) {
  assertOffice(actor);
  return db.transaction().execute(async (trx) => {
    const item = await trx
      .selectFrom('funding_deadline_reviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!item) throw new NotFoundError('Review item');
    if (decision.version !== undefined && decision.version !== item.version) throw new ConflictError();
    if (item.status !== 'pending') {
      throw new BadRequestError(
        'ALREADY_DECIDED',
        'This deadline was already decided',
        'Über diese Frist wurde bereits entschieden',
      );
    }
    const at = nowIso();
    let roundId: number | null = null;
    const date = decision.action === 'correct' ? decision.date : item.deadline_date;
    if (decision.action !== 'reject') {
      const origin = decision.action === 'correct' ? 'manual' : 'extracted';
      const key = `${origin}:${date}`;
      const time = decision.action === 'correct' ? (decision.time ?? null) : item.deadline_time;
      const existing = await findRoundByKey(trx, item.call_id, key);
      if (existing) {
        await updateRound(trx, existing.id, { review_status: 'confirmed', updated_at: at });
        roundId = existing.id;
      } else {
        roundId = await insertRound(trx, {
          call_id: item.call_id,
          round_key: key,
          label: null,
          opens_at: null,
          deadline_date: date,
          deadline_time: time,
          time_zone: item.time_zone?.includes('/') ? item.time_zone : 'Europe/Berlin',
          deadline_kind: 'submission',
          confidence: origin === 'manual' ? 1 : item.confidence,
          origin,
          review_status: 'confirmed',
          evidence: item.evidence,
          content_hash: hash(`${date}|${time ?? ''}|${item.evidence}`),
          first_seen_at: at,
          last_seen_at: at,
          withdrawn_at: null,
          created_at: at,
          updated_at: at,
        });
      }
    }
    const status =
      decision.action === 'confirm' ? 'confirmed' : decision.action === 'correct' ? 'corrected' : 'rejected';
    await trx
      .updateTable('funding_deadline_reviews')
      .set({
        status,
        decided_date: decision.action === 'reject' ? null : date,
        round_id: roundId,
        decided_by: actorLabel(actor),
        decided_at: at,
        version: item.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_deadline_review',
      entityId: id,
      action: decision.action,
      before: { status: item.status, date: item.deadline_date },
      after: { status, date, roundId },
      requestId,
    });
    return { id, status, roundId, date: decision.action === 'reject' ? null : date };
  });
}
