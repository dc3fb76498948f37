import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/** Events of an organisation, and events elsewhere that name it as the related organisation. */
export function visibleEventsFor(db: Kysely<DB>, actor: Actor, organizationId: number) {
  return db
    .selectFrom('organization_events as e')
    .selectAll('e')
    .where((eb) =>
      eb.or([
        eb('e.organization_id', '=', organizationId),
        eb('e.related_organization_id', '=', organizationId),
      ]),
    )
    .where(visibleWhere(actor, 'e'))
    .orderBy('e.date')
    .orderBy('e.id')
    .execute();
}

export function findEvent(db: Kysely<DB>, id: number) {
  return db.selectFrom('organization_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertEvent(db: Kysely<DB>, values: Insertable<DB['organization_events']>) {
  return db.insertInto('organization_events').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateEvent(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['organization_events']>,
) {
  return db
    .updateTable('organization_events')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
