import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';

export function allBodies(db: Kysely<DB>) {
  return db.selectFrom('bodies').selectAll().orderBy('ags').orderBy('name').execute();
}

export function findBody(db: Kysely<DB>, id: number) {
  return db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function childBodies(db: Kysely<DB>, parentId: number) {
  return db.selectFrom('bodies').selectAll().where('parent_id', '=', parentId).orderBy('name').execute();
}

/** Another body already holding this official key (AGS or ARS), if any. */
export function bodyWithKey(db: Kysely<DB>, column: 'ags' | 'ars', value: string, exceptId?: number) {
  let q = db.selectFrom('bodies').select(['id', 'name']).where(column, '=', value);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function insertBody(db: Kysely<DB>, values: Insertable<DB['bodies']>) {
  return db.insertInto('bodies').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateBody(db: Kysely<DB>, id: number, version: number, values: Updateable<DB['bodies']>) {
  return db
    .updateTable('bodies')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
