import { nowIso } from '../../infra/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite, canRead, seesEverything } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  findOrganization,
  insertOrganization,
  listOrganizations as listRows,
  type OrganizationFilter,
  parentIdOf,
  updateOrganization as updateRow,
} from './organizations-repository.js';
import { toOrganization } from './presenters.js';
import type { OrganizationCreate, OrganizationPatch } from './schemas.js';
import { indexOrganizations } from './search-index.js';
import { searchColumnValue } from './search-text.js';
import {
  assertExists,
  assertNoCycle,
  checkVersion,
  defined,
  notStale,
  type ServiceDeps,
} from './service-support.js';

export async function listOrganizations({ db, actor }: ServiceDeps, filter: OrganizationFilter) {
  const { total, items } = await listRows(db, actor, filter);
  return { total, items: items.map(toOrganization) };
}

/** A record the actor may not read answers 404, so its existence does not leak. */
export async function readableOrganization({ db, actor }: ServiceDeps, id: number) {
  const row = await findOrganization(db, id);
  if (
    row &&
    canRead(actor, { isPublic: row.is_public === 1, ownerOrganizationId: row.owner_organization_id })
  )
    return row;
  throw new NotFoundError('Organisation');
}

/**
 * The organisation whose staff may change this organisation's record, members and timeline: its
 * owner, or else the organisation itself (a partner maintains its own entry).
 */
export function effectiveOwner(row: { id: number; owner_organization_id: number | null }): number {
  return row.owner_organization_id ?? row.id;
}

/** Partners may only file records under their own organisation. */
export function ownerFor(deps: ServiceDeps, requested: number | null | undefined): number | null {
  const { actor } = deps;
  if (seesEverything(actor)) return requested ?? null;
  const own = actor.kind === 'user' ? actor.organizationId : null;
  if (requested != null && requested !== own) {
    throw new ForbiddenError(
      'Partners may only file records under their own organisation',
      'Partner können Datensätze nur ihrer eigenen Organisation zuordnen',
    );
  }
  return own;
}

export async function createOrganization(deps: ServiceDeps, input: OrganizationCreate) {
  assertCanWrite(deps.actor);
  const owner = ownerFor(deps, input.ownerOrganizationId);
  const created = await deps.db.transaction().execute(async (trx) => {
    await assertExists(trx, 'organizations', input.parentId, 'parentId');
    await assertExists(trx, 'bodies', input.bodyId, 'bodyId');
    await assertExists(trx, 'organizations', owner, 'ownerOrganizationId');
    const now = nowIso();
    const row = await insertOrganization(trx, {
      key: input.key ?? null,
      name: input.name,
      name_search: searchColumnValue(input.name, input.shortName),
      short_name: input.shortName ?? null,
      kind: input.kind,
      parent_id: input.parentId ?? null,
      body_id: input.bodyId ?? null,
      website: input.website ?? null,
      description: input.description ?? null,
      source: input.source ?? null,
      is_public: input.isPublic ? 1 : 0,
      owner_organization_id: owner,
      created_at: now,
      updated_at: now,
    });
    const after = toOrganization(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
  await indexOrganizations(deps, [created.id]);
  return created;
}

export async function updateOrganization(deps: ServiceDeps, id: number, patch: OrganizationPatch) {
  const updated = await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const current = await readableOrganization(tx, id);
    assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(current) });
    checkVersion(current.version, patch.version);
    if (patch.ownerOrganizationId !== undefined) ownerFor(deps, patch.ownerOrganizationId);
    await assertExists(trx, 'organizations', patch.parentId, 'parentId');
    await assertNoCycle((x) => parentIdOf(trx, x), id, patch.parentId);
    await assertExists(trx, 'bodies', patch.bodyId, 'bodyId');
    await assertExists(trx, 'organizations', patch.ownerOrganizationId, 'ownerOrganizationId');
    const name = patch.name ?? current.name;
    const shortName = patch.shortName === undefined ? current.short_name : patch.shortName;
    const row = await updateRow(trx, id, patch.version, {
      ...defined({
        name: patch.name,
        short_name: patch.shortName,
        kind: patch.kind,
        parent_id: patch.parentId,
        body_id: patch.bodyId,
        website: patch.website,
        description: patch.description,
        source: patch.source,
        is_public: patch.isPublic === undefined ? undefined : patch.isPublic ? 1 : 0,
        owner_organization_id: patch.ownerOrganizationId,
      }),
      name_search: searchColumnValue(name, shortName),
      updated_at: nowIso(),
    });
    const after = toOrganization(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization',
      entityId: id,
      action: 'update',
      before: toOrganization(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
  // A turn to non-public is enough: the index keeps is_public and owner, and every search filters on them.
  await indexOrganizations(deps, [id]);
  return updated;
}
