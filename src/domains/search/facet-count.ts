import { fieldIds, meta, SAMPLE_BUCKETS } from './fts-meta.js';
import type { FacetRow } from './search-repository.js';

/**
 * The sizes that decide how a search counts (both databases; see the search README, "Ranking and
 * counting at scale"). Above EXACT_TOTAL_MAX matches the total is estimated from one id bucket;
 * above EXACT_FACETS_MAX the facet counts are estimated from about FACET_SAMPLE matches.
 */
export const EXACT_TOTAL_MAX = 50_000;
export const EXACT_FACETS_MAX = 3_000;
export const FACET_SAMPLE = 1_500;

/** How many of the id buckets hold about FACET_SAMPLE of `total` matches, and their tokens. */
export function sampleBuckets(total: number): { n: number; tokens: string[] } {
  const n = Math.min(SAMPLE_BUCKETS, Math.max(1, Math.ceil((SAMPLE_BUCKETS * FACET_SAMPLE) / total)));
  return { n, tokens: Array.from({ length: n }, (_, i) => meta.bucket(i)) };
}

/** The columns of a matched row that facets count. */
export interface FacetSource {
  doc_type: string;
  body_name: string | null;
  committee: string | null;
  paper_type: string | null;
  year: number | null;
  fields_of_action: string;
}

/**
 * Facet counts of the given rows; with `scaleTo` the rows are a sample and every count is scaled
 * to that total (rounded; a value seen in the sample counts at least 1).
 */
export function countFacets(rows: FacetSource[], scaleTo?: number): FacetRow[] {
  const counts = new Map<string, Map<string | number, number>>();
  const add = (facet: string, value: string | number | null) => {
    if (value === null) return;
    let m = counts.get(facet);
    if (!m) {
      m = new Map();
      counts.set(facet, m);
    }
    m.set(value, (m.get(value) ?? 0) + 1);
  };
  for (const r of rows) {
    add('type', r.doc_type);
    add('body', r.body_name);
    add('committee', r.committee);
    add('paperType', r.paper_type);
    add('year', r.year);
    for (const f of fieldIds(r.fields_of_action)) add('field', f);
  }
  const factor = scaleTo !== undefined && rows.length > 0 ? scaleTo / rows.length : 1;
  const out: FacetRow[] = [];
  for (const [facet, m] of counts) {
    for (const [value, n] of m) out.push({ facet, value, n: Math.max(1, Math.round(n * factor)) });
  }
  return out;
}
