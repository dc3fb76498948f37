import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, NotFoundError } from '../../../infra/http/errors.js';
import { actorLabel } from '../../access/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { findCallById, findProgrammeById } from '../repository.js';
import type { callUpdateBody, callWriteBody } from '../schemas.js';
import { contentHash, diffColumns, json } from '../sync/hash.js';
import { recordChange } from '../sync/track.js';
import { assertOffice } from './access.js';
import { getCallDetail } from './get-call.js';
import {
  assertManualRecord,
  assertUpdated,
  assertVersion,
  manualTrackContext,
  type WriteDeps,
} from './write-support.js';

type Body = z.infer<typeof callWriteBody>;

function columns(b: Body) {
  return {
    programme_id: b.programmeId ?? null,
    identifier: b.identifier ?? null,
    title: b.title,
    text: b.text ?? null,
    status: b.status,
    stage_model: b.stageModel,
    giver_level: b.giverLevel,
    giver_name: b.giverName ?? null,
    budget_eur: b.budgetEur ?? null,
    funding_rate_percent: b.fundingRatePercent ?? null,
    min_grant_eur: b.minGrantEur ?? null,
    max_grant_eur: b.maxGrantEur ?? null,
    eligible_applicants: json(b.eligibleApplicants),
    regions: json(b.regions),
    fields_of_action: json(b.fieldsOfAction),
    links: json(b.links),
    source_url: b.sourceUrl ?? null,
    is_public: b.isPublic ? 1 : 0,
  };
}

function officeFields(fields: string[], actor: WriteDeps['actor'], now: string) {
  return {
    office_fields: json(fields),
    effective_fields: json(fields),
    fields_decided_by: actorLabel(actor),
    fields_decided_at: now,
  };
}

async function assertProgrammeExists(deps: WriteDeps, id: number | null | undefined) {
  if (id && !(await findProgrammeById(deps.db, id))) {
    throw new BadRequestError(
      'UNKNOWN_PROGRAMME',
      'Programme does not exist',
      'Förderprogramm existiert nicht',
    );
  }
}

export async function createCall(deps: WriteDeps, body: Body) {
  assertOffice(deps.actor);
  await assertProgrammeExists(deps, body.programmeId);
  const now = nowIso();
  const id = await deps.db.transaction().execute(async (trx) => {
    const cols = columns(body);
    const row = await trx
      .insertInto('funding_calls')
      .values({
        ...cols,
        call_kind: 'grant',
        source: 'manual',
        source_set: 'manual',
        source_id: randomUUID(),
        content_hash: contentHash(cols),
        first_seen_at: now,
        last_seen_at: now,
        withdrawn_at: null,
        licence: null,
        attribution: null,
        text_is_verbatim: 0,
        import_notes: null,
        owner_organization_id: null,
        // a call entered by hand carries the office's own fields of action
        ...officeFields(body.fieldsOfAction, deps.actor, now),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(manualTrackContext(trx, deps.actor, now), 'call', row.id, 'first_seen', {});
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_call',
      entityId: row.id,
      action: 'create',
      after: row,
      requestId: deps.requestId,
    });
    return row.id;
  });
  return getCallDetail(deps.db, deps.actor, id);
}

export async function updateCall(deps: WriteDeps, id: number, body: z.infer<typeof callUpdateBody>) {
  assertOffice(deps.actor);
  await assertProgrammeExists(deps, body.programmeId);
  const now = nowIso();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findCallById(trx, id);
    if (!row) throw new NotFoundError('Call');
    assertManualRecord(row);
    assertVersion(row, body.version);
    const current = await getCallDetail(trx, deps.actor, id);
    const keep = <K extends keyof Body>(k: K, v: Body[K]): Body[K] =>
      body[k] === undefined ? v : (body[k] as Body[K]);
    const merged: Body = {
      programmeId: keep('programmeId', row.programme_id),
      identifier: keep('identifier', row.identifier),
      title: keep('title', row.title),
      text: keep('text', row.text),
      status: keep('status', row.status),
      stageModel: keep('stageModel', row.stage_model),
      giverLevel: keep('giverLevel', row.giver_level),
      giverName: keep('giverName', row.giver_name),
      budgetEur: keep('budgetEur', row.budget_eur),
      fundingRatePercent: keep('fundingRatePercent', row.funding_rate_percent),
      minGrantEur: keep('minGrantEur', row.min_grant_eur),
      maxGrantEur: keep('maxGrantEur', row.max_grant_eur),
      eligibleApplicants: keep('eligibleApplicants', current.eligibleApplicants),
      regions: keep('regions', current.regions),
      fieldsOfAction: keep('fieldsOfAction', current.fieldsOfAction),
      links: keep('links', current.links),
      sourceUrl: keep('sourceUrl', row.source_url),
      isPublic: keep('isPublic', row.is_public === 1),
    };
    const cols = columns(merged);
    const changes = diffColumns(row as unknown as Record<string, unknown>, cols);
    const res = await trx
      .updateTable('funding_calls')
      .set({
        ...cols,
        ...officeFields(merged.fieldsOfAction, deps.actor, now),
        content_hash: contentHash(cols),
        updated_at: now,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    assertUpdated(res);
    if (Object.keys(changes).length)
      await recordChange(manualTrackContext(trx, deps.actor, now), 'call', id, 'changed', changes);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_call',
      entityId: id,
      action: 'update',
      before: row,
      after: cols,
      requestId: deps.requestId,
    });
  });
  return getCallDetail(deps.db, deps.actor, id);
}
