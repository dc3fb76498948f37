import type { Generated } from 'kysely';

/**
 * Columns every stored OParl object carries. References to other OParl objects are kept as
 * their OParl ids (text), never as foreign keys: real servers dangle references, and an object
 * arriving before the one it points to must still be stored (resolved later by joining on oparl_id).
 */
export interface OParlObjectColumns {
  id: Generated<number>;
  oparl_id: string;
  source_id: number;
  body_oparl_id: string | null;
  name: string | null;
  raw_json: string;
  oparl_created: string | null;
  oparl_modified: string | null;
  deleted: number;
  /** Quirks seen while importing (e.g. "modified_is_crawl_date", "coordinates_swapped"), JSON array. */
  quirks_json: string | null;
  is_public: number;
  owner_organization_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface CouncilTables {
  council_sources: {
    id: Generated<number>;
    system_url: string;
    name: string | null;
    oparl_version: string | null;
    last_sync_started_at: string | null;
    last_sync_finished_at: string | null;
    last_sync_status: string | null;
    last_error: string | null;
    counts_json: string | null;
    error_count: number;
    /** Per-source overrides of the client's politeness delay and page timeout. */
    request_delay_ms: number | null;
    timeout_ms: number | null;
    created_at: string;
    updated_at: string;
    version: Generated<number>;
  };
  council_bodies: OParlObjectColumns & {
    short_name: string | null;
    ags: string | null;
    website: string | null;
    system_oparl_id: string | null;
  };
  council_organizations: OParlObjectColumns & {
    short_name: string | null;
    organization_type: string | null;
    classification: string | null;
    start_date: string | null;
    end_date: string | null;
  };
  council_persons: OParlObjectColumns & {
    family_name: string | null;
    given_name: string | null;
  };
  council_memberships: OParlObjectColumns & {
    person_oparl_id: string | null;
    organization_oparl_id: string | null;
    role: string | null;
    voting_right: number | null;
    start_date: string | null;
    end_date: string | null;
  };
  council_meetings: OParlObjectColumns & {
    start_at: string | null;
    end_at: string | null;
    cancelled: number;
    meeting_state: string | null;
    location_oparl_id: string | null;
    organization_ids_json: string | null;
  };
  council_agenda_items: OParlObjectColumns & {
    meeting_oparl_id: string | null;
    number: string | null;
    item_order: number | null;
    consultation_oparl_id: string | null;
    result: string | null;
    resolution_text: string | null;
  };
  council_papers: OParlObjectColumns & {
    reference: string | null;
    paper_date: string | null;
    paper_type: string | null;
    main_file_oparl_id: string | null;
    under_direction_of_json: string | null;
    /** Filled by the Vorlage parser (src/domains/council/vorlage). */
    decision_kind: string | null;
    file_reference: string | null;
    departments_json: string | null;
    handler: string | null;
    draft_resolution: string | null;
    statement_of_facts: string | null;
    impacts_json: string | null;
    parse_confidence_json: string | null;
    parsed_at: string | null;
  };
  council_consultations: OParlObjectColumns & {
    paper_oparl_id: string | null;
    meeting_oparl_id: string | null;
    agenda_item_oparl_id: string | null;
    organization_ids_json: string | null;
    role: string | null;
    authoritative: number | null;
  };
  council_files: OParlObjectColumns & {
    parent_oparl_id: string | null;
    parent_role: string | null;
    file_name: string | null;
    mime_type: string | null;
    size: number | null;
    sha256: string | null;
    access_url: string | null;
    download_url: string | null;
    file_date: string | null;
    text: string | null;
    text_extracted_at: string | null;
    /** Filled by the file fetcher (src/domains/council/files). */
    detected_mime: string | null;
    fetch_error: string | null;
    fetched_at: string | null;
  };
  council_locations: OParlObjectColumns & {
    description: string | null;
    street_address: string | null;
    postal_code: string | null;
    locality: string | null;
    lat: number | null;
    lon: number | null;
  };
  council_legislative_terms: OParlObjectColumns & {
    start_date: string | null;
    end_date: string | null;
  };
  council_quarantine: {
    id: Generated<number>;
    source_id: number;
    list_url: string | null;
    object_id: string | null;
    /** Hash of (list url, object id or raw text): a re-sync meeting the same fault counts it, not duplicates it. */
    fingerprint: string;
    raw: string;
    reason: string;
    first_seen: string;
    last_seen: string;
    count: number;
    resolved: number;
  };
  council_sync_cursors: {
    id: Generated<number>;
    source_id: number;
    body_oparl_id: string;
    list_kind: string;
    list_url: string;
    next_url: string | null;
    /** The modified_since this run asks with (null: full run). */
    run_since: string | null;
    run_started_at: string | null;
    /** Start of the last complete run: the next run asks modified_since this. */
    watermark: string | null;
    status: string;
    pages: number;
    error: string | null;
    updated_at: string;
  };
}
