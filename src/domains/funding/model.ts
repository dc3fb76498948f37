import type { CallStatus, GiverLevel, RoundOrigin, StageModel } from './tables.js';

/** What an importer hands over for one programme; JSON columns are given as arrays/objects. */
export interface ProgrammeInput {
  sourceId: string;
  sourceUrl: string | null;
  title: string;
  giverLevel: GiverLevel;
  giverName: string | null;
  fundingTypes: string[];
  fundingAreas: string[];
  regions: string[];
  eligibleApplicants: string[];
  legalBasis: string | null;
  /** Legal requirements for applicants ("Rechtliche Voraussetzungen"). */
  requirements?: string | null;
  /** How to apply ("Verfahren"). */
  procedureText?: string | null;
  contacts: Contact[];
  keywords: string | null;
  summary: string | null;
  body: string | null;
  deadlineText: string | null;
  licence: string | null;
  attribution: string | null;
  textIsVerbatim: boolean;
  importNotes: string | null;
}

export interface Contact {
  name: string;
  role?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  address?: string | null;
  website?: string | null;
}

export interface LinkRef {
  label: string;
  url: string;
}

export interface RoundInput {
  roundKey: string;
  label: string | null;
  opensAt: string | null;
  deadlineDate: string | null;
  deadlineTime: string | null;
  timeZone: string;
  deadlineKind: string;
  confidence: number;
  evidence: string | null;
}

export interface CallInput {
  sourceId: string;
  sourceUrl: string | null;
  callKind: string;
  identifier: string | null;
  title: string;
  text: string | null;
  status: CallStatus;
  stageModel: StageModel;
  giverLevel: GiverLevel;
  giverName: string | null;
  budgetEur: number | null;
  fundingRatePercent: number | null;
  minGrantEur: number | null;
  maxGrantEur: number | null;
  eligibleApplicants: string[];
  regions: string[];
  fieldsOfAction: string[];
  links: LinkRef[];
  licence: string | null;
  attribution: string | null;
  textIsVerbatim: boolean;
  importNotes: string | null;
  /** Rounds as the source states them (origin 'source'). */
  rounds: RoundInput[];
}

export interface FundedProjectInput {
  sourceId: string;
  sourceUrl: string | null;
  beneficiary: string;
  projectName: string;
  summary: string | null;
  startDate: string | null;
  endDate: string | null;
  totalEligibleEur: number | null;
  ags: string | null;
  municipalityName: string | null;
  country: string | null;
  interventionCode: string | null;
  interventionLabel: string | null;
  programmeCci: string | null;
  fundingPeriod: string | null;
}

/** One unit an importer yields: a good record (programme and/or call, or a funded project) or a rejection. */
export type ParsedItem =
  | {
      kind: 'record';
      key: string;
      programme?: ProgrammeInput;
      call?: CallInput & { programmeSourceId?: string };
      /** What the reader had to do to the record (e.g. bytes that were not UTF-8); kept in import_notes. */
      recordNotes?: string[];
    }
  | { kind: 'funded_project'; key: string; project: FundedProjectInput; recordNotes?: string[] }
  | {
      kind: 'rejected';
      key: string;
      file: string;
      raw: string;
      reason: string;
      /**
       * The record's id in its source when it can still be told (file path, identifier, id column).
       * A stored record of that id keeps its last good state and is flagged unreadable instead of
       * being withdrawn. Without it the run did not read its source completely and withdraws nothing.
       */
      sourceId?: string;
    };

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  reappeared: number;
  rejected: number;
  /** Records the source still lists but this run could not read: kept as they were, flagged. */
  unreadable: number;
}

export const emptyCounts = (): ImportCounts => ({
  new: 0,
  changed: 0,
  unchanged: 0,
  withdrawn: 0,
  reappeared: 0,
  rejected: 0,
  unreadable: 0,
});

export type ImportProgress = (done: number, total: number | null, message?: string) => void | Promise<void>;

/** What an importer returns before the records are applied to the database. */
export interface ParsedSource {
  importer: string;
  /** Source kind stored on each record, e.g. 'fdb' */
  source: string;
  /** Scope of a full re-import: missing records of this set are withdrawn. */
  sourceSet: string;
  /** false for partial feeds (e.g. one page of search results): nothing is withdrawn. */
  full: boolean;
  total: number | null;
  items: AsyncIterable<ParsedItem>;
  /** Notes about the input as a whole, e.g. stripped control characters. */
  notes: string[];
}

export type { CallStatus, GiverLevel, RoundOrigin, StageModel };
