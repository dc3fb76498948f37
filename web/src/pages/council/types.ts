export interface Ref {
  id: number;
  name: string | null;
}

export interface CouncilBody {
  id: number;
  name: string | null;
  shortName: string | null;
  ags: string | null;
  papers: number;
  lastSync: string | null;
}

export interface BodyDetail {
  id: number;
  name: string | null;
  shortName: string | null;
  ags: string | null;
  website: string | null;
  sourceUrl: string;
  webUrl: string | null;
  lastSync: string | null;
  counts: { papers: number; meetings: number; organizations: number };
  organizations: Array<{
    id: number;
    name: string | null;
    shortName: string | null;
    organizationType: string | null;
    classification: string | null;
    endDate: string | null;
  }>;
}

export type FieldSource = 'oparl' | 'text' | 'oparl+text';
export type FieldSourceKey =
  | 'reference'
  | 'title'
  | 'date'
  | 'paperType'
  | 'isPublic'
  | 'decisionKind'
  | 'department'
  | 'handler'
  | 'fileReference'
  | 'impacts'
  | 'draftResolution'
  | 'statementOfFacts'
  | 'consultations';

export interface PaperDetail {
  id: number;
  name: string | null;
  reference: string | null;
  date: string | null;
  paperType: string | null;
  isPublic: boolean;
  body: Ref | null;
  decisionKind: string | null;
  fileReference: string | null;
  department: string | null;
  handler: string | null;
  impacts: Record<
    'financial' | 'personnel' | 'organisational' | 'keyFigures',
    'yes' | 'no' | 'unknown'
  > | null;
  fieldsOfAction: Array<{ id: number; name: string; matchedTerms: string[] }>;
  draftResolution: string | null;
  statementOfFacts: string | null;
  sourceUrl: string;
  webUrl: string | null;
  modified: string | null;
  consultations: Array<{
    id: number;
    role: string | null;
    authoritative: boolean | null;
    date: string | null;
    agendaItem: string | null;
    result: string | null;
    meeting: { id: number; name: string | null; cancelled: boolean } | null;
    organizations: Ref[];
  }>;
  fieldSources: Record<FieldSourceKey, FieldSource | null>;
  files: Array<{
    id: number;
    name: string | null;
    fileName: string | null;
    mimeType: string | null;
    size: number | null;
    accessUrl: string | null;
    downloadUrl: string | null;
    date: string | null;
    role: string | null;
  }>;
}

export interface MeetingDetail {
  id: number;
  name: string | null;
  start: string | null;
  end: string | null;
  cancelled: boolean;
  body: Ref | null;
  organizations: Ref[];
  location: { description: string | null; streetAddress: string | null; locality: string | null } | null;
  sourceUrl: string;
  webUrl: string | null;
  agenda: Array<{
    id: number;
    number: string | null;
    order: number | null;
    name: string | null;
    result: string | null;
    paper: { id: number; name: string | null; reference: string | null } | null;
  }>;
  files: Array<{ id: number; name: string | null; accessUrl: string | null; role: string | null }>;
}

export interface CommitteeDetail {
  id: number;
  name: string | null;
  shortName: string | null;
  organizationType: string | null;
  classification: string | null;
  startDate: string | null;
  endDate: string | null;
  body: Ref | null;
  sourceUrl: string;
  webUrl: string | null;
  meetings: Array<{ id: number; name: string | null; start: string | null; cancelled: boolean }>;
  members: Array<{
    id: number;
    person: string | null;
    role: string | null;
    startDate: string | null;
    endDate: string | null;
  }>;
}

export interface OParlSource {
  id: number;
  systemUrl: string;
  name: string | null;
  oparlVersion: string | null;
  lastSyncFinishedAt: string | null;
  lastSyncStatus: string | null;
  lastError: string | null;
  errorCount: number;
  counts: Record<string, number>;
  quarantined: number;
}

export interface QuarantineEntry {
  id: number;
  sourceId: number;
  listUrl: string | null;
  objectId: string | null;
  reason: string;
  raw: string;
  firstSeen: string;
  lastSeen: string;
  count: number;
}
