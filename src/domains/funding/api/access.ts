import { NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { canRead } from '../../access/policy.js';

/** Funding data is kept by the office: only office staff and admins change it or see the quarantine. */
export { assertOffice } from '../../access/policy.js';

/** Not visible is reported as not found, so ids of restricted records do not leak. */
export function assertReadable(
  actor: Actor,
  row: { is_public: number; owner_organization_id: number | null } | undefined,
  what: string,
): asserts row {
  if (
    !row ||
    !canRead(actor, { isPublic: row.is_public === 1, ownerOrganizationId: row.owner_organization_id })
  ) {
    throw new NotFoundError(what);
  }
}
