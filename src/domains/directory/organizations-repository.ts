import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { searchPatterns } from './search-text.js';

export interface OrganizationFilter {
  q?: string;
  kind?: string;
  limit: number;
  offset: number;
}

function filtered(db: Kysely<DB>, actor: Actor, f: Pick<OrganizationFilter, 'q' | 'kind'>) {
  let query = db.selectFrom('organizations').where(visibleWhere(actor, 'organizations'));
  for (const p of searchPatterns(f.q)) query = query.where('organizations.name_search', 'like', p);
  if (f.kind) query = query.where('organizations.kind', '=', f.kind);
  return query;
}

export async function listOrganizations(db: Kysely<DB>, actor: Actor, f: OrganizationFilter) {
  const [items, count] = await Promise.all([
    filtered(db, actor, f)
      .selectAll('organizations')
      // The folded name sorts alike on both databases (ä as ae), unlike their collations.
      .orderBy('organizations.name_search')
      .orderBy('organizations.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    filtered(db, actor, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items };
}

export function findOrganization(db: Kysely<DB>, id: number) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganizationByKey(db: Kysely<DB>, key: string) {
  return db.selectFrom('organizations').selectAll().where('key', '=', key).executeTakeFirst();
}

export function visibleOrganizationRefs(db: Kysely<DB>, actor: Actor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'short_name', 'kind'])
    .where('id', 'in', [...new Set(ids)])
    .where(visibleWhere(actor, 'organizations'))
    .execute();
}

export function visibleChildren(db: Kysely<DB>, actor: Actor, parentId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'short_name', 'kind'])
    .where('parent_id', '=', parentId)
    .where(visibleWhere(actor, 'organizations'))
    .orderBy('name')
    .execute();
}

export function insertOrganization(db: Kysely<DB>, values: Insertable<DB['organizations']>) {
  return db.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when the stored version is still `version`; undefined means someone was faster. */
export function updateOrganization(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: Updateable<DB['organizations']>,
) {
  return db
    .updateTable('organizations')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function parentIdOf(db: Kysely<DB>, id: number): Promise<number | null | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('parent_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? row.parent_id : undefined;
}

export function visibleBodyOrganizations(db: Kysely<DB>, actor: Actor, bodyId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'short_name', 'kind'])
    .where('body_id', '=', bodyId)
    .where(visibleWhere(actor, 'organizations'))
    .orderBy('name')
    .execute();
}
