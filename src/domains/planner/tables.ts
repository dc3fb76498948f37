import type { Generated } from 'kysely';

interface Versioned {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/**
 * The planner's own records. Committees and bodies are the council domain's (council_organizations,
 * council_bodies), referenced by their OParl id like every council reference, so a re-sync that
 * keeps the OParl id keeps the link.
 */
export interface PlannerTables {
  /** Meetings entered by hand (future dates not yet in a council system). */
  planner_meetings: Versioned & {
    id: Generated<number>;
    committee_oparl_id: string;
    /** The meeting's calendar day, YYYY-MM-DD. */
    meeting_date: string;
    /** HH:MM, when known. */
    start_time: string | null;
    note: string | null;
    cancelled: number;
    deleted: number;
    /** 1: demo data, not from a source (the UI marks it). */
    illustrative: number;
    is_public: number;
    owner_organization_id: number | null;
    created_by: string;
  };
  /** Per body: the default lead time (Vorlagenschluss) and when slack counts as tight. */
  planner_body_settings: Versioned & {
    id: Generated<number>;
    body_oparl_id: string;
    lead_days: number;
    warn_slack_days: number;
    illustrative: number;
  };
  /** A body's usual consultation sequences (Beratungsfolgen): named, ordered committees. */
  planner_sequences: Versioned & {
    id: Generated<number>;
    body_oparl_id: string;
    name: string;
    /** JSON array of committee OParl ids, in consultation order. */
    committees_json: string;
    sort_order: number;
    illustrative: number;
  };
  /** Worked example questions of the demo data (deadline, as-of, sequences per body). */
  planner_examples: {
    id: Generated<number>;
    key: string;
    /** feasible | tight | impossible */
    kind: string;
    deadline: string;
    as_of: string;
    buffer_days: number;
    /** JSON [{ bodyOparlId, sequenceName }] */
    bodies_json: string;
    illustrative: number;
    created_at: string;
  };
}
