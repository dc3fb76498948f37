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
import { facetValues } from './fts-write.js';
import { hasPositivePhrase, toTsquery } from './query/compile-postgres.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, FacetRow, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on PostgreSQL over the narrow table `search_vectors` (fts-write.ts): the `german`
 * tsvector `tsv` (words) and the `meta` tsvector (visibility, filters, sample strata) under one
 * GIN index, so a match is one index scan, and the heap rows every match visits (date key,
 * visibility, facet codes) are small enough to stay in shared buffers. Hits come from
 * search_documents by id. Relevance and
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

function where(node: ResolvedNode, metaCond: RawBuilder<unknown> | null, relax = false): RawBuilder<unknown> {
  const words = sql`d.tsv @@ ${toTsquery(node, { relaxPhrases: relax })}`;
  return metaCond ? sql`${words} and ${metaCond}` : words;
}

const hitColumns = sql`d.id, d.doc_type, d.source_id, d.title, d.text, d.date, d.url, d.body_name,
  d.committee, d.paper_type, d.is_public`;

/**
 * The ids of the newest `n` matches of `cond`, newest first: `sort_key` is the date-ordered key
 * of fts-meta.ts (day above id, undated last), read from the narrow heap.
 */
async function newestIds(db: Kysely<DB>, cond: RawBuilder<unknown>, n: number): Promise<number[]> {
  const r = await sql<{ id: number }>`select d.id from search_vectors d where ${cond}
    order by d.sort_key desc limit ${n}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** The hit rows of `ids` the actor may see, in the order of `ids`. */
async function hitRows(db: Kysely<DB>, actor: Actor, ids: number[]): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<HitRow>`select ${hitColumns} from search_documents d
    where d.id = any(${ids}::int[]) and ${visibleWhere(actor, 'd')}`.execute(db);
  const byId = new Map(r.rows.map((h) => [Number(h.id), h]));
  return ids.map((id) => byId.get(id)).filter((h): h is HitRow => h !== undefined);
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
  relax = false,
): Promise<number[]> {
  if (probe.length * 4 ** PROBE_LEVEL >= 3 * n) {
    const max = await sql<{ d: string | null }>`select max(date) as d from search_documents`.execute(db);
    const newestYear = Number(String(max.rows[0]?.d ?? '').slice(0, 4)) || 0;
    const years = recentYears(probe, n, newestYear);
    if (years) {
      const ids = await newestIds(db, where(node, metaWhere(actor, f, years.map(meta.year)), relax), n);
      if (ids.length >= n) return ids;
    }
  }
  return newestIds(db, where(node, metaWhere(actor, f), relax), n);
}

/** The hits of a page from the ids of the matches in date order (all, or the newest pool). */
async function pageRows(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  page: SearchPage,
  ordered: (n: number) => Promise<number[]>,
): Promise<HitRow[]> {
  if (page.sort === 'date')
    return hitRows(db, actor, (await ordered(page.offset + page.limit)).slice(page.offset));
  // The newest matches, then ts_rank (title weight A 8× text weight B, as on SQLite) unpacks the
  // vectors of that pool alone.
  const pool = await ordered(Math.max(RANK_POOL, page.offset + page.limit));
  if (pool.length === 0) return [];
  const r = await sql<{ id: number }>`select d.id from search_vectors d
    where d.id = any(${pool}::int[]) and ${visibleWhere(actor, 'd')}
    order by ts_rank('{0.1, 0.2, 0.125, 1.0}', d.tsv, ${toTsquery(node)}) desc, d.sort_key desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return hitRows(
    db,
    actor,
    r.rows.map((x) => Number(x.id)),
  );
}

type MatchRow = FacetSource & { id: number };

interface CodedRow {
  id: number;
  doc_type: number;
  body: number | null;
  committee: number | null;
  paper_type: number | null;
  year: number | null;
  fields: number[];
}

/** The facet values of the matches of `cond` the actor may see (a sample: at most a few thousand). */
async function matchRows(db: Kysely<DB>, actor: Actor, cond: RawBuilder<unknown>): Promise<MatchRow[]> {
  const r = await sql<CodedRow>`select d.id, d.doc_type, d.body, d.committee, d.paper_type, d.year,
      d.fields from search_vectors d where ${cond} and ${visibleWhere(actor, 'd')}
    order by d.sort_key desc`.execute(db);
  const codes = new Set<number>();
  for (const x of r.rows) {
    codes.add(x.doc_type);
    if (x.body != null) codes.add(x.body);
    if (x.committee != null) codes.add(x.committee);
    if (x.paper_type != null) codes.add(x.paper_type);
  }
  const values = await facetValues(db, codes);
  const value = (c: number | null) => (c == null ? null : (values.get(c) ?? null));
  return r.rows.map((x) => ({
    id: Number(x.id),
    doc_type: value(x.doc_type) ?? '',
    body_name: value(x.body),
    committee: value(x.committee),
    paper_type: value(x.paper_type),
    year: x.year,
    fields_of_action: JSON.stringify(x.fields ?? []),
  }));
}

/** Facets whose values are codes of search_facet_values (year and field are numbers). */
const CODED = new Set(['type', 'body', 'committee', 'paperType']);

interface Aggregate {
  total: number;
  /** matches in the facet sample (= total when every match is counted) */
  sampled: number;
  /** the ids of the requested page, in page order */
  pageIds: number[];
  /** unscaled counts over the sampled matches */
  facets: FacetRow[];
}

/**
 * One statement over the matches of `cond`: the total, the page (by date, or ts_rank over the
 * newest RANK_POOL) and the facet counts over the matches in `sample` (a sample-stratum token;
 * null: every match). The rows never leave the server: shipping 16,000 of them to be counted in
 * JavaScript cost more than finding them (row parsing and garbage collection, ~30 ms).
 */
async function aggregate(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  cond: RawBuilder<unknown>,
  page: SearchPage | null,
  facets: boolean,
  sample: string | null,
): Promise<Aggregate> {
  const inSample = sample ? sql`d.meta @@ ${lexeme(sample)}::tsquery` : sql`true`;
  const pageSql =
    page === null
      ? sql`select null::int as id, 0::bigint as rn where false`
      : page.sort === 'date'
        ? sql`select id, row_number() over (order by sort_key desc) as rn from m
            order by sort_key desc limit ${page.limit} offset ${page.offset}`
        : sql`select v.id, row_number() over (order by ts_rank('{0.1, 0.2, 0.125, 1.0}', v.tsv, ${toTsquery(node)}) desc,
              v.sort_key desc) as rn
            from (select id from m order by sort_key desc limit ${Math.max(RANK_POOL, page.offset + page.limit)}) p
            join search_vectors v on v.id = p.id
            order by rn limit ${page.limit} offset ${page.offset}`;
  const facetSql = facets
    ? sql`
      union all select 'type', doc_type, count(*)::int, null from m where s group by doc_type
      union all select 'body', body, count(*)::int, null from m where s and body is not null group by body
      union all select 'committee', committee, count(*)::int, null from m where s and committee is not null group by committee
      union all select 'paperType', paper_type, count(*)::int, null from m where s and paper_type is not null group by paper_type
      union all select 'year', year, count(*)::int, null from m where s and year is not null group by year
      union all select 'field', f, count(*)::int, null from m cross join lateral unnest(m.fields) as f where s group by f`
    : sql``;
  const r = await sql<{ facet: string; value: number | null; n: number; ids: number[] | null }>`
    with m as materialized (
      select d.id, d.sort_key, d.doc_type, d.body, d.committee, d.paper_type, d.year, d.fields, ${inSample} as s
      from search_vectors d where ${cond} and ${visibleWhere(actor, 'd')}
    ), pg as (${pageSql})
    select '#total' as facet, null::int as value, count(*)::int as n, null::int[] as ids from m
    union all select '#sampled', null, count(*)::int, null from m where s
    union all select '#page', null, null, array(select id from pg order by rn)
    ${facetSql}`.execute(db);
  const out: Aggregate = { total: 0, sampled: 0, pageIds: [], facets: [] };
  const codes = new Set<number>();
  for (const row of r.rows) {
    if (row.facet === '#total') out.total = Number(row.n);
    else if (row.facet === '#sampled') out.sampled = Number(row.n);
    else if (row.facet === '#page') out.pageIds = (row.ids ?? []).map(Number);
    else if (row.value != null && CODED.has(row.facet)) codes.add(row.value);
  }
  const values = await facetValues(db, codes);
  for (const row of r.rows) {
    if (row.facet.startsWith('#') || row.value == null) continue;
    const value = CODED.has(row.facet) ? values.get(row.value) : row.value;
    if (value !== undefined) out.facets.push({ facet: row.facet, value, n: Number(row.n) });
  }
  return out;
}

/** Total and (with `facets`) unscaled facet counts of the matches in sample stratum `level`. */
function stratum(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  level: number,
  facets: boolean,
): Promise<Aggregate> {
  return aggregate(
    db,
    actor,
    node,
    where(node, metaWhere(actor, f, [meta.sample(level)])),
    null,
    facets,
    null,
  );
}

/** Counts over a sample scaled to `total` as countFacets does (a value seen counts at least 1). */
function scaleFacets(rows: FacetRow[], sampled: number, total: number): FacetRow[] {
  const factor = sampled > 0 ? total / sampled : 1;
  return rows.map((r) => ({ ...r, n: Math.max(1, Math.round(Number(r.n) * factor)) }));
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
    // The planner's cost of a large match set passes jit_above_cost, and compiling the plan took
    // 40 ms of a 60 ms search (JIT pays off for long analytic queries, not for these).
    await sql`set local jit = off`.execute(trx);
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
  if (hasPositivePhrase(node)) {
    // A phrase is checked against each candidate's word positions, which GIN does not keep: every
    // candidate's vector is unpacked. Many candidates: estimate instead (see phraseSearch).
    const candidates = await matchRows(
      db,
      actor,
      where(node, metaWhere(actor, f, [meta.sample(PROBE_LEVEL)]), true),
    );
    if (candidates.length * 4 ** PROBE_LEVEL > postgresTuning.phraseExactCandidates)
      return phraseSearch(db, actor, node, f, page, candidates);
  }
  // The probe (1/256 of the matches) sizes the set and, for a very large one, is the facet sample.
  const probe = await matchRows(db, actor, where(node, metaWhere(actor, f, [meta.sample(PROBE_LEVEL)])));
  const plan = planCounting(probe.length);
  const none = { total: 0, rows: [], facets: [], totalApproximate: false, facetsApproximate: false };
  if (plan.exactTotal) {
    // Up to EXACT_TOTAL_MAX matches: one pass over them gives the total, the page and the
    // facets. Counting, the pool and the facets would each read the same heap rows (and, for a
    // phrase, unpack every candidate's vector to check the word positions) again.
    const estimate = probe.length * 4 ** PROBE_LEVEL;
    // Above EXACT_FACETS_MAX the same sample stratum SQLite counts (chosen from the probe), so
    // both databases answer alike.
    const level = estimate > EXACT_FACETS_MAX ? sampleLevel(estimate) : null;
    let a = await aggregate(
      db,
      actor,
      node,
      where(node, metaWhere(actor, f)),
      page,
      page.facets,
      level === null ? null : meta.sample(level),
    );
    if (a.total === 0) return none;
    if (page.facets && level !== null && a.total <= EXACT_FACETS_MAX) {
      // The probe overestimated: count every match, as SQLite does for this total.
      a = await aggregate(db, actor, node, where(node, metaWhere(actor, f)), page, true, null);
    }
    const rows = await hitRows(db, actor, a.pageIds);
    if (!page.facets) return { ...none, total: a.total, rows };
    if (a.total <= EXACT_FACETS_MAX) {
      return { total: a.total, rows, facets: a.facets, totalApproximate: false, facetsApproximate: false };
    }
    if (level === null) {
      // The probe underestimated: the stratum still follows from the probe, as on SQLite.
      const l = sampleLevel(estimate);
      const s = await stratum(db, actor, node, f, l, true);
      return {
        total: a.total,
        rows,
        facets: scaleFacets(s.facets, s.total, a.total),
        totalApproximate: false,
        facetsApproximate: true,
      };
    }
    return {
      total: a.total,
      rows,
      facets: scaleFacets(a.facets, a.sampled, a.total),
      totalApproximate: false,
      facetsApproximate: true,
    };
  }
  const total = probe.length * 4 ** PROBE_LEVEL;
  const rows = await pageRows(db, actor, node, page, (n) => newest(db, actor, node, f, probe, n));
  if (!page.facets) return { ...none, total, rows, totalApproximate: true };
  const level = plan.facetLevel ?? sampleLevel(total);
  if (level === PROBE_LEVEL) {
    return {
      total,
      rows,
      facets: countFacets(probe, total),
      totalApproximate: true,
      facetsApproximate: true,
    };
  }
  const sample = await stratum(db, actor, node, f, level, true);
  const estimate = sample.total === 0 ? total : sample.total * 4 ** level;
  return {
    total: estimate,
    rows,
    facets: scaleFacets(sample.facets, sample.total, estimate),
    totalApproximate: true,
    facetsApproximate: true,
  };
}

/**
 * Above this many candidates (documents with every word of a phrase, estimated from the probe
 * stratum) a phrase search on PostgreSQL is estimated: checking the word positions unpacks each
 * candidate's vector from TOAST (~5 µs), and "Antrag an den Gemeinderat" has 60,000 candidates
 * for 10,000 matches at 500,000 documents (a 300 ms exact count).
 */
export const postgresTuning = { phraseExactCandidates: 8_000 };
/** Candidates checked for the page: the newest this many, more when they hold too few matches. */
export const PHRASE_POOL_CANDIDATES = 2_000;

/** The sample level that holds at least ~1,000 candidates (at least level 1). */
export function phraseSampleLevel(candidates: number): number {
  let level = 1;
  while (level < PROBE_LEVEL && candidates / 4 ** (level + 1) >= 1_000) level++;
  return level;
}

/**
 * A phrase with many candidates: total and facets from the phrase matches of a sample stratum
 * that holds about 1,000–4,000 candidates; the page ranked among the phrase matches of the newest
 * PHRASE_POOL_CANDIDATES candidates (more, four times as many each round, until the page is
 * full or every candidate was checked). Total and facets are marked approximate.
 */
async function phraseSearch(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
  candidateProbe: MatchRow[],
): Promise<EngineResult> {
  const candidates = candidateProbe.length * 4 ** PROBE_LEVEL;
  const level = phraseSampleLevel(candidates);
  const sample = await stratum(db, actor, node, f, level, page.facets);
  const need = page.offset + page.limit;
  let matches: number[] = [];
  for (let k = PHRASE_POOL_CANDIDATES; ; k *= 4) {
    const ids = await newest(db, actor, node, f, candidateProbe, k, true);
    const r = await sql<{ id: number }>`select d.id from search_vectors d
      where d.id = any(${ids}::int[]) and ${where(node, null)} and ${visibleWhere(actor, 'd')}`.execute(db);
    const found = new Set(r.rows.map((x) => Number(x.id)));
    matches = ids.filter((id) => found.has(id));
    if (matches.length >= need || ids.length < k) break;
  }
  const estimate = Math.max(sample.total * 4 ** level, matches.length);
  const rows = await pageRows(db, actor, node, page, async (n) => matches.slice(0, n));
  return {
    total: estimate,
    rows,
    facets: page.facets ? scaleFacets(sample.facets, sample.total, estimate) : [],
    totalApproximate: true,
    facetsApproximate: true,
  };
}
