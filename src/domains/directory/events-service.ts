import { nowIso } from '../../infra/db/columns.js';
import { NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite, canRead } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { findEvent, insertEvent, updateEvent as updateRow } from './events-repository.js';
import { findOrganization } from './organizations-repository.js';
import { effectiveOwner, readableOrganization } from './organizations-service.js';
import { type EventRow, toEvent, toOrganizationRef } from './presenters.js';
import type { EventCreate, EventPatch } from './schemas.js';
import { assertExists, checkVersion, defined, notStale, type ServiceDeps } from './service-support.js';

async function present(deps: ServiceDeps, row: EventRow) {
  const related = row.related_organization_id
    ? await findOrganization(deps.db, row.related_organization_id)
    : null;
  const shown =
    related &&
    canRead(deps.actor, {
      isPublic: related.is_public === 1,
      ownerOrganizationId: related.owner_organization_id,
    });
  return toEvent(row, shown ? toOrganizationRef(related) : null);
}

/** A timeline entry belongs to its organisation: whoever may write the organisation may add one. */
export async function createEvent(deps: ServiceDeps, organizationId: number, input: EventCreate) {
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const org = await readableOrganization(tx, organizationId);
    assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(org) });
    await assertExists(trx, 'organizations', input.relatedOrganizationId, 'relatedOrganizationId');
    const now = nowIso();
    const row = await insertEvent(trx, {
      key: input.key ?? null,
      organization_id: organizationId,
      date: input.date ?? null,
      date_precision: input.datePrecision,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      related_organization_id: input.relatedOrganizationId ?? null,
      source: input.source ?? null,
      is_public: input.isPublic ? 1 : 0,
      owner_organization_id: effectiveOwner(org),
      created_at: now,
      updated_at: now,
    });
    const after = await present(tx, row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization_event',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateEvent(
  deps: ServiceDeps,
  organizationId: number,
  eventId: number,
  patch: EventPatch,
) {
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    const org = await readableOrganization(tx, organizationId);
    const current = await findEvent(trx, eventId);
    if (
      !current ||
      current.organization_id !== organizationId ||
      !canRead(deps.actor, {
        isPublic: current.is_public === 1,
        ownerOrganizationId: current.owner_organization_id,
      })
    )
      throw new NotFoundError('Event');
    assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(org) });
    checkVersion(current.version, patch.version);
    await assertExists(trx, 'organizations', patch.relatedOrganizationId, 'relatedOrganizationId');
    const row = await updateRow(trx, eventId, patch.version, {
      ...defined({
        date: patch.date,
        date_precision: patch.datePrecision,
        kind: patch.kind,
        title: patch.title,
        description: patch.description,
        related_organization_id: patch.relatedOrganizationId,
        source: patch.source,
        is_public: patch.isPublic === undefined ? undefined : patch.isPublic ? 1 : 0,
      }),
      updated_at: nowIso(),
    });
    const after = await present(tx, notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization_event',
      entityId: eventId,
      action: 'update',
      before: await present(tx, current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
