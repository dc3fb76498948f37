import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { SqliteReader } from '../../infra/db/sqlite-reader.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import {
  countFacets,
  EXACT_FACETS_MAX,
  type FacetSource,
  PROBE_LEVEL,
  planCounting,
  sampleLevel,
} from './facet-count.js';
import { meta, metaConditions } from './fts-meta.js';
import { toFts5 } from './query/compile-sqlite.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on SQLite's FTS5 (see the search README, "Ranking and counting at scale"):
 * - visibility and filters are meta tokens inside the MATCH, so counting needs no join;
 * - index rows are keyed in date order, so "newest first" reads the index backwards and stops
 *   after the page;
 * - relevance is BM25 (titles 8×) over every match up to RANK_POOL matches, above that over the
 *   newest RANK_POOL matches: FTS5 scores a row in microseconds, and scoring 200,000 rows for one
 *   page takes a few hundred milliseconds;
 * - totals and facet counts are exact for ordinary result sets and estimated from id buckets for
 *   very large ones (facet-count.ts); the answer says which.
 */
export const RANK_POOL = 2_000;

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

/** Runs a query on the reader thread when there is one, else on the main connection. */
async function rowsOn<T>(db: Kysely<DB>, query: RawBuilder<T>, reader?: SqliteReader): Promise<T[]> {
  if (reader) {
    const c = query.compile(db);
    return reader.all<T>(c.sql, c.parameters);
  }
  return (await query.execute(db)).rows;
}

async function keys(db: Kysely<DB>, query: RawBuilder<unknown>, reader?: SqliteReader): Promise<number[]> {
  return (await rowsOn(db, query as RawBuilder<{ k: number }>, reader)).map((x) => x.k);
}

function pageKeysQuery(expr: string, page: SearchPage): RawBuilder<unknown> {
  if (page.sort === 'date') {
    return sql`select rowid as k from search_fts where search_fts match ${expr}
      order by rowid desc limit ${page.limit} offset ${page.offset}`;
  }
  // The inner query reads the index backwards and stops after the pool; bm25 ranks the pool.
  const pool = Math.max(RANK_POOL, page.offset + page.limit);
  return sql`select k from (select rowid as k, bm25(search_fts, 8.0, 1.0, 0.0) as r from search_fts
      where search_fts match ${expr} order by rowid desc limit ${pool})
    order by r, k desc limit ${page.limit} offset ${page.offset}`;
}

async function hitsFor(db: Kysely<DB>, actor: Actor, order: number[]): Promise<HitRow[]> {
  if (order.length === 0) return [];
  const r = await sql<HitRow & { fts_key: number }>`select ${hitColumns} from search_documents d
    where d.fts_key in (${sql.join(order)}) and ${visibleWhere(actor, 'd')}`.execute(db);
  const byKey = new Map(r.rows.map((h) => [h.fts_key, h]));
  return order.map((k) => byKey.get(k)).filter((h): h is HitRow & { fts_key: number } => h !== undefined);
}

async function count(db: Kysely<DB>, expr: string): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*) as n from search_fts where search_fts match ${expr}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The facet columns of every match of `expr`, each row checked against the actor's visibility. */
function facetQuery(actor: Actor, expr: string): RawBuilder<FacetSource> {
  return sql<FacetSource>`select d.doc_type, d.body_name, d.committee, d.paper_type, d.year,
      d.fields_of_action
    from (select rowid as k from search_fts where search_fts match ${expr}) s
    join search_documents d on d.fts_key = s.k where ${visibleWhere(actor, 'd')}`;
}

async function facetRows(db: Kysely<DB>, actor: Actor, expr: string): Promise<FacetSource[]> {
  return (await facetQuery(actor, expr).execute(db)).rows;
}

/**
 * `reader`, when given, ranks the page on its own thread while this one counts, so a large search
 * uses both cores.
 */
export async function searchSqlite(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
  reader?: SqliteReader,
): Promise<EngineResult> {
  const expr = matchExpression(node, actor, f);
  const ranked = keys(db, pageKeysQuery(expr, page), reader);
  // Settled here so that an early return leaves no unobserved rejection behind.
  ranked.catch(() => undefined);
  // The probe (1/256 of the matches) sizes the set and, for a very large one, is the facet sample.
  const probe = await facetRows(db, actor, `${expr} AND ${meta.sample(PROBE_LEVEL)}`);
  const plan = planCounting(probe.length);
  const probed = probe.length * 4 ** PROBE_LEVEL;
  // The facet sample's stratum follows from the probe: when this thread has to count, the sample is
  // queued on the reader behind the ranking (a phrase of 10,000 matches: 53 ms instead of 66 ms);
  // without a count it is taken here, beside the ranking.
  const level = plan.facetLevel ?? sampleLevel(probed);
  const sampled =
    page.facets && plan.exactTotal && probed > EXACT_FACETS_MAX && level !== PROBE_LEVEL
      ? rowsOn(db, facetQuery(actor, `${expr} AND ${meta.sample(level)}`), reader)
      : undefined;
  sampled?.catch(() => undefined);
  const total = plan.exactTotal ? await count(db, expr) : probed;
  const none = { total: 0, rows: [], facets: [], totalApproximate: false, facetsApproximate: false };
  if (total === 0) return none;
  const totalApproximate = !plan.exactTotal;
  if (!page.facets) return { ...none, total, rows: await hitsFor(db, actor, await ranked), totalApproximate };
  if (total <= EXACT_FACETS_MAX) {
    const facets = countFacets(await facetRows(db, actor, expr));
    const rows = await hitsFor(db, actor, await ranked);
    return { total, rows, facets, totalApproximate, facetsApproximate: false };
  }
  const sample =
    level === PROBE_LEVEL
      ? probe
      : ((await sampled) ?? (await facetRows(db, actor, `${expr} AND ${meta.sample(level)}`)));
  const rows = await hitsFor(db, actor, await ranked);
  // A sampled total comes from the sample the facets are counted on, the finer of the two estimates.
  const estimate = plan.exactTotal || sample.length === 0 ? total : sample.length * 4 ** level;
  return {
    total: estimate,
    rows,
    facets: countFacets(sample, estimate),
    totalApproximate,
    facetsApproximate: true,
  };
}
