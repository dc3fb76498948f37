export interface FacetValue {
  value: string;
  count: number;
  label?: string;
}

export type FacetName = 'type' | 'body' | 'committee' | 'paperType' | 'year' | 'field';

export interface SearchHit {
  type: string;
  id: number;
  title: string;
  date: string | null;
  /** server-escaped HTML: only <mark> elements around found words */
  snippet: string;
  url: string | null;
  body: string | null;
  committee: string | null;
  paperType: string | null;
  isPublic: boolean;
}

export interface SearchResult {
  total: number;
  /** the total is an estimate from a sample (very large result sets) */
  totalApproximate: boolean;
  /** the facet counts are estimates from a sample (large result sets) */
  facetsApproximate: boolean;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
}

export interface RadarTopic {
  kind: 'field' | 'term';
  key: string;
  label: string;
  total: number;
  bodies: Array<{ body: string; count: number }>;
  documents: Array<{ type: string; id: number; title: string; date: string | null; body: string }>;
}

export interface Radar {
  from: string;
  to: string;
  documents: number;
  topics: RadarTopic[];
  bodies: Array<{ body: string; documents: number; topics: number }>;
}

export interface RegionMap {
  width: number;
  height: number;
  source: string;
  attribution: string;
  attributionUrl: string;
  features: Array<{
    ags: string;
    name: string;
    kind: 'city' | 'town' | 'district';
    path: string;
    label: { x: number; y: number };
    bodyNames: string[];
  }>;
}
