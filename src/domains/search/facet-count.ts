import { fieldIds, SAMPLE_LEVELS } from './fts-meta.js';
import type { FacetRow } from './search-repository.js';

/**
 * How a search counts, the same on both databases (see the search README, "Ranking and counting
 * at scale"): up to EXACT_TOTAL_MAX matches the total is exact, above it estimated from a
 * sample; up to EXACT_FACETS_MAX matches the facet counts are exact, above it estimated from a
 * sample of about FACET_SAMPLE matches (sample level L = the matches whose id is a multiple of
 * 4^L, one meta token).
 */
export const EXACT_TOTAL_MAX = 20_000;
export const EXACT_FACETS_MAX = 3_000;
export const FACET_SAMPLE = 1_000;

/** The probe: level 4 (1/256) tells cheaply whether a match set is large. */
export const PROBE_LEVEL = SAMPLE_LEVELS;

/** The sample level that holds between FACET_SAMPLE / 2 and 2 × FACET_SAMPLE of `total` matches. */
export function sampleLevel(total: number): number {
  let level = 1;
  while (level < SAMPLE_LEVELS && total / 4 ** (level + 1) >= FACET_SAMPLE / 2) level++;
  return level;
}

export interface CountPlan {
  /** count every match (false: the total is the sample estimate) */
  exactTotal: boolean;
  /** null: count facets over every match; else the sample level */
  facetLevel: number | null;
}

/** What to count, from the probe (the number of matches at level PROBE_LEVEL). */
export function planCounting(probe: number): CountPlan {
  const estimate = probe * 4 ** PROBE_LEVEL;
  if (estimate <= EXACT_TOTAL_MAX) return { exactTotal: true, facetLevel: null };
  return { exactTotal: false, facetLevel: sampleLevel(estimate) };
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
