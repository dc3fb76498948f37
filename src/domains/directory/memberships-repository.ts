import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/**
 * Memberships have no visibility of their own: one is visible when both its person and its
 * organisation are, so a restricted person never shows up through a public organisation.
 */
export function visibleMemberships(
  db: Kysely<DB>,
  actor: Actor,
  by: { organizationId: number } | { personId: number },
) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .where(visibleWhere(actor, 'p'))
    .where(visibleWhere(actor, 'o'))
    .selectAll('m')
    .select([
      'p.name as person_name',
      'o.name as org_name',
      'o.short_name as org_short_name',
      'o.kind as org_kind',
    ]);
  query =
    'organizationId' in by
      ? query.where('m.organization_id', '=', by.organizationId)
      : query.where('m.person_id', '=', by.personId);
  return query.orderBy('m.start_date').orderBy('m.id').execute();
}

export function findMembership(db: Kysely<DB>, id: number) {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertMembership(db: Kysely<DB>, values: Insertable<DB['memberships']>) {
  return db.insertInto('memberships').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateMembership(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['memberships']>,
) {
  return db
    .updateTable('memberships')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
