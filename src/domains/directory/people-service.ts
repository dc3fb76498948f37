import { nowIso } from '../../infra/db/columns.js';
import { NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite, canRead } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { visibleMemberships } from './memberships-repository.js';
import { presentMemberships } from './organization-detail.js';
import { ownerFor } from './organizations-service.js';
import {
  findPerson,
  insertPerson,
  listPeople as listRows,
  updatePerson as updateRow,
} from './people-repository.js';
import { toPerson } from './presenters.js';
import type { PersonCreate, PersonPatch } from './schemas.js';
import { searchColumnValue } from './search-text.js';
import { assertExists, checkVersion, defined, notStale, type ServiceDeps } from './service-support.js';

export async function listPeople(deps: ServiceDeps, f: { q?: string; limit: number; offset: number }) {
  const { total, items } = await listRows(deps.db, deps.actor, f);
  return { total, items: items.map(toPerson) };
}

export async function readablePerson({ db, actor }: ServiceDeps, id: number) {
  const row = await findPerson(db, id);
  if (
    row &&
    canRead(actor, { isPublic: row.is_public === 1, ownerOrganizationId: row.owner_organization_id })
  )
    return row;
  throw new NotFoundError('Person');
}

export async function getPersonDetail(deps: ServiceDeps, id: number) {
  const row = await readablePerson(deps, id);
  const memberships = await visibleMemberships(deps.db, deps.actor, { personId: id });
  return { ...toPerson(row), memberships: await presentMemberships(deps, memberships) };
}

export async function createPerson(deps: ServiceDeps, input: PersonCreate) {
  assertCanWrite(deps.actor);
  const owner = ownerFor(deps, input.ownerOrganizationId);
  return deps.db.transaction().execute(async (trx) => {
    await assertExists(trx, 'organizations', owner, 'ownerOrganizationId');
    const now = nowIso();
    const row = await insertPerson(trx, {
      key: input.key ?? null,
      name: input.name,
      name_search: searchColumnValue(input.name),
      email: input.email ?? null,
      phone: input.phone ?? null,
      note: input.note ?? null,
      source: input.source ?? null,
      is_public: input.isPublic ? 1 : 0,
      owner_organization_id: owner,
      created_at: now,
      updated_at: now,
    });
    const after = toPerson(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'person',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updatePerson(deps: ServiceDeps, id: number, patch: PersonPatch) {
  return deps.db.transaction().execute(async (trx) => {
    const current = await readablePerson({ ...deps, db: trx }, id);
    assertCanWrite(deps.actor, { ownerOrganizationId: current.owner_organization_id });
    checkVersion(current.version, patch.version);
    if (patch.ownerOrganizationId !== undefined) ownerFor(deps, patch.ownerOrganizationId);
    await assertExists(trx, 'organizations', patch.ownerOrganizationId, 'ownerOrganizationId');
    const row = await updateRow(trx, id, patch.version, {
      ...defined({
        name: patch.name,
        email: patch.email,
        phone: patch.phone,
        note: patch.note,
        source: patch.source,
        is_public: patch.isPublic === undefined ? undefined : patch.isPublic ? 1 : 0,
        owner_organization_id: patch.ownerOrganizationId,
      }),
      name_search: searchColumnValue(patch.name ?? current.name),
      updated_at: nowIso(),
    });
    const after = toPerson(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'person',
      entityId: id,
      action: 'update',
      before: toPerson(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
