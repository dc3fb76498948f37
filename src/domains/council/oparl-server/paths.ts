import type { ObjectKind } from '../oparl/kinds.js';

/** URL segment of each kind in our OParl API, e.g. /oparl/v1.1/papers/12. */
export const segmentOf: Record<ObjectKind, string> = {
  Body: 'bodies',
  Organization: 'organizations',
  Person: 'persons',
  Membership: 'memberships',
  Meeting: 'meetings',
  AgendaItem: 'agendaItems',
  Paper: 'papers',
  Consultation: 'consultations',
  File: 'files',
  Location: 'locations',
  LegislativeTerm: 'legislativeTerms',
};

export const kindOfSegment = Object.fromEntries(Object.entries(segmentOf).map(([k, v]) => [v, k])) as Record<
  string,
  ObjectKind
>;

/** The Body property that points to each list in OParl 1.1. */
export const bodyListProperty: Partial<Record<ObjectKind, string>> = {
  Organization: 'organization',
  Person: 'person',
  Meeting: 'meeting',
  Paper: 'paper',
  Membership: 'membership',
  AgendaItem: 'agendaItem',
  Consultation: 'consultation',
  File: 'file',
  Location: 'locationList',
  LegislativeTerm: 'legislativeTermList',
};

export const oparlPrefix = '/oparl/v1.1';
