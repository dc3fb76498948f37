import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';

export function addressesOf(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('addresses')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

export function findAddress(db: Kysely<DB>, id: number) {
  return db.selectFrom('addresses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAddress(db: Kysely<DB>, values: Insertable<DB['addresses']>) {
  return db.insertInto('addresses').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateAddress(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['addresses']>,
) {
  return db
    .updateTable('addresses')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
