import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { highlighterFor, snippet } from './highlight.js';
import { parseQuery } from './query/parse.js';
import { resolveQuery } from './query/resolve.js';
import type { CompoundMode } from './query/resolved.js';
import { runSearch, type SearchFilters } from './search-repository.js';

export interface SearchParams extends SearchFilters {
  q: string;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
}

export interface SearchHit {
  type: string;
  id: number;
  title: string;
  date: string | null;
  snippet: string;
  url: string | null;
  body: string | null;
  committee: string | null;
  paperType: string | null;
  isPublic: boolean;
}

export interface FacetValue {
  value: string;
  count: number;
  label?: string;
}

export interface SearchResult {
  total: number;
  /** the total is an estimate (a sample of a very large result set) */
  totalApproximate: boolean;
  /** the facet counts are estimates (a sample of a large result set) */
  facetsApproximate: boolean;
  hits: SearchHit[];
  facets: Record<'type' | 'body' | 'committee' | 'paperType' | 'year' | 'field', FacetValue[]>;
}

type Ctx = Pick<AppContext, 'db' | 'dialect'> & Partial<Pick<AppContext, 'database'>>;

async function fieldNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  const numeric = ids.map(Number).filter(Number.isInteger);
  if (numeric.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('fields_of_action')
    .select(['id', 'name'])
    .where('id', 'in', numeric)
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.name]));
}

/** Full-text search answered for the actor's rights: invisible documents count nowhere. */
export async function searchDocuments(
  ctx: Ctx,
  actor: Actor,
  params: SearchParams,
  opts: { compounds?: CompoundMode; facets?: boolean } = {},
): Promise<SearchResult> {
  const node = await resolveQuery(ctx.db, parseQuery(params.q), opts.compounds);
  const found = await runSearch(ctx, actor, node, params, {
    sort: params.sort,
    limit: params.limit,
    offset: params.offset,
    facets: opts.facets !== false,
  });
  const rows = found.rows;
  const hl = highlighterFor(node);
  const facets: SearchResult['facets'] = {
    type: [],
    body: [],
    committee: [],
    paperType: [],
    year: [],
    field: [],
  };
  for (const r of found.facets) {
    if (r.value !== null && r.facet in facets) {
      facets[r.facet as keyof SearchResult['facets']].push({ value: String(r.value), count: Number(r.n) });
    }
  }
  for (const list of Object.values(facets))
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const names = await fieldNames(
    ctx,
    facets.field.map((f) => f.value),
  );
  for (const f of facets.field) f.label = names.get(f.value) ?? f.value;
  return {
    total: found.total,
    totalApproximate: found.totalApproximate,
    facetsApproximate: found.facetsApproximate,
    facets,
    hits: rows.map((r) => ({
      type: r.doc_type,
      id: r.source_id,
      title: r.title,
      date: r.date,
      snippet: snippet(r.text, hl),
      url: r.url,
      body: r.body_name,
      committee: r.committee,
      paperType: r.paper_type,
      isPublic: r.is_public === 1,
    })),
  };
}
