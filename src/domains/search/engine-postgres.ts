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
import { meta, metaConditions, mix } from './fts-meta.js';
import { toTsquery } from './query/compile-postgres.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on PostgreSQL: the `german` tsvector `tsv` (words) and the `meta` tsvector (visibility,
 * filters, sample strata) under one GIN index, so a match is one index scan. Relevance and
 * counting follow the same rules as on SQLite (engine-sqlite.ts, facet-count.ts): ranked among
 * the newest RANK_POOL matches; totals and facets estimated from sample strata only for large
 * result sets. See the search README, "Ranking and counting at scale".
 */
export const RANK_POOL = 2_000;

const lexeme = (s: string) => `'${s}'`;

/**
 * The meta tsquery (cast, not parsed: tokens keep their '_'): filters and visibility. Words and
 * meta tokens share one GIN index (migration 2026120200), so `tsv @@ … and meta @@ …` is one index
 * scan that skips through long posting lists ('m_pub', a common word) by the short ones.
 */
function metaWhere(actor: Actor, f: SearchFilters, extra: string[] = []): RawBuilder<unknown> | null {
  const m = metaConditions(actor, f);
  const parts = m.all.map(lexeme);
  if (m.visibility) {
    parts.push(
      m.visibility.owner ? `(${lexeme(meta.public)} | ${lexeme(m.visibility.owner)})` : lexeme(meta.public),
    );
  }
  if (extra.length) parts.push(`(${extra.map(lexeme).join(' | ')})`);
  return parts.length ? sql`d.meta @@ ${parts.join(' & ')}::tsquery` : null;
}

function where(node: ResolvedNode, metaCond: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const words = sql`d.tsv @@ ${toTsquery(node)}`;
  return metaCond ? sql`${words} and ${metaCond}` : words;
}

const hitColumns = sql`d.id, d.doc_type, d.source_id, d.title, d.text, d.date, d.url, d.body_name,
  d.committee, d.paper_type, d.is_public`;

/** The ids of the newest `n` matches of `cond`, newest first (dates and ids from the narrow heap). */
async function newestIds(db: Kysely<DB>, cond: RawBuilder<unknown>, n: number): Promise<number[]> {
  const r = await sql<{ id: number }>`select d.id from search_documents d where ${cond}
    order by d.date desc nulls last, d.id desc limit ${n}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/**
 * The years from which the newest `n` of a large match set can come: from the newest year in the
 * table down to the newest year at which the probe (1/4^PROBE_LEVEL of the matches) counts about
 * 3 × n matches; null when that would be every year or more than half of the matches. A GIN index gives no order, so "the newest n"
 * otherwise reads every match's heap row (200,000 rows for a common word); within these years'
 * meta tokens the bitmap holds a few thousand.
 */
export function recentYears(probe: FacetSource[], n: number, newestYear: number): number[] | null {
  const perYear = new Map<number, number>();
  for (const r of probe) if (r.year != null) perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1);
  const years = [...perYear.keys()].sort((a, b) => b - a);
  let seen = 0;
  for (const [i, y] of years.entries()) {
    seen += (perYear.get(y) ?? 0) * 4 ** PROBE_LEVEL;
    if (seen >= 3 * n) {
      // Not worth a second query unless the window holds at most half of the matches.
      if (i === years.length - 1 || seen > (probe.length * 4 ** PROBE_LEVEL) / 2) return null;
      const out: number[] = [];
      for (let year = Math.max(newestYear, years[0]); year >= y; year--) out.push(year);
      return out;
    }
  }
  return null;
}

/**
 * The newest `n` matches. For a large set first within the recent years only: the answer is the
 * same whenever those years hold at least `n` matches (years partition the date order and
 * undated documents sort last); otherwise the whole set is read.
 */
async function newest(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  probe: FacetSource[],
  n: number,
): Promise<number[]> {
  if (probe.length * 4 ** PROBE_LEVEL >= 3 * n) {
    const max = await sql<{ d: string | null }>`select max(date) as d from search_documents`.execute(db);
    const newestYear = Number(String(max.rows[0]?.d ?? '').slice(0, 4)) || 0;
    const years = recentYears(probe, n, newestYear);
    if (years) {
      const ids = await newestIds(db, where(node, metaWhere(actor, f, years.map(meta.year))), n);
      if (ids.length >= n) return ids;
    }
  }
  return newestIds(db, where(node, metaWhere(actor, f)), n);
}

/** The hits of a page from the ids of the matches in date order (all, or the newest pool). */
async function pageRows(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  page: SearchPage,
  ordered: (n: number) => Promise<number[]>,
): Promise<HitRow[]> {
  const visible = visibleWhere(actor, 'd');
  if (page.sort === 'date') {
    const ids = (await ordered(page.offset + page.limit)).slice(page.offset);
    if (ids.length === 0) return [];
    const r = await sql<HitRow>`select ${hitColumns} from search_documents d
      where d.id = any(${ids}) and ${visible}`.execute(db);
    const byId = new Map(r.rows.map((h) => [Number(h.id), h]));
    return ids.map((id) => byId.get(id)).filter((h): h is HitRow => h !== undefined);
  }
  // The newest matches, then ts_rank (title weight A 8× text weight B, as on SQLite) unpacks the
  // vectors of that pool alone.
  const pool = await ordered(Math.max(RANK_POOL, page.offset + page.limit));
  if (pool.length === 0) return [];
  const r = await sql<HitRow>`select ${hitColumns} from search_documents d
    where d.id = any(${pool}) and ${visible}
    order by ts_rank('{0.1, 0.2, 0.125, 1.0}', d.tsv, ${toTsquery(node)}) desc, d.date desc nulls last, d.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return r.rows;
}

type MatchRow = FacetSource & { id: number };

/** The facet columns of the matches of `cond` the actor may see, newest first. */
async function matchRows(db: Kysely<DB>, actor: Actor, cond: RawBuilder<unknown>): Promise<MatchRow[]> {
  const r = await sql<MatchRow>`select d.id, d.doc_type, d.body_name, d.committee, d.paper_type, d.year,
      d.fields_of_action from search_documents d where ${cond} and ${visibleWhere(actor, 'd')}
    order by d.date desc nulls last, d.id desc`.execute(db);
  return r.rows.map((x) => ({ ...x, id: Number(x.id) }));
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
    // Bitmaps of a common word (500,000 TIDs) stay exact: a lossy page makes the heap scan recheck
    // every row on it, and the recheck unpacks each row's vector from TOAST.
    await sql`set local work_mem = '32MB'`.execute(trx);
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
  // The probe (1/256 of the matches) sizes the set and, for a very large one, is the facet sample.
  const probe = await matchRows(db, actor, where(node, metaWhere(actor, f, [meta.sample(PROBE_LEVEL)])));
  const plan = planCounting(probe.length);
  const none = { total: 0, rows: [], facets: [], totalApproximate: false, facetsApproximate: false };
  if (plan.exactTotal) {
    // Up to EXACT_TOTAL_MAX matches: one pass over them gives the total, the date order and the
    // facets. Counting, the pool and the facets would each read the same heap rows (and, for a
    // phrase, unpack every candidate's vector to check the word positions) again.
    const all = await matchRows(db, actor, where(node, metaWhere(actor, f)));
    const total = all.length;
    if (total === 0) return none;
    const ids = all.map((r) => r.id);
    const rows = await pageRows(db, actor, node, page, async (n) => ids.slice(0, n));
    if (!page.facets) return { ...none, total, rows };
    if (total <= EXACT_FACETS_MAX) {
      return { total, rows, facets: countFacets(all), totalApproximate: false, facetsApproximate: false };
    }
    // The same sample stratum SQLite counts (chosen from the probe), so both databases answer alike.
    const level = sampleLevel(probe.length * 4 ** PROBE_LEVEL);
    const sample = all.filter((r) => mix(r.id) % 4 ** level === 0);
    return {
      total,
      rows,
      facets: countFacets(sample, total),
      totalApproximate: false,
      facetsApproximate: true,
    };
  }
  const total = probe.length * 4 ** PROBE_LEVEL;
  const rows = await pageRows(db, actor, node, page, (n) => newest(db, actor, node, f, probe, n));
  if (!page.facets) return { ...none, total, rows, totalApproximate: true };
  const level = plan.facetLevel ?? sampleLevel(total);
  const sample =
    level === PROBE_LEVEL
      ? probe
      : await matchRows(db, actor, where(node, metaWhere(actor, f, [meta.sample(level)])));
  const estimate = sample.length === 0 ? total : sample.length * 4 ** level;
  return {
    total: estimate,
    rows,
    facets: countFacets(sample, estimate),
    totalApproximate: true,
    facetsApproximate: true,
  };
}
