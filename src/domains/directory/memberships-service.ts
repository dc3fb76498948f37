import { nowIso } from '../../infra/db/columns.js';
import { NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { findMembership, insertMembership, updateMembership as updateRow } from './memberships-repository.js';
import { effectiveOwner, readableOrganization } from './organizations-service.js';
import { readablePerson } from './people-service.js';
import { type MembershipRow, toMembership } from './presenters.js';
import type { MembershipCreate, MembershipPatch } from './schemas.js';
import {
  assertDateOrder,
  assertExists,
  checkVersion,
  defined,
  notStale,
  type ServiceDeps,
  unknownReference,
} from './service-support.js';

/** Writing a membership is writing to its organisation: the organisation's owner decides. */
async function assertCanWriteVia(deps: ServiceDeps, organizationId: number) {
  const org = await readableOrganization(deps, organizationId).catch((err: unknown) => {
    if (err instanceof NotFoundError) throw unknownReference('organizationId');
    throw err;
  });
  assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(org) });
}

export async function createMembership(deps: ServiceDeps, input: MembershipCreate) {
  assertCanWrite(deps.actor);
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    await assertCanWriteVia(tx, input.organizationId);
    await readablePerson(tx, input.personId).catch(() => {
      throw unknownReference('personId');
    });
    await assertExists(trx, 'organizations', input.secondedFromOrganizationId, 'secondedFromOrganizationId');
    assertDateOrder(input.startDate, input.endDate);
    const now = nowIso();
    const row = await insertMembership(trx, {
      key: input.key ?? null,
      person_id: input.personId,
      organization_id: input.organizationId,
      role: input.role,
      start_date: input.startDate ?? null,
      start_precision: input.startPrecision,
      end_date: input.endDate ?? null,
      end_precision: input.endPrecision,
      seconded_from_organization_id: input.secondedFromOrganizationId ?? null,
      seconded_since: input.secondedSince ?? null,
      note: input.note ?? null,
      source: input.source ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = toMembership(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'membership',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

async function changeMembership(
  deps: ServiceDeps,
  id: number,
  version: number,
  action: 'update' | 'end',
  values: (current: MembershipRow) => Partial<MembershipRow>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const current = await findMembership(trx, id);
    if (!current) throw new NotFoundError('Membership');
    // A membership is readable when its organisation and person are.
    await readableOrganization(tx, current.organization_id).catch(() => {
      throw new NotFoundError('Membership');
    });
    await readablePerson(tx, current.person_id).catch(() => {
      throw new NotFoundError('Membership');
    });
    await assertCanWriteVia(tx, current.organization_id);
    checkVersion(current.version, version);
    const changes = values(current);
    assertDateOrder(
      'start_date' in changes ? changes.start_date : current.start_date,
      'end_date' in changes ? changes.end_date : current.end_date,
    );
    const row = await updateRow(trx, id, version, { ...changes, updated_at: nowIso() });
    const after = toMembership(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'membership',
      entityId: id,
      action,
      before: toMembership(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateMembership(deps: ServiceDeps, id: number, patch: MembershipPatch) {
  await assertExists(
    deps.db,
    'organizations',
    patch.secondedFromOrganizationId,
    'secondedFromOrganizationId',
  );
  return changeMembership(deps, id, patch.version, 'update', () =>
    defined({
      role: patch.role,
      start_date: patch.startDate,
      start_precision: patch.startPrecision,
      end_date: patch.endDate,
      end_precision: patch.endPrecision,
      seconded_from_organization_id: patch.secondedFromOrganizationId,
      seconded_since: patch.secondedSince,
      note: patch.note,
      source: patch.source,
    }),
  );
}

export async function endMembership(deps: ServiceDeps, id: number, endDate: string, version: number) {
  return changeMembership(deps, id, version, 'end', () => ({ end_date: endDate, end_precision: 'day' }));
}
