import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { type ObjectKind, tableOf } from '../oparl/kinds.js';
import { publicScope } from './public-scope.js';

export type StoredRow = Record<string, string | number | null> & {
  id: number;
  oparl_id: string;
  deleted: number;
  created_at: string;
  updated_at: string;
  oparl_created: string | null;
  oparl_modified: string | null;
};
type LooseDB = Record<string, StoredRow>;

export interface ListFilter {
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
  bodyOparlId?: string;
}

const createdExpr = sql<string>`coalesce(oparl_created, created_at)`;
const modifiedExpr = sql<string>`coalesce(oparl_modified, updated_at)`;

function scoped(db: Kysely<DB>, kind: ObjectKind, f: ListFilter) {
  const loose = db as unknown as Kysely<LooseDB>;
  let q = loose.selectFrom(tableOf[kind]).where(publicScope(kind) as never);
  if (f.bodyOparlId) q = q.where('body_oparl_id', '=', f.bodyOparlId);
  if (f.createdSince) q = q.where(createdExpr, '>=', f.createdSince);
  if (f.createdUntil) q = q.where(createdExpr, '<=', f.createdUntil);
  if (f.modifiedSince) q = q.where(modifiedExpr, '>=', f.modifiedSince);
  if (f.modifiedUntil) q = q.where(modifiedExpr, '<=', f.modifiedUntil);
  // Deleted stubs are only for clients that ask for changes since a date (OParl 2.8).
  if (!f.modifiedSince && !f.createdSince) q = q.where('deleted', '=', 0);
  return q;
}

/** One page of the public objects of a kind, with the total for the pagination block. */
export async function publicPage(
  db: Kysely<DB>,
  kind: ObjectKind,
  f: ListFilter,
  page: number,
  perPage: number,
) {
  const total = await scoped(db, kind, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await scoped(db, kind, f)
    .selectAll()
    .orderBy('id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { total: Number(total.n), rows: rows as StoredRow[] };
}

export async function publicById(
  db: Kysely<DB>,
  kind: ObjectKind,
  id: number,
): Promise<StoredRow | undefined> {
  const row = await scoped(db, kind, { modifiedSince: '0000' })
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row as StoredRow | undefined;
}

/** Public, not deleted rows of a kind whose column matches one of the values (embedding, references). */
export async function publicWhereIn(
  db: Kysely<DB>,
  kind: ObjectKind,
  column: string,
  values: string[],
): Promise<StoredRow[]> {
  const unique = [...new Set(values)];
  const out: StoredRow[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await scoped(db, kind, {})
      .selectAll()
      .where(column, 'in', unique.slice(i, i + 500))
      .orderBy('id')
      .execute();
    out.push(...(rows as StoredRow[]));
  }
  return out;
}
