import type { Kysely } from 'kysely';
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
