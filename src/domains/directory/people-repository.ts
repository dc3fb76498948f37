import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { searchPatterns } from './search-text.js';

function filtered(db: Kysely<DB>, actor: Actor, q?: string) {
  let query = db.selectFrom('people').where(visibleWhere(actor, 'people'));
  for (const p of searchPatterns(q)) query = query.where('people.name_search', 'like', p);
  return query;
}

export async function listPeople(
  db: Kysely<DB>,
  actor: Actor,
  f: { q?: string; limit: number; offset: number },
) {
  const [items, count] = await Promise.all([
    filtered(db, actor, f.q)
      .selectAll('people')
      // The folded name sorts alike on both databases (ä as ae), unlike their collations.
      .orderBy('people.name_search')
      .orderBy('people.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, actor, f.q)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items };
}

export function findPerson(db: Kysely<DB>, id: number) {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPerson(db: Kysely<DB>, values: Insertable<DB['people']>) {
  return db.insertInto('people').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updatePerson(db: Kysely<DB>, id: number, version: number, values: Updateable<DB['people']>) {
  return db
    .updateTable('people')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
