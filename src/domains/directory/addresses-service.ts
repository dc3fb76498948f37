import { nowIso } from '../../infra/db/columns.js';
import { NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { findAddress, insertAddress, updateAddress as updateRow } from './addresses-repository.js';
import { effectiveOwner, readableOrganization } from './organizations-service.js';
import { toAddress } from './presenters.js';
import type { AddressCreate, AddressPatch } from './schemas.js';
import { assertDateOrder, checkVersion, defined, notStale, type ServiceDeps } from './service-support.js';

/** Addresses belong to their organisation: readable with it, writable by whoever may write it. */
export async function createAddress(deps: ServiceDeps, organizationId: number, input: AddressCreate) {
  return deps.db.transaction().execute(async (trx) => {
    const org = await readableOrganization({ ...deps, db: trx }, organizationId);
    assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(org) });
    assertDateOrder(input.validFrom, input.validTo);
    const now = nowIso();
    const row = await insertAddress(trx, {
      key: null,
      organization_id: organizationId,
      label: input.label ?? null,
      street: input.street ?? null,
      postal_code: input.postalCode ?? null,
      city: input.city ?? null,
      valid_from: input.validFrom ?? null,
      valid_from_precision: input.validFromPrecision,
      valid_to: input.validTo ?? null,
      valid_to_precision: input.validToPrecision,
      source: input.source ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = toAddress(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'address',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateAddress(
  deps: ServiceDeps,
  organizationId: number,
  id: number,
  patch: AddressPatch,
) {
  return deps.db.transaction().execute(async (trx) => {
    const org = await readableOrganization({ ...deps, db: trx }, organizationId);
    const current = await findAddress(trx, id);
    if (!current || current.organization_id !== organizationId) throw new NotFoundError('Address');
    assertCanWrite(deps.actor, { ownerOrganizationId: effectiveOwner(org) });
    checkVersion(current.version, patch.version);
    const changes = defined({
      label: patch.label,
      street: patch.street,
      postal_code: patch.postalCode,
      city: patch.city,
      valid_from: patch.validFrom,
      valid_from_precision: patch.validFromPrecision,
      valid_to: patch.validTo,
      valid_to_precision: patch.validToPrecision,
      source: patch.source,
    });
    assertDateOrder(
      'valid_from' in changes ? changes.valid_from : current.valid_from,
      'valid_to' in changes ? changes.valid_to : current.valid_to,
    );
    const row = await updateRow(trx, id, patch.version, { ...changes, updated_at: nowIso() });
    const after = toAddress(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'address',
      entityId: id,
      action: 'update',
      before: toAddress(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
