import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { meta, metaConditions, SAMPLE_BUCKETS } from './fts-meta.js';
import { toFts5 } from './query/compile-sqlite.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, FacetRow, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on SQLite's FTS5 (see the search README, "Ranking and counting at scale"):
 * - visibility and filters are meta tokens inside the MATCH, so the total is one FTS count;
 * - index rows are keyed in date order, so "newest first" reads the index backwards and stops
 *   after the page;
 * - relevance is BM25 (titles 8×) over every match up to RANK_POOL matches, above that over the
 *   newest RANK_POOL matches: FTS5 scores a row in microseconds, and scoring 200,000 rows for one
 *   page takes a few hundred milliseconds;
 * - facet counts are exact up to FACET_EXACT_MAX matches, above that estimated from the matches
 *   in a few of the SAMPLE_BUCKETS id buckets (a uniform sample; the answer says `approximate`).
 */
export const RANK_POOL = 2_000;
export const FACET_EXACT_MAX = 5_000;
const FACET_SAMPLE = 4_000;

const hitColumns = sql`d.id, d.doc_type, d.source_id, d.title, d.text, d.date, d.url, d.body_name,
  d.committee, d.paper_type, d.is_public, d.fts_key`;

/** The MATCH expression: the user's query, the filter tokens, the actor's visibility. */
export function matchExpression(node: ResolvedNode, actor: Actor, f: SearchFilters): string {
  const m = metaConditions(actor, f);
  let expr = [`(${toFts5(node)})`, ...m.all].join(' AND ');
  if (m.visibility) {
    // NOT with the small set of non-public documents is far cheaper than AND with the public ones.
    expr += m.visibility.owner
      ? ` NOT (${meta.nonPublic} NOT ${m.visibility.owner})`
      : ` NOT ${meta.nonPublic}`;
  }
  return expr;
}

async function keys(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<number[]> {
  const r = await query.execute(db);
  return (r.rows as Array<{ k: number }>).map((x) => x.k);
}

function pageKeys(
  db: Kysely<DB>,
  expr: string,
  sort: 'relevance' | 'date',
  limit: number,
  offset: number,
): Promise<number[]> {
  if (sort === 'date') {
    return keys(
      db,
      sql`select rowid as k from search_fts where search_fts match ${expr}
        order by rowid desc limit ${limit} offset ${offset}`,
    );
  }
  // The inner query reads the index backwards and stops after the pool; bm25 ranks the pool.
  const pool = Math.max(RANK_POOL, offset + limit);
  return keys(
    db,
    sql`select k from (select rowid as k, bm25(search_fts, 8.0, 1.0, 0.0) as r from search_fts
        where search_fts match ${expr} order by rowid desc limit ${pool})
      order by r, k desc limit ${limit} offset ${offset}`,
  );
}

async function hitsFor(db: Kysely<DB>, actor: Actor, order: number[]): Promise<HitRow[]> {
  if (order.length === 0) return [];
  const r = await sql<HitRow & { fts_key: number }>`select ${hitColumns} from search_documents d
    where d.fts_key in (${sql.join(order)}) and ${visibleWhere(actor, 'd')}`.execute(db);
  const byKey = new Map(r.rows.map((h) => [h.fts_key, h]));
  return order.map((k) => byKey.get(k)).filter((h): h is HitRow & { fts_key: number } => h !== undefined);
}

const facetSql = sql`select 'type' as facet, doc_type as value, count(*) as n from m group by doc_type
  union all select 'body', body_name, count(*) from m where body_name is not null group by body_name
  union all select 'committee', committee, count(*) from m where committee is not null group by committee
  union all select 'paperType', paper_type, count(*) from m where paper_type is not null group by paper_type
  union all select 'year', year, count(*) from m where year is not null group by year
  union all select 'field', j.value, count(*) from m, json_each(m.fields_of_action) j group by j.value
  union all select 'sample', null, count(*) from m`;

/** Facet counts of the matched keys produced by `source` (a query yielding column k). */
async function facetsOf(db: Kysely<DB>, actor: Actor, source: RawBuilder<unknown>): Promise<FacetRow[]> {
  const r = await sql<FacetRow>`with s as (${source}),
    m as materialized (select d.doc_type, d.body_name, d.committee, d.paper_type, d.year, d.fields_of_action
      from s join search_documents d on d.fts_key = s.k where ${visibleWhere(actor, 'd')})
    ${facetSql}`.execute(db);
  return r.rows;
}

/** The matches in the first n id buckets, n chosen so that about FACET_SAMPLE of them come back. */
function sampleSource(expr: string, total: number): RawBuilder<unknown> {
  const n = Math.min(SAMPLE_BUCKETS, Math.max(1, Math.ceil((SAMPLE_BUCKETS * FACET_SAMPLE) / total)));
  const buckets = Array.from({ length: n }, (_, i) => meta.bucket(i));
  const sampled = `${expr} AND (${buckets.join(' OR ')})`;
  return sql`select rowid as k from search_fts where search_fts match ${sampled}`;
}

/** Scales sampled counts to the exact total (rounded; a value seen in the sample counts at least 1). */
function scaled(rows: FacetRow[], total: number): FacetRow[] {
  const sample = Number(rows.find((r) => r.facet === 'sample')?.n ?? 0);
  if (sample === 0) return [];
  const factor = total / sample;
  return rows
    .filter((r) => r.facet !== 'sample')
    .map((r) => ({ ...r, n: Math.max(1, Math.round(Number(r.n) * factor)) }));
}

export async function searchSqlite(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
): Promise<EngineResult> {
  const expr = matchExpression(node, actor, f);
  const counted = await sql<{
    n: number;
  }>`select count(*) as n from search_fts where search_fts match ${expr}`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0) return { total: 0, rows: [], facets: [], approximate: false };
  const order = await pageKeys(db, expr, page.sort, page.limit, page.offset);
  const rows = await hitsFor(db, actor, order);
  if (!page.facets) return { total, rows, facets: [], approximate: false };
  if (total <= FACET_EXACT_MAX) {
    const exact = await facetsOf(
      db,
      actor,
      sql`select rowid as k from search_fts where search_fts match ${expr}`,
    );
    return { total, rows, facets: exact.filter((r) => r.facet !== 'sample'), approximate: false };
  }
  const sampled = await facetsOf(db, actor, sampleSource(expr, total));
  return { total, rows, facets: scaled(sampled, total), approximate: true };
}
