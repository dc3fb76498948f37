import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { meta, metaConditions, SAMPLE_BUCKETS } from './fts-meta.js';
import { toTsquery } from './query/compile-postgres.js';
import type { ResolvedNode } from './query/resolved.js';
import type { EngineResult, FacetRow, HitRow, SearchPage } from './search-repository.js';
import type { SearchFilters } from './types.js';

/**
 * Search on PostgreSQL: the `german` tsvector `tsv` (RUM index where installed, else GIN) for the
 * words, the `meta` tsvector (GIN) for visibility and filters, so the total is one bitmap count.
 * Relevance and facet counts follow the same rules as on SQLite (engine-sqlite.ts): ranked among
 * the newest RANK_POOL matches; facets exact up to FACET_EXACT_MAX, else from id buckets.
 */
export const RANK_POOL = 2_000;
export const FACET_EXACT_MAX = 5_000;
const FACET_SAMPLE = 4_000;

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
  // Rank the newest matches (title weight A 8× text weight B, as on SQLite): ts_rank reads the pool's vectors only.
  const pool = Math.max(RANK_POOL, page.offset + page.limit);
  const r = await sql<HitRow>`select ${hitColumns} from (
      select d.id, ts_rank('{0.1, 0.2, 0.125, 1.0}', d.tsv, ${toTsquery(node)}) as r from search_documents d where ${cond}
      order by d.date desc nulls last, d.id desc limit ${pool}) p
    join search_documents d on d.id = p.id
    where ${visible}
    order by p.r desc, d.date desc nulls last, d.id desc limit ${page.limit} offset ${page.offset}`.execute(
    db,
  );
  return r.rows;
}

async function facetsOf(db: Kysely<DB>, actor: Actor, cond: RawBuilder<unknown>): Promise<FacetRow[]> {
  const r = await sql<FacetRow>`with m as materialized (
      select d.doc_type, d.body_name, d.committee, d.paper_type, d.year, d.fields_of_action
      from search_documents d where ${cond} and ${visibleWhere(actor, 'd')})
    select 'type' as facet, doc_type as value, count(*)::int as n from m group by doc_type
    union all select 'body', body_name, count(*)::int from m where body_name is not null group by body_name
    union all select 'committee', committee, count(*)::int from m where committee is not null group by committee
    union all select 'paperType', paper_type, count(*)::int from m where paper_type is not null group by paper_type
    union all select 'year', year::text, count(*)::int from m where year is not null group by year
    union all select 'field', j.value, count(*)::int
      from m, jsonb_array_elements_text(m.fields_of_action::jsonb) j(value) group by j.value
    union all select 'sample', null, count(*)::int from m`.execute(db);
  return r.rows;
}

function scaled(rows: FacetRow[], total: number): FacetRow[] {
  const sample = Number(rows.find((r) => r.facet === 'sample')?.n ?? 0);
  if (sample === 0) return [];
  const factor = total / sample;
  return rows
    .filter((r) => r.facet !== 'sample')
    .map((r) => ({ ...r, n: Math.max(1, Math.round(Number(r.n) * factor)) }));
}

export async function searchPostgres(
  db: Kysely<DB>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
): Promise<EngineResult> {
  const metaTsq = metaQuery(actor, f);
  const cond = where(node, metaTsq);
  const counted = await sql<{
    n: number;
  }>`select count(*)::int as n from search_documents d where ${cond}`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0) return { total: 0, rows: [], facets: [], approximate: false };
  const rows = await pageRows(db, actor, cond, node, page);
  if (!page.facets) return { total, rows, facets: [], approximate: false };
  if (total <= FACET_EXACT_MAX) {
    const exact = await facetsOf(db, actor, cond);
    return { total, rows, facets: exact.filter((r) => r.facet !== 'sample'), approximate: false };
  }
  const n = Math.min(SAMPLE_BUCKETS, Math.max(1, Math.ceil((SAMPLE_BUCKETS * FACET_SAMPLE) / total)));
  const buckets = Array.from({ length: n }, (_, i) => meta.bucket(i));
  const sampled = await facetsOf(db, actor, where(node, metaQuery(actor, f, buckets)));
  return { total, rows, facets: scaled(sampled, total), approximate: true };
}
