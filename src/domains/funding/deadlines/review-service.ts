import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { actorLabel } from '../../access/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { assertOffice } from '../api/access.js';
import { findRoundByKey, insertRound, updateRound } from '../repository.js';
import { recordChange } from '../sync/track.js';
import { applyFlags, desiredFlags, effectiveFlags } from './apply-flags.js';

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export { AUTO_ACCEPT, type ExtractionCounts, extractCallDeadlines } from './extract-calls.js';

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
        // confirming a date brings back a round the extraction had withdrawn
        await updateRound(trx, existing.id, {
          review_status: 'confirmed',
          withdrawn_at: null,
          updated_at: at,
        });
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

/**
 * Calls whose text was read as rolling or closed (or whose status/stage model extraction changed):
 * what the extractor read, from which sentence, what was written to the call, and whether a source
 * field held it back. 'pending' = not yet decided by a person; 'decided' = confirmed or overridden.
 */
export async function listFlagQueue(db: Kysely<DB>, actor: Actor, state: 'pending' | 'decided' = 'pending') {
  assertOffice(actor);
  let q = db
    .selectFrom('funding_calls')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where('extraction_at', 'is not', null);
  q =
    state === 'pending'
      ? q
          .where('flags_review', '=', 'unreviewed')
          .where((eb) =>
            eb.or([
              eb('extracted_rolling', '=', 1),
              eb('extracted_closed', '=', 1),
              eb('status_before_extraction', 'is not', null),
              eb('stage_before_extraction', 'is not', null),
            ]),
          )
      : q.where('flags_review', '!=', 'unreviewed');
  const rows = await q.orderBy('id').limit(500).execute();
  return rows.map((c) => {
    const d = desiredFlags(c);
    const eff = effectiveFlags(c);
    const evidence = c.extraction_flag_evidence
      ? (JSON.parse(c.extraction_flag_evidence) as { rolling?: string; closed?: string })
      : {};
    return {
      call_id: c.id,
      call_title: c.title,
      source: c.source,
      status: c.status,
      stage_model: c.stage_model,
      extracted_rolling: c.extracted_rolling === 1,
      extracted_closed: c.extracted_closed === 1,
      rolling: eff.rolling,
      closed: eff.closed,
      rolling_evidence: evidence.rolling ?? null,
      closed_evidence: evidence.closed ?? null,
      status_applied: c.status_before_extraction !== null,
      stage_applied: c.stage_before_extraction !== null,
      status_held_by_source: d.statusHeldBySource,
      stage_held_by_source: d.stageHeldBySource,
      flags_review: c.flags_review,
      decided_by: c.flags_decided_by,
      decided_at: c.flags_decided_at,
      version: c.version,
    };
  });
}

/**
 * A person confirms or overrides the rolling/closed reading of a call. The decision wins over the
 * extractor and over source fields from then on (later extractions keep it), and is written to the
 * call's status and stage model with a history row and an audit entry.
 */
export async function decideFlags(
  db: Kysely<DB>,
  actor: Actor,
  callId: number,
  decision: { rolling: boolean; closed: boolean; version?: number },
  requestId?: string,
) {
  assertOffice(actor);
  return db.transaction().execute(async (trx) => {
    const call = await trx
      .selectFrom('funding_calls')
      .selectAll()
      .where('id', '=', callId)
      .executeTakeFirst();
    if (!call) throw new NotFoundError('Call');
    if (decision.version !== undefined && decision.version !== call.version) throw new ConflictError();
    const at = nowIso();
    const review =
      decision.rolling === (call.extracted_rolling === 1) && decision.closed === (call.extracted_closed === 1)
        ? 'confirmed'
        : 'overridden';
    const who = actorLabel(actor);
    const decided = {
      flags_review: review,
      flags_rolling: decision.rolling ? 1 : 0,
      flags_closed: decision.closed ? 1 : 0,
      flags_decided_by: who,
      flags_decided_at: at,
      version: call.version + 1,
    };
    await trx.updateTable('funding_calls').set(decided).where('id', '=', callId).execute();
    const tc = {
      db: trx,
      runId: null,
      now: at,
      source: call.source,
      sourceSet: call.source_set,
      actorLabel: who,
    };
    const after = { ...call, ...decided };
    const changed = await applyFlags(trx, after, tc);
    if (!changed) {
      // the decision itself is history even when status and stage model stay as they were
      await recordChange(tc, 'call', callId, 'changed', {
        flags_review: { before: call.flags_review, after: review },
      });
    }
    const row = await trx
      .selectFrom('funding_calls')
      .select(['status', 'stage_model', 'version'])
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_call_flags',
      entityId: callId,
      action: review === 'confirmed' ? 'confirm' : 'override',
      before: {
        rolling: call.extracted_rolling === 1,
        closed: call.extracted_closed === 1,
        status: call.status,
        stageModel: call.stage_model,
      },
      after: {
        rolling: decision.rolling,
        closed: decision.closed,
        status: row.status,
        stageModel: row.stage_model,
      },
      requestId,
    });
    return { callId, review, status: row.status, stageModel: row.stage_model, version: row.version };
  });
}
