import type { Generated } from 'kysely';

interface Versioned {
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** Restricted records carry these two columns; the access policy reads them. */
interface Guarded {
  is_public: number;
  owner_organization_id: number | null;
}

export type BodyKind = 'city' | 'district' | 'town';
export type DatePrecision = 'day' | 'month' | 'year';
export type OrganizationRelationKind = 'member' | 'partner' | 'placed_in';

export interface DirectoryTables {
  bodies: Versioned & {
    id: Generated<number>;
    /** Stable natural key (e.g. "ags:05111000"); demo seeding and imports match on it. */
    key: string | null;
    name: string;
    kind: BodyKind;
    ags: string | null;
    ars: string | null;
    parent_id: number | null;
    website: string | null;
    source: string | null;
    attribution: string | null;
  };
  organizations: Versioned &
    Guarded & {
      id: Generated<number>;
      key: string | null;
      name: string;
      /** name folded for search (lower case, ä→ae, ß→ss, accents dropped) */
      name_search: string;
      short_name: string | null;
      kind: string;
      parent_id: number | null;
      body_id: number | null;
      website: string | null;
      description: string | null;
      source: string | null;
    };
  people: Versioned &
    Guarded & {
      id: Generated<number>;
      key: string | null;
      name: string;
      name_search: string;
      email: string | null;
      phone: string | null;
      note: string | null;
      source: string | null;
    };
  memberships: Versioned & {
    id: Generated<number>;
    key: string | null;
    person_id: number;
    organization_id: number;
    role: string;
    start_date: string | null;
    start_precision: DatePrecision;
    end_date: string | null;
    end_precision: DatePrecision;
    seconded_from_organization_id: number | null;
    /** When the secondment began, if later than the membership itself (null: from its start). */
    seconded_since: string | null;
    note: string | null;
    source: string | null;
  };
  /**
   * A dated relation of one organisation to another: `member` (of a network or round), `partner`
   * (of a cooperation), `placed_in` (organisationally placed in a department).
   */
  organization_relations: Versioned & {
    id: Generated<number>;
    key: string | null;
    organization_id: number;
    related_organization_id: number;
    kind: OrganizationRelationKind;
    role: string | null;
    start_date: string | null;
    start_precision: DatePrecision;
    end_date: string | null;
    end_precision: DatePrecision;
    /** 1: the relation has ended, also when the source gives no end date (end_date null). */
    ended: number;
    note: string | null;
    source: string | null;
  };
  addresses: Versioned & {
    id: Generated<number>;
    key: string | null;
    organization_id: number;
    label: string | null;
    street: string | null;
    postal_code: string | null;
    city: string | null;
    valid_from: string | null;
    valid_from_precision: DatePrecision;
    valid_to: string | null;
    valid_to_precision: DatePrecision;
    source: string | null;
  };
  organization_events: Versioned &
    Guarded & {
      id: Generated<number>;
      key: string | null;
      organization_id: number;
      /** null: the source names the event but no date (e.g. recurring joint appearances) */
      date: string | null;
      date_precision: DatePrecision;
      kind: string;
      title: string;
      description: string | null;
      related_organization_id: number | null;
      source: string | null;
    };
  fields_of_action: Versioned & {
    id: Generated<number>;
    key: string | null;
    parent_id: number | null;
    name: string;
    description: string | null;
    /** JSON { terms: string[], phrases: string[], exclusions: string[] } */
    rules_json: string;
    sort_order: number;
    source: string | null;
  };
}
