import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../app/schema.js';
import { nowIso } from '../../infra/db/columns.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../infra/http/errors.js';
import { actorLabel } from '../access/actor.js';
import { assertOffice } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { addDays, berlinDay, germanDay, isCalendarDay } from './calendar-day.js';
import { type CommitteeRow, findCommittees } from './committees-repository.js';
import { duplicateMeeting, invalidDay } from './errors.js';
import type { meetingCreateBody, meetingUpdateBody } from './schemas.js';
import type { WriteDeps } from './settings-service.js';

type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function findMeeting(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('planner_meetings')
    .selectAll()
    .where('id', '=', id)
    .where('deleted', '=', 0)
    .executeTakeFirst();
}

export function presentMeeting(row: MeetingRow, committee: { id: number; name: string }) {
  return {
    id: row.id,
    committeeId: committee.id,
    committee: committee.name,
    date: row.meeting_date,
    startTime: row.start_time,
    note: row.note,
    cancelled: row.cancelled === 1,
    isPublic: row.is_public === 1,
    ownerOrganizationId: row.owner_organization_id,
    illustrative: row.illustrative === 1,
    createdBy: row.created_by,
    version: row.version,
  };
}

async function committeeById(deps: WriteDeps, id: number): Promise<CommitteeRow> {
  const [c] = await findCommittees(deps.db, deps.actor, { ids: [id] });
  if (!c) throw new NotFoundError('Committee');
  return c;
}

/** Refuses a second meeting of the committee on the same day, entered or imported. */
async function assertDayFree(db: Kysely<DB>, committee: CommitteeRow, day: string, exceptId?: number) {
  const entered = await db
    .selectFrom('planner_meetings')
    .select('id')
    .where('committee_oparl_id', '=', committee.oparlId)
    .where('meeting_date', '=', day)
    .where('deleted', '=', 0)
    .execute();
  if (entered.some((m) => m.id !== exceptId)) throw duplicateMeeting(day);
  const imported = await db
    .selectFrom('council_meetings')
    .select('start_at')
    .where('deleted', '=', 0)
    .where('start_at', '>=', `${addDays(day, -1)}T21:00`)
    .where('start_at', '<', `${day}T23:59:59.999Z`)
    .where('organization_ids_json', 'like', `%${JSON.stringify(committee.oparlId)}%`)
    .execute();
  if (imported.some((m) => berlinDay(m.start_at as string) === day)) {
    throw new BadRequestError(
      'PLANNER_MEETING_IMPORTED',
      `The council system already has a meeting of this committee on ${day}`,
      `Das Ratsinformationssystem enthält für dieses Gremium am ${germanDay(day)} bereits eine Sitzung`,
      { day },
    );
  }
}

async function assertOrganization(db: Kysely<DB>, id: number | null | undefined) {
  if (id == null) return;
  const row = await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Organization');
}

function assertDay(day: string) {
  if (!isCalendarDay(day)) throw invalidDay('date', day);
}

export async function createMeeting(deps: WriteDeps, input: z.infer<typeof meetingCreateBody>) {
  assertOffice(deps.actor);
  assertDay(input.date);
  const committee = await committeeById(deps, input.committeeId);
  await assertOrganization(deps.db, input.ownerOrganizationId);
  return deps.db.transaction().execute(async (trx) => {
    await assertDayFree(trx, committee, input.date);
    const now = nowIso();
    const row = await trx
      .insertInto('planner_meetings')
      .values({
        committee_oparl_id: committee.oparlId,
        meeting_date: input.date,
        start_time: input.startTime ?? null,
        note: input.note || null,
        cancelled: 0,
        deleted: 0,
        illustrative: 0,
        // A meeting of a non-public committee is as restricted as the committee itself.
        is_public: committee.isPublic && input.isPublic ? 1 : 0,
        owner_organization_id:
          input.ownerOrganizationId === undefined ? committee.ownerOrganizationId : input.ownerOrganizationId,
        created_by: actorLabel(deps.actor),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = presentMeeting(row, committee);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_meeting',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

async function meetingAndCommittee(deps: WriteDeps, id: number) {
  const row = await findMeeting(deps.db, id);
  if (!row) throw new NotFoundError('Meeting');
  const [committee] = await findCommittees(deps.db, deps.actor, { oparlIds: [row.committee_oparl_id] });
  if (!committee) throw new NotFoundError('Meeting');
  return { row, committee };
}

export async function updateMeeting(deps: WriteDeps, id: number, input: z.infer<typeof meetingUpdateBody>) {
  assertOffice(deps.actor);
  if (input.date !== undefined) assertDay(input.date);
  const { row, committee } = await meetingAndCommittee(deps, id);
  if (row.version !== input.version) throw new ConflictError();
  await assertOrganization(deps.db, input.ownerOrganizationId);
  return deps.db.transaction().execute(async (trx) => {
    const date = input.date ?? row.meeting_date;
    if (date !== row.meeting_date) await assertDayFree(trx, committee, date, id);
    const res = await trx
      .updateTable('planner_meetings')
      .set({
        meeting_date: date,
        start_time: input.startTime === undefined ? row.start_time : input.startTime,
        note: input.note === undefined ? row.note : input.note || null,
        cancelled: input.cancelled === undefined ? row.cancelled : input.cancelled ? 1 : 0,
        is_public:
          input.isPublic === undefined ? row.is_public : committee.isPublic && input.isPublic ? 1 : 0,
        owner_organization_id:
          input.ownerOrganizationId === undefined ? row.owner_organization_id : input.ownerOrganizationId,
        illustrative: 0,
        updated_at: nowIso(),
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ConflictError();
    const after = presentMeeting((await findMeeting(trx, id)) as MeetingRow, committee);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_meeting',
      entityId: id,
      action: 'update',
      before: presentMeeting(row, committee),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

/** Removes a hand-entered meeting from the calendars; the row and the audit log keep it. */
export async function deleteMeeting(deps: WriteDeps, id: number, version: number) {
  assertOffice(deps.actor);
  const { row, committee } = await meetingAndCommittee(deps, id);
  if (row.version !== version) throw new ConflictError();
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('planner_meetings')
      .set({ deleted: 1, updated_at: nowIso(), version: row.version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ConflictError();
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'planner_meeting',
      entityId: id,
      action: 'delete',
      before: presentMeeting(row, committee),
      requestId: deps.requestId,
    });
  });
}
