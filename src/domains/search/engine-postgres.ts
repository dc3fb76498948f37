import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
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
import { toTsquery } from './query/compile-postgres.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on PostgreSQL: the `german` tsvector `tsv` (RUM index where installed, else GIN) for the
 * words, the `meta` tsvector (GIN) for visibility and filters, so counting is one bitmap count.
 * Relevance and counting follow the same rules as on SQLite (engine-sqlite.ts, facet-count.ts):
 * ranked among the newest RANK_POOL matches; totals and facets estimated from id buckets only
 * for large result sets.
 */
export const RANK_POOL = 2_000;

const lexeme = (s: string) => `'${s}'`;

/** The meta tsquery (cast, not parsed: tokens keep their '_'): filters and visibility. */
function metaQuery(actor: Actor, f: SearchFilters, extra: string[] = []): string | null {
  const m = metaConditions(actor, f);
  const parts = m.all.map(lexeme);
  if (m.visibility) {
    parts.push(
      m.visibility.owner ? `(${lexeme(meta.public)} | ${lexeme(m.visibility.owner)})` : lexeme(meta.public),
    );
  }
  if (extra.length) parts.push(`(${extra.map(lexeme).join(' | ')})`);
  return parts.length ? parts.join(' & ') : null;
}

function where(node: ResolvedNode, metaTsq: string | null): RawBuilder<unknown> {
  const words = sql`d.tsv @@ ${toTsquery(node)}`;
  return metaTsq ? sql`${words} and d.meta @@ ${metaTsq}::tsquery` : words;
}

const hitColumns = sql`d.id, d.doc_type, d.source_id, d.title, d.text, d.date, d.url, d.body_name,
  d.committee, d.paper_type, d.is_public`;

async function pageRows(
  db: Kysely<DB>,
  actor: Actor,
  cond: RawBuilder<unknown>,
  node: ResolvedNode,
  page: SearchPage,
): Promise<HitRow[]> {
  const visible = visibleWhere(actor, 'd');
  if (page.sort === 'date') {
    const r = await sql<HitRow>`select ${hitColumns} from search_documents d where ${cond} and ${visible}
      order by d.date desc nulls last, d.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
    return r.rows;
  }
  // The newest matches first (dates and ids only, from the narrow heap), then ts_rank (title weight
  // A 8× text weight B, as on SQLite) unpacks the vectors of that pool alone.
  const pool = Math.max(RANK_POOL, page.offset + page.limit);
  const r = await sql<HitRow>`select ${hitColumns} from (
      select d.id from search_documents d where ${cond}
      order by d.date desc nulls last, d.id desc limit ${pool}) p
    join search_documents d on d.id = p.id
    where ${visible}
    order by ts_rank('{0.1, 0.2, 0.125, 1.0}', d.tsv, ${toTsquery(node)}) desc, d.date desc nulls last, d.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return r.rows;
}

async function count(db: Kysely<DB>, cond: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from search_documents d where ${cond}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function facetRows(db: Kysely<DB>, actor: Actor, cond: RawBuilder<unknown>): Promise<FacetSource[]> {
  const r = await sql<FacetSource>`select d.doc_type, d.body_name, d.committee, d.paper_type, d.year,
      d.fields_of_action from search_documents d where ${cond} and ${visibleWhere(actor, 'd')}`.execute(db);
  return r.rows;
}

/**
 * Runs in a read-only transaction that forbids sequential scans: the text and its vector live
 * out of line (TOAST), so the heap is narrow and the planner takes a scan of it for cheap, yet
 * matching there unpacks every row's vector (seconds at 500,000 rows) where the index answers in
 * milliseconds.
 */
export function searchPostgres(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
): Promise<EngineResult> {
  if (db.isTransaction) return search(db, actor, node, f, page);
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`set local enable_seqscan = off`.execute(trx);
    return search(trx, actor, node, f, page);
  });
}

async function search(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
): Promise<EngineResult> {
  const cond = where(node, metaQuery(actor, f));
  // The probe (1/256 of the matches) sizes the set and, for a very large one, is the facet sample.
  const probe = await facetRows(db, actor, where(node, metaQuery(actor, f, [meta.sample(PROBE_LEVEL)])));
  const plan = planCounting(probe.length);
  const total = plan.exactTotal ? await count(db, cond) : probe.length * 4 ** PROBE_LEVEL;
  const none = { total: 0, rows: [], facets: [], totalApproximate: false, facetsApproximate: false };
  if (total === 0) return none;
  const rows = await pageRows(db, actor, cond, node, page);
  const totalApproximate = !plan.exactTotal;
  if (!page.facets) return { ...none, total, rows, totalApproximate };
  if (total <= EXACT_FACETS_MAX) {
    const facets = countFacets(await facetRows(db, actor, cond));
    return { total, rows, facets, totalApproximate, facetsApproximate: false };
  }
  const level = plan.facetLevel ?? sampleLevel(total);
  const sample =
    level === PROBE_LEVEL
      ? probe
      : await facetRows(db, actor, where(node, metaQuery(actor, f, [meta.sample(level)])));
  const estimate = plan.exactTotal || sample.length === 0 ? total : sample.length * 4 ** level;
  return {
    total: estimate,
    rows,
    facets: countFacets(sample, estimate),
    totalApproximate,
    facetsApproximate: true,
  };
}
