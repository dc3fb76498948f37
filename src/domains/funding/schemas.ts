import { z } from 'zod';
import { FIELD_LIMITS, httpUrl } from './limits.js';

const giverLevel = z.enum(['EU', 'Bund', 'Land', 'other']);
const callStatus = z.enum(['forthcoming', 'open', 'closed']);
const stageModel = z.enum(['single-stage', 'two-stage', 'rolling', 'multiple-cut-offs', 'unknown']);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const strList = z.array(z.string().max(200)).max(100);
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export { idParam };

export const linkSchema = z.object({ label: z.string(), url: z.string() });
/** A link as written through the API: a label and an http(s) address, nothing else. */
const linkWriteSchema = z.object({ label: z.string().max(FIELD_LIMITS.name), url: httpUrl });
export const contactSchema = z.object({
  name: z.string(),
  role: z.string().nullish(),
  phone: z.string().nullish(),
  fax: z.string().nullish(),
  email: z.string().nullish(),
  address: z.string().nullish(),
  website: z.string().nullish(),
});

/**
 * What the call list filters by. The list, its export and saved searches (whose new matches the
 * alerts report) share this one schema and one SQL query (api/list-calls.ts filteredCalls).
 * `fieldOfAction` is one key or several (`?fieldOfAction=a&fieldOfAction=b`: any of them).
 */
export const callFilters = z.object({
  q: z.string().max(200).optional(),
  status: callStatus.optional(),
  giverLevel: giverLevel.optional(),
  fieldOfAction: z.union([z.string().max(200), z.array(z.string().max(200)).max(50)]).optional(),
  applicant: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  deadlineFrom: isoDay.optional(),
  deadlineTo: isoDay.optional(),
});
export type CallFilters = z.infer<typeof callFilters>;

export const callListQuery = callFilters.extend({
  source: z.string().max(100).optional(),
  programmeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  includeWithdrawn: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});
export type CallListQuery = z.infer<typeof callListQuery>;

/** An export of exactly the chosen calls (in list order; only those the actor may see). */
export const callExportBody = z.object({
  format: z.enum(['csv', 'xlsx']),
  ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(10_000),
});

export const callListItem = z.object({
  id: z.number(),
  programmeId: z.number().nullable(),
  programmeTitle: z.string().nullable(),
  callKind: z.string(),
  identifier: z.string().nullable(),
  title: z.string(),
  status: callStatus,
  stageModel,
  giverLevel,
  giverName: z.string().nullable(),
  nextDeadline: z.string().nullable(),
  eligibleApplicants: z.array(z.string()),
  regions: z.array(z.string()),
  fieldsOfAction: z.array(z.string()),
  source: z.string(),
  sourceUrl: z.string().nullable(),
  attribution: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  isPublic: z.boolean(),
});
export type CallListItem = z.infer<typeof callListItem>;
export const callListResponse = z.object({ items: z.array(callListItem), total: z.number() });

export const roundSchema = z.object({
  id: z.number(),
  callId: z.number(),
  label: z.string().nullable(),
  opensAt: z.string().nullable(),
  deadlineDate: z.string().nullable(),
  deadlineTime: z.string().nullable(),
  timeZone: z.string(),
  deadlineKind: z.string(),
  confidence: z.number(),
  origin: z.enum(['source', 'extracted', 'manual']),
  reviewStatus: z.enum(['unreviewed', 'confirmed', 'rejected']),
  evidence: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  version: z.number(),
});

export const changeSchema = z.object({
  id: z.number(),
  recordType: z.string(),
  recordId: z.number(),
  at: z.string(),
  kind: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  actorLabel: z.string().nullable(),
});

/** The latest import could not read the record although its source still lists it: last good state shown. */
export const unreadableSchema = z
  .object({ at: z.string(), reason: z.string(), importRunId: z.number().nullable() })
  .nullable();

export const programmeSchema = z.object({
  id: z.number(),
  title: z.string(),
  giverLevel,
  giverName: z.string().nullable(),
  fundingTypes: z.array(z.string()),
  fundingAreas: z.array(z.string()),
  regions: z.array(z.string()),
  eligibleApplicants: z.array(z.string()),
  legalBasis: z.string().nullable(),
  requirements: z.string().nullable(),
  procedureText: z.string().nullable(),
  contacts: z.array(contactSchema),
  keywords: z.string().nullable(),
  summary: z.string().nullable(),
  body: z.string().nullable(),
  deadlineText: z.string().nullable(),
  source: z.string(),
  sourceId: z.string(),
  sourceUrl: z.string().nullable(),
  licence: z.string().nullable(),
  attribution: z.string().nullable(),
  textIsVerbatim: z.boolean(),
  importNotes: z.string().nullable(),
  isPublic: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  withdrawnAt: z.string().nullable(),
  unreadable: unreadableSchema,
  version: z.number(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListQuery = z.object({
  giverLevel: giverLevel.optional(),
  q: z.string().max(200).optional(),
  source: z.string().max(100).optional(),
  includeWithdrawn: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const programmeListItem = programmeSchema.pick({
  id: true,
  title: true,
  giverLevel: true,
  giverName: true,
  fundingTypes: true,
  regions: true,
  source: true,
  sourceUrl: true,
  attribution: true,
  withdrawnAt: true,
});
export const programmeListResponse = z.object({ items: z.array(programmeListItem), total: z.number() });

export const callDetailSchema = callListItem.extend({
  unreadable: unreadableSchema,
  /** what the classifier read, strongest first, with the words that matched (the reasons) */
  fieldReadings: z.array(
    z.object({ key: z.string(), name: z.string(), score: z.number(), matchedTerms: z.array(z.string()) }),
  ),
  /** the fields the source names (before classifier and office) */
  sourceFields: z.array(z.string()),
  /** who set the fields by hand (null: source and classifier decide) */
  fieldsDecidedBy: z.string().nullable(),
  /** field key → name, for every field in this answer */
  fieldNames: z.record(z.string(), z.string()),
  text: z.string().nullable(),
  budgetEur: z.number().nullable(),
  fundingRatePercent: z.number().nullable(),
  minGrantEur: z.number().nullable(),
  maxGrantEur: z.number().nullable(),
  links: z.array(linkSchema),
  licence: z.string().nullable(),
  textIsVerbatim: z.boolean(),
  importNotes: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  version: z.number(),
  programme: programmeSchema.nullable(),
  rounds: z.array(roundSchema),
  history: z.array(changeSchema),
});
export type CallDetail = z.infer<typeof callDetailSchema>;

export const programmeDetailSchema = programmeSchema.extend({
  calls: z.array(callListItem),
  history: z.array(changeSchema),
});

const contactWriteSchema = z.object({
  name: z.string().max(FIELD_LIMITS.name),
  role: z.string().max(FIELD_LIMITS.name).nullish(),
  phone: z.string().max(200).nullish(),
  fax: z.string().max(200).nullish(),
  email: z.string().max(500).nullish(),
  address: z.string().max(FIELD_LIMITS.name).nullish(),
  website: httpUrl.nullish(),
});

// Field sets without defaults, so that a partial update never fills in a default for an absent field.
const programmeFields = z.object({
  title: z.string().trim().min(1).max(FIELD_LIMITS.title),
  giverLevel,
  giverName: z.string().max(FIELD_LIMITS.name).nullish(),
  fundingTypes: strList,
  fundingAreas: strList,
  regions: strList,
  eligibleApplicants: strList,
  legalBasis: z.string().max(20_000).nullish(),
  contacts: z.array(contactWriteSchema).max(FIELD_LIMITS.contacts),
  keywords: z.string().max(FIELD_LIMITS.keywords).nullish(),
  summary: z.string().max(20_000).nullish(),
  body: z.string().max(FIELD_LIMITS.text).nullish(),
  sourceUrl: httpUrl.nullish(),
  isPublic: z.boolean(),
});
export const programmeWriteBody = programmeFields.extend({
  fundingTypes: strList.default([]),
  fundingAreas: strList.default([]),
  regions: strList.default([]),
  eligibleApplicants: strList.default([]),
  contacts: z.array(contactWriteSchema).max(FIELD_LIMITS.contacts).default([]),
  isPublic: z.boolean().default(true),
});
export const programmeUpdateBody = programmeFields.partial().extend({ version: z.number().int() });

const callFields = z.object({
  programmeId: z.number().int().positive().max(2_147_483_647).nullish(),
  identifier: z.string().max(FIELD_LIMITS.identifier).nullish(),
  title: z.string().trim().min(1).max(FIELD_LIMITS.title),
  text: z.string().max(FIELD_LIMITS.text).nullish(),
  status: callStatus,
  stageModel,
  giverLevel,
  giverName: z.string().max(FIELD_LIMITS.name).nullish(),
  budgetEur: z.number().nonnegative().max(1e13).nullish(),
  fundingRatePercent: z.number().min(0).max(100).nullish(),
  minGrantEur: z.number().nonnegative().max(1e13).nullish(),
  maxGrantEur: z.number().nonnegative().max(1e13).nullish(),
  eligibleApplicants: strList,
  regions: strList,
  fieldsOfAction: strList,
  links: z.array(linkWriteSchema).max(50),
  sourceUrl: httpUrl.nullish(),
  isPublic: z.boolean(),
});
export const callWriteBody = callFields.extend({
  stageModel: stageModel.default('unknown'),
  eligibleApplicants: strList.default([]),
  regions: strList.default([]),
  fieldsOfAction: strList.default([]),
  links: z.array(linkWriteSchema).max(50).default([]),
  isPublic: z.boolean().default(true),
});
export const callUpdateBody = callFields.partial().extend({ version: z.number().int() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const deadlineKind = z.enum(['submission', 'outline', 'full_proposal', 'cut_off', 'other']);
const roundFields = z.object({
  label: z.string().max(500).nullish(),
  opensAt: isoDay.nullish(),
  deadlineDate: isoDay.nullish(),
  deadlineTime: hhmm.nullish(),
  timeZone: z.string().max(64),
  deadlineKind,
  evidence: z.string().max(5000).nullish(),
});
export const roundWriteBody = roundFields.extend({
  timeZone: z.string().max(64).default('Europe/Berlin'),
  deadlineKind: deadlineKind.default('submission'),
});
export const roundUpdateBody = roundFields.partial().extend({
  version: z.number().int(),
  reviewStatus: z.enum(['unreviewed', 'confirmed', 'rejected']).optional(),
});

export const quarantineQuery = z.object({
  source: z.string().max(100).optional(),
  includeResolved: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const quarantineItem = z.object({
  id: z.number(),
  source: z.string(),
  file: z.string(),
  recordKey: z.string(),
  raw: z.string(),
  reason: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  count: z.number(),
  resolvedAt: z.string().nullable(),
});
export const quarantineResponse = z.object({ items: z.array(quarantineItem), total: z.number() });

export const importAccepted = z.object({ jobId: z.number(), uploadId: z.number(), fileName: z.string() });
