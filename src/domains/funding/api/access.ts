import { ForbiddenError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertSignedIn, canRead, seesEverything } from '../../access/policy.js';

/** Funding data is kept by the office: only office staff and admins change it or see the quarantine. */
export function assertOffice(actor: Actor): void {
  assertSignedIn(actor);
  if (!seesEverything(actor)) {
    throw new ForbiddenError(
      'Office staff and administrators only',
      'Nur für die Geschäftsstelle und Administratoren',
    );
  }
}

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
