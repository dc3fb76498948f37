/** What another domain hands to the indexer for one searchable document. */
export interface SearchDocumentInput {
  /** 'paper' | 'file' | 'meeting' | 'organization' | 'call' | … */
  type: string;
  sourceId: number;
  title: string;
  text: string;
  date: string | null;
  isPublic: boolean;
  ownerOrganizationId: number | null;
  bodyId: number | null;
  bodyName: string | null;
  committee: string | null;
  paperType: string | null;
  url: string | null;
}

/** Facet filters of a search (each narrows to one value). */
export interface SearchFilters {
  type?: string;
  body?: string;
  committee?: string;
  paperType?: string;
  year?: number;
  field?: number;
}
