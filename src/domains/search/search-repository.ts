import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { searchPostgres } from './engine-postgres.js';
import { searchSqlite } from './engine-sqlite.js';
import type { ResolvedNode } from './query/resolved.js';
import type { SearchFilters } from './types.js';

export type { SearchFilters } from './types.js';

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

export interface SearchPage {
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
  /** false: hits only (exports page through without counting facets) */
  facets: boolean;
}

export interface EngineResult {
  total: number;
  rows: HitRow[];
  facets: FacetRow[];
  /** the total is estimated from a sample (very large result sets) */
  totalApproximate: boolean;
  /** the facet counts are estimated from a sample (large result sets) */
  facetsApproximate: boolean;
}

/** One page of hits, the total and the facet counts, all answered for the actor's rights. */
export function runSearch(
  ctx: Pick<AppContext, 'db' | 'dialect'> & Partial<Pick<AppContext, 'database'>>,
  actor: Actor,
  node: ResolvedNode,
  f: SearchFilters,
  page: SearchPage,
): Promise<EngineResult> {
  // The reader thread sees committed data only: inside a transaction everything stays on it.
  const reader = ctx.database && ctx.database.db === ctx.db ? ctx.database.reader : undefined;
  return ctx.dialect === 'sqlite'
    ? searchSqlite(ctx.db, actor, node, f, page, reader)
    : searchPostgres(ctx.db, actor, node, f, page);
}
