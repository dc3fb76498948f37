import type { z } from 'zod';
import { nowIso } from '../../infra/db/columns.js';
import { ConflictError, NotFoundError } from '../../infra/http/errors.js';
import { assertOffice } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { presentSequence, presentSettings } from './bodies-read.js';
import type { PlannerDeps } from './check-plan.js';
import { type BodyRow, findBodies, findCommittees } from './committees-repository.js';
import { committeeOutsideBody, duplicateSequenceName } from './errors.js';
import type { sequenceCreateBody, sequenceUpdateBody, settingsBody } from './schemas.js';
import { findSequence, findSettings, type SequenceRow, sequenceCommittees } from './settings-repository.js';

export interface WriteDeps extends PlannerDeps {
  requestId?: string | null;
}

async function bodyOrThrow(deps: PlannerDeps, id: number): Promise<BodyRow> {
  const [body] = await findBodies(deps.db, deps.actor, { ids: [id] });
  if (!body) throw new NotFoundError('Body');
  return body;
}

/** The body's default lead time and warning threshold; created on first save, then by version. */
export async function saveSettings(deps: WriteDeps, bodyId: number, input: z.infer<typeof settingsBody>) {
  assertOffice(deps.actor);
  const body = await bodyOrThrow(deps, bodyId);
  return deps.db.transaction().execute(async (trx) => {
    const row = await findSettings(trx, body.oparlId);
    const now = nowIso();
    if (!row) {
      if (input.version !== undefined) throw new ConflictError();
      await trx
        .insertInto('planner_body_settings')
        .values({
          body_oparl_id: body.oparlId,
          lead_days: input.leadDays,
          warn_slack_days: input.warnSlackDays,
          illustrative: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } else {
      if (input.version !== row.version) throw new ConflictError();
      const res = await trx
        .updateTable('planner_body_settings')
        .set({
          lead_days: input.leadDays,
          warn_slack_days: input.warnSlackDays,
          illustrative: 0,
          updated_at: now,
          version: row.version + 1,
        })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new ConflictError();
    }
    const after = presentSettings(await findSettings(trx, body.oparlId));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_body_settings',
      entityId: body.id,
      action: row ? 'update' : 'create',
      before: row ? presentSettings(row) : undefined,
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

/** Committee ids → their OParl ids, each a committee of the body. */
async function committeesOfBody(deps: PlannerDeps, body: BodyRow, ids: number[]) {
  const found = new Map((await findCommittees(deps.db, deps.actor, { ids })).map((c) => [c.id, c]));
  return ids.map((id) => {
    const c = found.get(id);
    if (!c) throw new NotFoundError('Committee');
    if (c.bodyOparlId !== body.oparlId) throw committeeOutsideBody(c.name, body.name);
    return c;
  });
}

async function present(deps: PlannerDeps, row: SequenceRow, bodyId: number) {
  const committees = await findCommittees(deps.db, deps.actor, { oparlIds: sequenceCommittees(row) });
  const out = presentSequence(row, bodyId, new Map(committees.map((c) => [c.oparlId, c])));
  if (!out) throw new NotFoundError('Sequence');
  return out;
}

async function assertNameFree(deps: PlannerDeps, bodyOparlId: string, name: string, exceptId?: number) {
  const clash = await deps.db
    .selectFrom('planner_sequences')
    .select('id')
    .where('body_oparl_id', '=', bodyOparlId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (clash && clash.id !== exceptId) throw duplicateSequenceName(name);
}

export async function createSequence(
  deps: WriteDeps,
  bodyId: number,
  input: z.infer<typeof sequenceCreateBody>,
) {
  assertOffice(deps.actor);
  const body = await bodyOrThrow(deps, bodyId);
  const committees = await committeesOfBody(deps, body, input.committeeIds);
  await assertNameFree(deps, body.oparlId, input.name);
  return deps.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const top = await trx
      .selectFrom('planner_sequences')
      .select((eb) => eb.fn.max('sort_order').as('top'))
      .where('body_oparl_id', '=', body.oparlId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('planner_sequences')
      .values({
        body_oparl_id: body.oparlId,
        name: input.name,
        committees_json: JSON.stringify(committees.map((c) => c.oparlId)),
        sort_order: Number(top?.top ?? -1) + 1,
        illustrative: 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = await present({ ...deps, db: trx }, row, body.id);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_sequence',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

async function sequenceAndBody(deps: PlannerDeps, id: number) {
  const row = await findSequence(deps.db, id);
  if (!row) throw new NotFoundError('Sequence');
  const [body] = await findBodies(deps.db, deps.actor, { oparlIds: [row.body_oparl_id] });
  if (!body) throw new NotFoundError('Sequence');
  return { row, body };
}

export async function updateSequence(deps: WriteDeps, id: number, input: z.infer<typeof sequenceUpdateBody>) {
  assertOffice(deps.actor);
  const { row, body } = await sequenceAndBody(deps, id);
  if (row.version !== input.version) throw new ConflictError();
  const committees = input.committeeIds ? await committeesOfBody(deps, body, input.committeeIds) : null;
  if (input.name !== undefined) await assertNameFree(deps, body.oparlId, input.name, id);
  return deps.db.transaction().execute(async (trx) => {
    const before = await present({ ...deps, db: trx }, row, body.id);
    const res = await trx
      .updateTable('planner_sequences')
      .set({
        name: input.name ?? row.name,
        committees_json: committees ? JSON.stringify(committees.map((c) => c.oparlId)) : row.committees_json,
        illustrative: 0,
        updated_at: nowIso(),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ConflictError();
    const after = await present({ ...deps, db: trx }, (await findSequence(trx, id)) as SequenceRow, body.id);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_sequence',
      entityId: id,
      action: 'update',
      before,
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function deleteSequence(deps: WriteDeps, id: number, version: number) {
  assertOffice(deps.actor);
  const { row, body } = await sequenceAndBody(deps, id);
  if (row.version !== version) throw new ConflictError();
  await deps.db.transaction().execute(async (trx) => {
    const before = await present({ ...deps, db: trx }, row, body.id);
    const res = await trx
      .deleteFrom('planner_sequences')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw new ConflictError();
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_sequence',
      entityId: id,
      action: 'delete',
      before,
      requestId: deps.requestId,
    });
  });
}
