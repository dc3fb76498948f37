import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/**
 * An organisation's relations in both directions (it relates to another, or another to it), each
 * with the other organisation's name. A relation has no visibility of its own: it is shown when
 * both organisations are readable.
 */
export function visibleRelationsOf(db: Kysely<DB>, actor: Actor, organizationId: number) {
  return db
    .selectFrom('organization_relations as r')
    .innerJoin('organizations as a', 'a.id', 'r.organization_id')
    .innerJoin('organizations as b', 'b.id', 'r.related_organization_id')
    .where(visibleWhere(actor, 'a'))
    .where(visibleWhere(actor, 'b'))
    .where((eb) =>
      eb.or([
        eb('r.organization_id', '=', organizationId),
        eb('r.related_organization_id', '=', organizationId),
      ]),
    )
    .selectAll('r')
    .select([
      'a.name as a_name',
      'a.short_name as a_short_name',
      'a.kind as a_kind',
      'b.name as b_name',
      'b.short_name as b_short_name',
      'b.kind as b_kind',
    ])
    .orderBy('r.start_date')
    .orderBy('r.id')
    .execute();
}

export type RelationRowWithNames = Awaited<ReturnType<typeof visibleRelationsOf>>[number];

export function findRelation(db: Kysely<DB>, id: number) {
  return db.selectFrom('organization_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertRelation(db: Kysely<DB>, values: Insertable<DB['organization_relations']>) {
  return db.insertInto('organization_relations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateRelation(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['organization_relations']>,
) {
  return db
    .updateTable('organization_relations')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
