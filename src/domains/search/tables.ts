import type { Generated } from 'kysely';

/**
 * The search domain's tables. `search_documents` is a generic index fed by other domains through
 * indexer.ts; the dialect-specific full-text structures (FTS5 table `search_fts` on SQLite, the
 * narrow table `search_vectors` with its facet-value codes `search_facet_values` on PostgreSQL)
 * are maintained next to it (fts-write.ts) and queried with raw SQL.
 */
export interface SearchTables {
  search_documents: {
    id: Generated<number>;
    doc_type: string;
    source_id: number;
    title: string;
    text: string;
    date: string | null;
    year: number | null;
    is_public: number;
    owner_organization_id: number | null;
    body_id: number | null;
    body_name: string | null;
    committee: string | null;
    paper_type: string | null;
    /** JSON array of field-of-action ids, written by the classifier. */
    fields_of_action: Generated<string>;
    url: string | null;
    indexed_at: string;
    /** SQLite: the row's key in search_fts (date-ordered, see fts-meta.ts); null on PostgreSQL. */
    fts_key: number | null;
  };
  classifications: {
    id: Generated<number>;
    doc_type: string;
    source_id: number;
    field_id: number;
    score: number;
    /** JSON array of the original words that matched the field's rules. */
    matched_terms: string;
    classified_at: string;
  };
  search_terms: {
    term: string;
    stem_docs: number;
    word_docs: number;
  };
}
