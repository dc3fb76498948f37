import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, NotFoundError } from '../../../infra/http/errors.js';
import { recordAudit } from '../../audit/record-audit.js';
import { findCallById, findRoundById } from '../repository.js';
import type { roundUpdateBody, roundWriteBody } from '../schemas.js';
import { contentHash, diffColumns } from '../sync/hash.js';
import { recordChange } from '../sync/track.js';
import { assertOffice, assertReadable } from './access.js';
import { presentRound } from './presenters.js';
import { assertUpdated, assertVersion, manualTrackContext, type WriteDeps } from './write-support.js';

type Body = z.infer<typeof roundWriteBody>;

function columns(b: Body) {
  return {
    label: b.label ?? null,
    opens_at: b.opensAt ?? null,
    deadline_date: b.deadlineDate ?? null,
    deadline_time: b.deadlineTime ?? null,
    time_zone: b.timeZone,
    deadline_kind: b.deadlineKind,
    evidence: b.evidence ?? null,
  };
}

function assertZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new BadRequestError('BAD_TIME_ZONE', `Unknown time zone ${tz}`, `Unbekannte Zeitzone ${tz}`);
  }
}

/** A round typed in by a person: origin 'manual', confirmed, confidence 1. Works on imported calls too. */
export async function createRound(deps: WriteDeps, callId: number, body: Body) {
  assertOffice(deps.actor);
  assertZone(body.timeZone);
  const call = await findCallById(deps.db, callId);
  assertReadable(deps.actor, call, 'Call');
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    const cols = columns(body);
    const row = await trx
      .insertInto('funding_rounds')
      .values({
        ...cols,
        call_id: callId,
        round_key: `manual-${randomUUID()}`,
        confidence: 1,
        origin: 'manual',
        review_status: 'confirmed',
        content_hash: contentHash(cols),
        first_seen_at: now,
        last_seen_at: now,
        withdrawn_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(manualTrackContext(trx, deps.actor, now), 'round', row.id, 'first_seen', {});
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_round',
      entityId: row.id,
      action: 'create',
      after: row,
      requestId: deps.requestId,
    });
    return presentRound(row);
  });
}

/**
 * Manual rounds may be edited in full; rounds from a source or the extractor only get a review
 * status (confirm/reject), since their dates come from elsewhere.
 */
export async function updateRound(deps: WriteDeps, id: number, body: z.infer<typeof roundUpdateBody>) {
  assertOffice(deps.actor);
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findRoundById(trx, id);
    if (!row) throw new NotFoundError('Round');
    assertVersion(row, body.version);
    const { version, reviewStatus, ...fields } = body;
    const touchesFields = Object.values(fields).some((v) => v !== undefined);
    if (touchesFields && row.origin !== 'manual') {
      throw new BadRequestError(
        'NOT_MANUAL_ROUND',
        'Only manual rounds can be edited; confirm or reject this one, or add a manual round',
        'Nur manuelle Fristen sind änderbar; diese bitte bestätigen oder verwerfen oder eine manuelle Frist anlegen',
      );
    }
    if (fields.timeZone) assertZone(fields.timeZone);
    const cols = columns({
      label: fields.label === undefined ? row.label : fields.label,
      opensAt: fields.opensAt === undefined ? row.opens_at : fields.opensAt,
      deadlineDate: fields.deadlineDate === undefined ? row.deadline_date : fields.deadlineDate,
      deadlineTime: fields.deadlineTime === undefined ? row.deadline_time : fields.deadlineTime,
      timeZone: fields.timeZone ?? row.time_zone,
      deadlineKind: (fields.deadlineKind ?? row.deadline_kind) as Body['deadlineKind'],
      evidence: fields.evidence === undefined ? row.evidence : fields.evidence,
    });
    const next = { ...cols, review_status: reviewStatus ?? row.review_status };
    const changes = diffColumns(row as unknown as Record<string, unknown>, next);
    const res = await trx
      .updateTable('funding_rounds')
      .set({
        ...next,
        content_hash: row.origin === 'manual' ? contentHash(cols) : row.content_hash,
        updated_at: now,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    assertUpdated(res);
    if (Object.keys(changes).length)
      await recordChange(manualTrackContext(trx, deps.actor, now), 'round', id, 'changed', changes);
    const after = await findRoundById(trx, id);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_round',
      entityId: id,
      action: 'update',
      before: row,
      after,
      requestId: deps.requestId,
    });
    return presentRound(after ?? row);
  });
}
