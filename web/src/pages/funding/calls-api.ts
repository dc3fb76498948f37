import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { Unreadable } from './unreadable-notice';

export type CallStatus = 'forthcoming' | 'open' | 'closed';
export type GiverLevel = 'EU' | 'Bund' | 'Land' | 'other';
export const callStatuses: CallStatus[] = ['forthcoming', 'open', 'closed'];
export const giverLevels: GiverLevel[] = ['EU', 'Bund', 'Land', 'other'];

export interface CallListItem {
  id: number;
  programmeId: number | null;
  programmeTitle: string | null;
  title: string;
  status: CallStatus;
  giverLevel: GiverLevel;
  giverName: string | null;
  nextDeadline: string | null;
  eligibleApplicants: string[];
  regions: string[];
  fieldsOfAction: string[];
  source: string;
  sourceUrl: string | null;
  attribution: string | null;
  withdrawnAt: string | null;
}

export interface Round {
  id: number;
  origin: 'source' | 'extracted' | 'manual';
  reviewStatus: 'unreviewed' | 'confirmed' | 'rejected';
  evidence: string | null;
  version: number;
  label: string | null;
  opensAt: string | null;
  deadlineDate: string | null;
  deadlineTime: string | null;
  timeZone: string;
  deadlineKind: string;
  withdrawnAt: string | null;
}

export interface Change {
  id: number;
  recordType: string;
  recordId: number;
  at: string;
  kind: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  actorLabel: string | null;
}

export interface Programme {
  id: number;
  title: string;
  keywords: string | null;
  isPublic: boolean;
  version: number;
  giverLevel: GiverLevel;
  giverName: string | null;
  fundingTypes: string[];
  fundingAreas: string[];
  regions: string[];
  eligibleApplicants: string[];
  legalBasis: string | null;
  requirements?: string | null;
  procedureText?: string | null;
  summary: string | null;
  body: string | null;
  deadlineText: string | null;
  source: string;
  sourceUrl: string | null;
  licence: string | null;
  attribution: string | null;
  textIsVerbatim: boolean;
  withdrawnAt: string | null;
  unreadable?: Unreadable | null;
}

export type StageModel = 'single-stage' | 'two-stage' | 'rolling' | 'multiple-cut-offs' | 'unknown';
export const stageModels: StageModel[] = [
  'single-stage',
  'two-stage',
  'rolling',
  'multiple-cut-offs',
  'unknown',
];

export interface CallDetail extends CallListItem {
  identifier: string | null;
  stageModel: StageModel;
  isPublic: boolean;
  version: number;
  text: string | null;
  budgetEur: number | null;
  fundingRatePercent: number | null;
  minGrantEur: number | null;
  maxGrantEur: number | null;
  links: Array<{ label: string; url: string }>;
  licence: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  unreadable?: Unreadable | null;
  fieldReadings?: Array<{ key: string; name: string; score: number; matchedTerms: string[] }>;
  sourceFields?: string[];
  fieldsDecidedBy?: string | null;
  fieldNames?: Record<string, string>;
  programme: Programme | null;
  rounds: Round[];
  history: Change[];
}

export interface ProgrammeDetail extends Programme {
  calls: CallListItem[];
  history: Change[];
}

/** The list filters as the API and the page URL name them. */
export const callFilterKeys = [
  'status',
  'giverLevel',
  'applicant',
  'region',
  'fieldOfAction',
  'deadlineFrom',
  'deadlineTo',
  'q',
] as const;
export type CallFilters = Partial<Record<(typeof callFilterKeys)[number], string>>;

export function callQueryString(filters: CallFilters, extra: Record<string, string | number> = {}): string {
  const search = new URLSearchParams();
  for (const key of callFilterKeys) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) search.set(key, String(value));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const useCalls = (filters: CallFilters, limit: number, offset: number) =>
  useQuery({
    queryKey: ['funding', 'calls', filters, limit, offset],
    queryFn: () =>
      api<{ items: CallListItem[]; total: number }>(
        `/api/funding/calls${callQueryString(filters, { limit, offset })}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useCall = (id: number) =>
  useQuery({
    queryKey: ['funding', 'call', id],
    queryFn: () => api<CallDetail>(`/api/funding/calls/${id}`),
  });

export const useProgramme = (id: number) =>
  useQuery({
    queryKey: ['funding', 'programme', id],
    queryFn: () => api<ProgrammeDetail>(`/api/funding/programmes/${id}`),
  });

/**
 * The values in use for the list filters that match whole entries (applicants, regions, fields of
 * action), gathered from the calls the user may see, so the form can suggest exact spellings.
 */
export const useCallFacets = () =>
  useQuery({
    queryKey: ['funding', 'call-facets'],
    queryFn: async () => {
      const { items } = await api<{ items: CallListItem[] }>('/api/funding/calls?limit=500');
      const distinct = (pick: (c: CallListItem) => string[]) =>
        [...new Set(items.flatMap(pick))].sort((a, b) => a.localeCompare(b, 'de'));
      return {
        applicant: distinct((c) => c.eligibleApplicants),
        region: distinct((c) => c.regions),
        fieldOfAction: distinct((c) => c.fieldsOfAction),
      };
    },
    staleTime: 5 * 60_000,
  });
