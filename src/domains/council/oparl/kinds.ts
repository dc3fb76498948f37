import type { CouncilTables } from '../tables.js';

/** The OParl object types we store, each with its table. */
export const objectKinds = [
  'Body',
  'Organization',
  'Person',
  'Membership',
  'Meeting',
  'AgendaItem',
  'Paper',
  'Consultation',
  'File',
  'Location',
  'LegislativeTerm',
] as const;
export type ObjectKind = (typeof objectKinds)[number];

export type ObjectTable = Exclude<
  keyof CouncilTables,
  'council_sources' | 'council_quarantine' | 'council_sync_cursors'
>;

export const tableOf: Record<ObjectKind, ObjectTable> = {
  Body: 'council_bodies',
  Organization: 'council_organizations',
  Person: 'council_persons',
  Membership: 'council_memberships',
  Meeting: 'council_meetings',
  AgendaItem: 'council_agenda_items',
  Paper: 'council_papers',
  Consultation: 'council_consultations',
  File: 'council_files',
  Location: 'council_locations',
  LegislativeTerm: 'council_legislative_terms',
};

/**
 * The Body properties that point to external lists (OParl 1.0 names some of them differently or
 * not at all; 1.1 adds the rest). Key: the Body property; value: the kind the list holds.
 */
export const bodyLists: Record<string, ObjectKind> = {
  organization: 'Organization',
  person: 'Person',
  meeting: 'Meeting',
  paper: 'Paper',
  membership: 'Membership',
  agendaItem: 'AgendaItem',
  consultation: 'Consultation',
  file: 'File',
  locationList: 'Location',
  legislativeTermList: 'LegislativeTerm',
};

/** Kinds of objects that may arrive embedded, keyed by the property that holds them. */
export const embeddedProperty: Record<string, ObjectKind> = {
  location: 'Location',
  legislativeTerm: 'LegislativeTerm',
  membership: 'Membership',
  agendaItem: 'AgendaItem',
  consultation: 'Consultation',
  invitation: 'File',
  resultsProtocol: 'File',
  verbatimProtocol: 'File',
  auxiliaryFile: 'File',
  mainFile: 'File',
  resolutionFile: 'File',
  derivativeFile: 'File',
};

const typePattern = /^https?:\/\/schema\.oparl\.org\/(1\.[01])\/([A-Za-z]+)$/;

/** "https://schema.oparl.org/1.1/Paper" → { version: '1.1', kind: 'Paper' }. */
export function parseType(type: unknown): { version: string; kind: string } | null {
  if (typeof type !== 'string') return null;
  const m = typePattern.exec(type.trim());
  return m ? { version: m[1], kind: m[2] } : null;
}

export function isObjectKind(kind: string): kind is ObjectKind {
  return (objectKinds as readonly string[]).includes(kind);
}
