import type { Generated } from 'kysely';

/**
 * Tables of the funding radar's intelligence (matching, review queue, pointers, alerts, feeds).
 * Joined into FundingTables through `extends` in tables.ts.
 */
export interface FundingRadarTables {
  /** A project profile to match calls against (the office's or a partner's project idea). */
  funding_projects: {
    id: Generated<number>;
    title: string;
    description: string | null;
    /** JSON array of field-of-action keys */
    fields_of_action: string;
    /** e.g. 'Kommune', 'Unternehmen' (the FDB Förderberechtigte labels) */
    applicant_type: string | null;
    /** Amtlicher Gemeindeschlüssel of the project region (2, 5 or 8 digits) */
    region_ags: string | null;
    owner_organization_id: number | null;
    is_public: number;
    created_at: string;
    updated_at: string;
    version: Generated<number>;
  };
  /** What kind of applicant a partner organisation is, where, and which fields it works in. */
  funding_org_profiles: {
    id: Generated<number>;
    organization_id: number;
    applicant_type: string | null;
    region_ags: string | null;
    fields_of_action: string;
    /** JSON array of extra search words */
    keywords: string;
    updated_at: string;
    version: Generated<number>;
  };
  /** "Relevant / not relevant" per organisation and call; changes later ranking for that organisation. */
  funding_match_feedback: {
    id: Generated<number>;
    organization_id: number;
    call_id: number;
    relevant: number;
    note: string | null;
    user_id: number | null;
    created_at: string;
    updated_at: string;
  };
  /** Deadlines read from free text with too little confidence, waiting for a person. */
  funding_deadline_reviews: {
    id: Generated<number>;
    call_id: number;
    deadline_date: string;
    deadline_time: string | null;
    time_zone: string | null;
    confidence: number;
    evidence: string;
    /** JSON array of German reasons */
    reasons: string;
    status: 'pending' | 'confirmed' | 'corrected' | 'rejected';
    decided_date: string | null;
    round_id: number | null;
    decided_by: string | null;
    decided_at: string | null;
    created_at: string;
    version: Generated<number>;
  };
  /** The office points a call out to a partner organisation, with a note. */
  funding_pointers: {
    id: Generated<number>;
    call_id: number;
    organization_id: number;
    note: string | null;
    created_by_user_id: number | null;
    created_by_label: string;
    created_at: string;
    read_at: string | null;
  };
  /** The office's activity log for the radar (feeds the activity report). */
  funding_activity: {
    id: Generated<number>;
    at: string;
    kind: string;
    call_id: number | null;
    organization_id: number | null;
    actor_label: string;
    summary: string;
  };
  funding_alert_settings: {
    id: Generated<number>;
    user_id: number;
    /** JSON array of days before a deadline, e.g. [42,14,3] */
    lead_days: string;
    digest: 'daily' | 'weekly' | 'off';
    immediate: number;
    unsubscribed_at: string | null;
    last_digest_at: string | null;
    last_immediate_at: string | null;
    updated_at: string;
  };
  funding_saved_searches: {
    id: Generated<number>;
    /** who saved it */
    user_id: number;
    /** the saver's organisation; with scope 'organization' every member of it gets the alerts */
    organization_id: number | null;
    scope: Generated<'user' | 'organization'>;
    name: string;
    /** JSON of the call list's filters (schemas.ts callFilters) */
    filters: string;
    created_at: string;
  };
  funding_watches: {
    id: Generated<number>;
    user_id: number | null;
    organization_id: number | null;
    call_id: number;
    created_at: string;
  };
  /** Every alert mail item once sent, so no reminder goes out twice. */
  funding_alert_log: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    ref_key: string;
    sent_at: string;
  };
  /** iCalendar SEQUENCE per event UID: raised when the event's content changes. */
  funding_ics_state: {
    uid: string;
    content_hash: string;
    sequence: number;
    updated_at: string;
  };
}
