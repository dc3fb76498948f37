import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';

export function allFields(db: Kysely<DB>) {
  return db.selectFrom('fields_of_action').selectAll().orderBy('sort_order').orderBy('name').execute();
}

export function findField(db: Kysely<DB>, id: number) {
  return db.selectFrom('fields_of_action').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertField(db: Kysely<DB>, values: Insertable<DB['fields_of_action']>) {
  return db.insertInto('fields_of_action').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateField(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['fields_of_action']>,
) {
  return db
    .updateTable('fields_of_action')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function fieldParentIdOf(db: Kysely<DB>, id: number): Promise<number | null | undefined> {
  const row = await db
    .selectFrom('fields_of_action')
    .select('parent_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? row.parent_id : undefined;
}
