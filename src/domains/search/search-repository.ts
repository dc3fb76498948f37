import { type Expression, type SqlBool, sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { toTsquery } from './query/compile-postgres.js';
import { toFts5 } from './query/compile-sqlite.js';
import type { ResolvedNode } from './query/resolved.js';

export interface SearchFilters {
  type?: string;
  body?: string;
  committee?: string;
  paperType?: string;
  year?: number;
  field?: number;
}

export interface HitRow {
  id: number;
  doc_type: string;
  source_id: number;
  title: string;
  text: string;
  date: string | null;
  url: string | null;
  body_name: string | null;
  committee: string | null;
  paper_type: string | null;
  is_public: number;
}

export interface FacetRow {
  facet: string;
  value: string | number | null;
  n: number;
}

type Ctx = Pick<AppContext, 'db' | 'dialect'>;

const rumCache = new WeakMap<object, Promise<boolean>>();

/** Whether the tsvector index is a RUM index (ranking inside the index) or a plain GIN one. */
function hasRum(ctx: Ctx): Promise<boolean> {
  let p = rumCache.get(ctx.db);
  if (!p) {
    p = sql<{ n: number }>`select count(*)::int as n from pg_indexes
        where indexname = 'search_documents_tsv' and indexdef ilike '%using rum%'`
      .execute(ctx.db)
      .then((r) => (r.rows[0]?.n ?? 0) > 0);
    rumCache.set(ctx.db, p);
  }
  return p;
}

function matches(ctx: Ctx, node: ResolvedNode): Expression<SqlBool> {
  if (ctx.dialect === 'sqlite') {
    const expr = toFts5(node);
    return sql<SqlBool>`d.id in (select rowid from search_fts where search_fts match ${expr})`;
  }
  const tsq = toTsquery(node);
  return sql<SqlBool>`d.tsv @@ ${tsq}`;
}

function filtered(ctx: Ctx, actor: Actor, node: ResolvedNode, f: SearchFilters, withMatch = true) {
  let q = ctx.db.selectFrom('search_documents as d').where(visibleWhere(actor, 'd'));
  if (withMatch) q = q.where(matches(ctx, node));
  if (f.type) q = q.where('d.doc_type', '=', f.type);
  if (f.body) q = q.where('d.body_name', '=', f.body);
  if (f.committee) q = q.where('d.committee', '=', f.committee);
  if (f.paperType) q = q.where('d.paper_type', '=', f.paperType);
  if (f.year) q = q.where('d.year', '=', f.year);
  if (f.field !== undefined) {
    const field = f.field;
    q = q.where(() =>
      ctx.dialect === 'sqlite'
        ? sql<SqlBool>`exists (select 1 from json_each(d.fields_of_action) j where j.value = ${field})`
        : sql<SqlBool>`d.fields_of_action::jsonb @> ${JSON.stringify([field])}::jsonb`,
    );
  }
  return q;
}

const hitColumns = [
  'd.id',
  'd.doc_type',
  'd.source_id',
  'd.title',
  'd.text',
  'd.date',
  'd.url',
  'd.body_name',
  'd.committee',
  'd.paper_type',
  'd.is_public',
] as const;

export async function findHits(
  ctx: Ctx,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  sort: 'relevance' | 'date',
  limit: number,
  offset: number,
): Promise<HitRow[]> {
  const base = filtered(ctx, actor, node, f).select(hitColumns);
  if (sort === 'date') {
    return base
      .orderBy(sql`d.date is null`)
      .orderBy('d.date', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }
  if (ctx.dialect === 'sqlite') {
    // bm25 exists only inside the FTS query, so the ranked matches are joined once (title words weigh 8×).
    const ranked = sql<{ rowid: number; r: number }>`(select rowid, bm25(search_fts, 8.0, 1.0) as r
      from search_fts where search_fts match ${toFts5(node)})`;
    return filtered(ctx, actor, node, f, false)
      .innerJoin(ranked.as('f'), (j) => j.onRef('f.rowid', '=', 'd.id'))
      .select(hitColumns)
      .orderBy('f.r')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }
  const rank = (await hasRum(ctx))
    ? sql<number>`d.tsv <=> ${toTsquery(node)}`
    : sql<number>`-ts_rank_cd(d.tsv, ${toTsquery(node)})`;
  return base.orderBy(rank).orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
}

const facetColumns: Array<[string, string]> = [
  ['type', 'doc_type'],
  ['body', 'body_name'],
  ['committee', 'committee'],
  ['paperType', 'paper_type'],
  ['year', 'year'],
];

/** Total and facet counts in one pass over the matching, visible documents. */
export async function countFacets(
  ctx: Ctx,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
): Promise<FacetRow[]> {
  const m = filtered(ctx, actor, node, f).select([
    'd.doc_type',
    'd.body_name',
    'd.committee',
    'd.paper_type',
    'd.year',
    'd.fields_of_action',
  ]);
  const parts = facetColumns.map(
    ([facet, col]) =>
      sql`select ${facet} as facet, ${sql.raw(ctx.dialect === 'postgres' ? `${col}::text` : col)} as value, count(*) as n
        from m where ${sql.ref(col)} is not null group by ${sql.ref(col)}`,
  );
  const fieldPart =
    ctx.dialect === 'sqlite'
      ? sql`select 'field' as facet, j.value as value, count(*) as n from m, json_each(m.fields_of_action) j group by j.value`
      : sql`select 'field' as facet, j.value as value, count(*) as n
          from m, jsonb_array_elements_text(m.fields_of_action::jsonb) j(value) group by j.value`;
  const total = sql`select 'total' as facet, null as value, count(*) as n from m`;
  const all = sql.join([total, ...parts, fieldPart], sql` union all `);
  const res = await sql<FacetRow>`with m as materialized ${m} ${all}`.execute(ctx.db);
  return res.rows;
}
