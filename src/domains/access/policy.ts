import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { ForbiddenError, UnauthorizedError } from '../../infra/http/errors.js';
import type { Actor } from './actor.js';

/**
 * The one place that says who may see and change what. Every domain asks here.
 *
 * Records carry `is_public` (0/1) and optionally `owner_organization_id`.
 * - anonymous: public records only, no writes
 * - reader: public records and the restricted records of their own organisation; no writes
 * - partner: as reader, and may write records owned by their own organisation
 * - office, admin, system: everything; only admin manages users and sees the audit log
 */
export interface Guarded {
  isPublic: boolean;
  ownerOrganizationId?: number | null;
}

export function seesEverything(actor: Actor): boolean {
  return (
    actor.kind === 'system' || (actor.kind === 'user' && (actor.role === 'admin' || actor.role === 'office'))
  );
}

/**
 * Actors who see exactly the same rows share a class: 'all', 'org:<id>' or 'public'. Caches of
 * visibility-filtered answers key on it.
 */
export function visibilityClass(actor: Actor): string {
  if (seesEverything(actor)) return 'all';
  if (actor.kind === 'user' && actor.organizationId != null) return `org:${actor.organizationId}`;
  return 'public';
}

export function canRead(actor: Actor, record: Guarded): boolean {
  if (record.isPublic || seesEverything(actor)) return true;
  return (
    actor.kind === 'user' &&
    actor.organizationId != null &&
    record.ownerOrganizationId != null &&
    actor.organizationId === record.ownerOrganizationId
  );
}

export function canWrite(actor: Actor, record?: { ownerOrganizationId?: number | null }): boolean {
  if (seesEverything(actor)) return true;
  if (actor.kind !== 'user' || actor.role !== 'partner') return false;
  if (!record) return true; // creating: the service stamps the partner's own organisation as owner
  return actor.organizationId != null && record.ownerOrganizationId === actor.organizationId;
}

/**
 * May act for the organisation itself (change its matching profile and the like): office and
 * admins for any organisation, a partner for their own.
 */
export function canActForOrganization(actor: Actor, organizationId: number): boolean {
  return canWrite(actor, { ownerOrganizationId: organizationId });
}

export function assertCanActForOrganization(actor: Actor, organizationId: number): void {
  assertSignedIn(actor);
  if (!canActForOrganization(actor, organizationId)) throw new ForbiddenError();
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin');
}

export function assertSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new UnauthorizedError();
}

export function assertCanWrite(actor: Actor, record?: { ownerOrganizationId?: number | null }): void {
  assertSignedIn(actor);
  if (!canWrite(actor, record)) throw new ForbiddenError();
}

/** Work the office keeps (funding data, the planner's calendars and settings): office staff and admins. */
export function assertOffice(actor: Actor): void {
  assertSignedIn(actor);
  if (!seesEverything(actor)) {
    throw new ForbiddenError(
      'Office staff and administrators only',
      'Nur für die Geschäftsstelle und Administratoren',
    );
  }
}

export function assertAdmin(actor: Actor): void {
  assertSignedIn(actor);
  if (!isAdmin(actor)) throw new ForbiddenError('Administrators only', 'Nur für Administratoren');
}

/**
 * A WHERE condition that keeps only rows the actor may read: `query.where(visibleWhere(actor, 't'))`.
 * `table` is the alias whose `is_public` and `owner_organization_id` columns decide; use it in every
 * list, count, facet, feed and export query so that no path leaks a non-public row.
 */
export function visibleWhere(
  actor: Actor,
  table: string,
  opts: { ownerColumn?: string | null } = {},
): RawBuilder<SqlBool> {
  const ownerColumn = opts.ownerColumn === undefined ? 'owner_organization_id' : opts.ownerColumn;
  if (seesEverything(actor)) return sql<SqlBool>`1 = 1`;
  const pub = sql<SqlBool>`${sql.ref(`${table}.is_public`)} = 1`;
  if (actor.kind === 'user' && actor.organizationId != null && ownerColumn) {
    return sql<SqlBool>`(${pub} or ${sql.ref(`${table}.${ownerColumn}`)} = ${actor.organizationId})`;
  }
  return pub;
}
