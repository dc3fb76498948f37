import type { Generated } from 'kysely';
import type { FundingRadarTables } from './alerts/radar-tables.js';
import type { CallExtractionColumns } from './deadlines/tables.js';

/**
 * Funding radar tables. Imported rows carry `source` (importer kind), `source_set` (the scope a full
 * re-import covers: a record of that set missing from the next full import is withdrawn),
 * `source_id` (stable id within the set), a `content_hash` over the compared fields and
 * first_seen_at / last_seen_at / withdrawn_at. JSON columns hold arrays of strings unless noted.
 */
export type GiverLevel = 'EU' | 'Bund' | 'Land' | 'other';
export type CallStatus = 'forthcoming' | 'open' | 'closed';
export type StageModel = 'single-stage' | 'two-stage' | 'rolling' | 'multiple-cut-offs' | 'unknown';
export type RoundOrigin = 'source' | 'extracted' | 'manual';
export type ReviewStatus = 'unreviewed' | 'confirmed' | 'rejected';
export type ChangeKind = 'first_seen' | 'changed' | 'withdrawn' | 'reappeared';
export type FundingRecordType = 'programme' | 'call' | 'round' | 'funded_project';

interface Tracked {
  source: string;
  source_set: string;
  source_id: string;
  source_url: string | null;
  content_hash: string;
  first_seen_at: string;
  last_seen_at: string;
  withdrawn_at: string | null;
  /**
   * Set when the source still lists the record but the latest run could not read it (the record keeps its
   * last good state and is not withdrawn); cleared when it is read again.
   */
  unreadable_at: string | null;
  unreadable_reason: string | null;
  unreadable_run_id: number | null;
}

interface Stamped {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface FundingTables extends FundingRadarTables {
  funding_programmes: Tracked &
    Stamped & {
      id: Generated<number>;
      title: string;
      giver_level: GiverLevel;
      giver_name: string | null;
      /** e.g. ["Zuschuss","Darlehen"] */
      funding_types: string;
      funding_areas: string;
      regions: string;
      eligible_applicants: string;
      /** The legal basis as cited (FDB gsb:procDescription, "Rechtsgrundlage"), not the requirements. */
      legal_basis: string | null;
      /** Legal requirements for applicants (FDB gsb:regulatoryFWork, "Rechtliche Voraussetzungen"). */
      requirements: string | null;
      /** How to apply (FDB gsb:procMethod, "Verfahren"); read for deadlines like the Fristen text. */
      procedure_text: string | null;
      /** JSON array of {name, phone, email, address, website, role} */
      contacts: string;
      keywords: string | null;
      summary: string | null;
      /** HTML exactly as the source gave it when text_is_verbatim = 1; sanitised only at render time. */
      body: string | null;
      /** "Fristen"/procedure text as given (FDB gsb:procInfluence) for deadline extraction. */
      deadline_text: string | null;
      licence: string | null;
      attribution: string | null;
      text_is_verbatim: number;
      /** Free notes from the importer, e.g. unknown codes kept raw. */
      import_notes: string | null;
      is_public: number;
      owner_organization_id: number | null;
    };
  funding_calls: Tracked &
    Stamped &
    CallExtractionColumns & {
      id: Generated<number>;
      programme_id: number | null;
      /** 'grant' | 'tender' | 'guideline' (Richtlinienförderung) */
      call_kind: string;
      identifier: string | null;
      title: string;
      text: string | null;
      status: CallStatus;
      stage_model: StageModel;
      giver_level: GiverLevel;
      giver_name: string | null;
      budget_eur: number | null;
      funding_rate_percent: number | null;
      min_grant_eur: number | null;
      max_grant_eur: number | null;
      eligible_applicants: string;
      regions: string;
      /** JSON array of field-of-action keys as the source gives them (import-owned) */
      fields_of_action: string;
      /**
       * JSON array of field-of-action keys that lists, filters and matching use: the office's choice
       * (office_fields) when made, else the source's fields and the classifier's (classify/).
       */
      effective_fields: Generated<string>;
      /** JSON array the office chose (null: not decided, the classifier's reading counts) */
      office_fields: string | null;
      fields_decided_by: string | null;
      fields_decided_at: string | null;
      /** JSON array of {label, url} */
      links: string;
      licence: string | null;
      attribution: string | null;
      text_is_verbatim: number;
      import_notes: string | null;
      is_public: number;
      owner_organization_id: number | null;
    };
  /** What the classifier read in a call's texts: one row per field, with the words that matched. */
  funding_call_classifications: {
    id: Generated<number>;
    call_id: number;
    field_id: number;
    score: number;
    /** JSON array of the words of the text that matched the field's rules */
    matched_terms: string;
    classified_at: string;
  };
  funding_rounds: Stamped & {
    id: Generated<number>;
    call_id: number;
    /** Stable key within the call (e.g. 'deadline-1' from the source) so re-imports match. */
    round_key: string;
    label: string | null;
    opens_at: string | null;
    deadline_date: string | null;
    /** 'HH:MM' local time in time_zone */
    deadline_time: string | null;
    time_zone: string;
    /** 'submission' | 'outline' | 'full_proposal' | 'cut_off' | 'other' */
    deadline_kind: string;
    /** 0..1 */
    confidence: number;
    origin: RoundOrigin;
    review_status: ReviewStatus;
    evidence: string | null;
    content_hash: string;
    first_seen_at: string;
    last_seen_at: string;
    withdrawn_at: string | null;
  };
  funding_changes: {
    id: Generated<number>;
    record_type: FundingRecordType;
    record_id: number;
    at: string;
    kind: ChangeKind;
    /** JSON object {field: {before, after}} */
    changes: string;
    import_run_id: number | null;
    actor_label: string | null;
  };
  funding_quarantine: {
    id: Generated<number>;
    source: string;
    file: string;
    record_key: string;
    /** The raw record, cut to 20 000 characters */
    raw: string;
    reason: string;
    first_seen_at: string;
    last_seen_at: string;
    count: number;
    resolved_at: string | null;
  };
  funding_sources: Stamped & {
    id: Generated<number>;
    /** 'fdb-xml' | 'eu-ft-json' | 'efre-nrw-json' | 'template' | 'auto' */
    kind: string;
    location: string;
    label: string;
    enabled: number;
    last_run_at: string | null;
    last_status: string | null;
    /** JSON ImportCounts */
    last_counts: string | null;
  };
  funding_import_runs: {
    id: Generated<number>;
    importer: string;
    location: string;
    source_set: string | null;
    started_at: string;
    finished_at: string | null;
    status: string;
    counts: string | null;
    /** JSON array of notes, e.g. "stripped 3 invalid XML characters in …" */
    notes: string | null;
    actor_label: string | null;
  };
  funding_uploads: {
    id: Generated<number>;
    file_name: string;
    content: Buffer;
    size: number;
    source_set: string | null;
    created_at: string;
    created_by: string;
  };
  funding_funded_projects: Tracked & {
    id: Generated<number>;
    beneficiary: string;
    project_name: string;
    summary: string | null;
    start_date: string | null;
    end_date: string | null;
    total_eligible_eur: number | null;
    /** Amtlicher Gemeindeschlüssel (8 digits) */
    ags: string | null;
    municipality_name: string | null;
    country: string | null;
    intervention_code: string | null;
    intervention_label: string | null;
    programme_cci: string | null;
    funding_period: string | null;
  };
}
