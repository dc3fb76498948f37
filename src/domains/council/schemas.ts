import { z } from 'zod';
import { fieldSourcesSchema } from './vorlage/field-sources.js';

export const sourceSchema = z.object({
  id: z.number(),
  systemUrl: z.string(),
  name: z.string().nullable(),
  oparlVersion: z.string().nullable(),
  lastSyncStartedAt: z.string().nullable(),
  lastSyncFinishedAt: z.string().nullable(),
  lastSyncStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  errorCount: z.number(),
  counts: z.record(z.string(), z.number()),
  quarantined: z.number(),
});

export const quarantineEntrySchema = z.object({
  id: z.number(),
  sourceId: z.number(),
  listUrl: z.string().nullable(),
  objectId: z.string().nullable(),
  reason: z.string(),
  raw: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.number(),
  resolved: z.boolean(),
});

export const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const ref = z.object({ id: z.number(), name: z.string().nullable() });
const nstr = z.string().nullable();
const impactValue = z.enum(['yes', 'no', 'unknown']);

export const paperDetailSchema = z.object({
  id: z.number(),
  name: nstr,
  reference: nstr,
  date: nstr,
  paperType: nstr,
  isPublic: z.boolean(),
  body: ref.nullable(),
  decisionKind: nstr,
  fileReference: nstr,
  department: nstr,
  handler: nstr,
  impacts: z
    .object({
      financial: impactValue,
      personnel: impactValue,
      organisational: impactValue,
      keyFigures: impactValue,
    })
    .nullable(),
  fieldsOfAction: z.array(z.object({ id: z.number(), name: z.string(), matchedTerms: z.array(z.string()) })),
  draftResolution: nstr,
  statementOfFacts: nstr,
  sourceUrl: z.string(),
  webUrl: nstr,
  modified: nstr,
  consultations: z.array(
    z.object({
      id: z.number(),
      role: nstr,
      authoritative: z.boolean().nullable(),
      date: nstr,
      agendaItem: nstr,
      result: nstr,
      meeting: z.object({ id: z.number(), name: nstr, cancelled: z.boolean() }).nullable(),
      organizations: z.array(ref),
    }),
  ),
  fieldSources: fieldSourcesSchema,
  files: z.array(
    z.object({
      id: z.number(),
      name: nstr,
      fileName: nstr,
      mimeType: nstr,
      size: z.number().nullable(),
      accessUrl: nstr,
      downloadUrl: nstr,
      date: nstr,
      role: nstr,
    }),
  ),
});

export const meetingDetailSchema = z.object({
  id: z.number(),
  name: nstr,
  start: nstr,
  end: nstr,
  cancelled: z.boolean(),
  body: ref.nullable(),
  organizations: z.array(ref),
  location: z
    .object({
      description: nstr,
      streetAddress: nstr,
      postalCode: nstr,
      locality: nstr,
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    })
    .nullable(),
  sourceUrl: z.string(),
  webUrl: nstr,
  agenda: z.array(
    z.object({
      id: z.number(),
      number: nstr,
      order: z.number().nullable(),
      name: nstr,
      result: nstr,
      paper: z.object({ id: z.number(), name: nstr, reference: nstr }).nullable(),
    }),
  ),
  files: z.array(z.object({ id: z.number(), name: nstr, accessUrl: nstr, mimeType: nstr, role: nstr })),
});

export const bodyDetailSchema = z.object({
  id: z.number(),
  name: nstr,
  shortName: nstr,
  ags: nstr,
  website: nstr,
  sourceUrl: z.string(),
  webUrl: nstr,
  lastSync: nstr,
  counts: z.object({ papers: z.number(), meetings: z.number(), organizations: z.number() }),
  organizations: z.array(
    z.object({
      id: z.number(),
      name: nstr,
      shortName: nstr,
      organizationType: nstr,
      classification: nstr,
      endDate: nstr,
    }),
  ),
});

export const organizationDetailSchema = z.object({
  id: z.number(),
  name: nstr,
  shortName: nstr,
  organizationType: nstr,
  classification: nstr,
  startDate: nstr,
  endDate: nstr,
  body: ref.nullable(),
  sourceUrl: z.string(),
  webUrl: nstr,
  meetings: z.array(z.object({ id: z.number(), name: nstr, start: nstr, cancelled: z.boolean() })),
  members: z.array(
    z.object({
      id: z.number(),
      person: nstr,
      role: nstr,
      startDate: nstr,
      endDate: nstr,
      votingRight: z.boolean().nullable(),
    }),
  ),
});
