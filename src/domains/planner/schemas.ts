import { z } from 'zod';

/** Request and response schemas of the planner's API (they also produce its OpenAPI document). */

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const id = z.number().int().positive().max(2_147_483_647);
const days = z.number().int().min(0).max(365);
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const version = z.number().int().min(1);

export const checkBody = z.object({
  deadline: isoDay,
  asOf: isoDay.optional(),
  bufferDays: days.optional(),
  warnSlackDays: days.optional(),
  bodies: z
    .array(
      z.object({
        bodyId: id,
        sequenceId: id.optional(),
        committeeIds: z.array(id).min(1).max(20).optional(),
        leadDays: days.optional(),
      }),
    )
    .min(1)
    .max(30),
});

const meetingRef = z.object({
  source: z.enum(['imported', 'manual']),
  id: z.number(),
  name: z.string().nullable(),
  startTime: z.string().nullable(),
  illustrative: z.boolean(),
});

const planStep = z.object({
  committeeId: z.number(),
  committee: z.string(),
  meetingDate: z.string(),
  meeting: meetingRef,
});

const warning = z.object({
  code: z.enum(['NO_PLAN', 'FILING_DATE_PASSED', 'TIGHT', 'NO_MEETINGS']),
  message: z.string(),
  messageDe: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export const bodyPlan = z.object({
  body: z.object({ id: z.number(), name: z.string(), illustrative: z.boolean() }),
  sequence: z.object({ id: z.number(), name: z.string() }).nullable(),
  committees: z.array(z.object({ id: z.number(), name: z.string() })),
  leadDays: z.number(),
  warnSlackDays: z.number(),
  feasible: z.boolean(),
  latestFilingDate: z.string().nullable(),
  slackDays: z.number().nullable(),
  latest: z.array(planStep).nullable(),
  earliest: z.array(planStep).nullable(),
  earliestFilingDate: z.string().nullable(),
  earliestDecisionDate: z.string().nullable(),
  warnings: z.array(warning),
});

export const checkResponse = z.object({
  deadline: z.string(),
  asOf: z.string(),
  bufferDays: z.number(),
  bodies: z.array(bodyPlan),
});

const committee = z.object({
  id: z.number(),
  name: z.string(),
  handEntered: z.boolean(),
  illustrative: z.boolean(),
  ended: z.boolean(),
});

export const settingsSchema = z.object({
  leadDays: z.number(),
  warnSlackDays: z.number(),
  /** false: the defaults, nothing stored yet */
  stored: z.boolean(),
  illustrative: z.boolean(),
  version: z.number().nullable(),
});

export const sequenceSchema = z.object({
  id: z.number(),
  bodyId: z.number(),
  name: z.string(),
  committees: z.array(z.object({ id: z.number(), name: z.string() })),
  illustrative: z.boolean(),
  version: z.number(),
});

export const bodySummary = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  illustrative: z.boolean(),
  committeeCount: z.number(),
  sequenceCount: z.number(),
  settings: settingsSchema,
});
export const bodyListResponse = z.object({ items: z.array(bodySummary) });

export const bodyDetail = bodySummary.extend({
  committees: z.array(committee),
  sequences: z.array(sequenceSchema),
});

export const settingsBody = z.object({
  leadDays: days,
  warnSlackDays: days,
  /** The version read; omitted only when the body has no stored settings yet. */
  version: version.optional(),
});

export const sequenceCreateBody = z.object({
  name: z.string().trim().min(1).max(200),
  committeeIds: z.array(id).min(1).max(20),
});
export const sequenceUpdateBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  committeeIds: z.array(id).min(1).max(20).optional(),
  version,
});
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const meetingCreateBody = z.object({
  committeeId: id,
  date: isoDay,
  startTime: hhmm.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  /** A meeting of a public committee may still be kept internal (the office and the owner see it). */
  isPublic: z.boolean().default(true),
  /** Which organisation a non-public meeting belongs to (default: the committee's owner). */
  ownerOrganizationId: id.nullable().optional(),
});
export const meetingUpdateBody = z.object({
  date: isoDay.optional(),
  startTime: hhmm.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  cancelled: z.boolean().optional(),
  isPublic: z.boolean().optional(),
  ownerOrganizationId: id.nullable().optional(),
  version,
});

export const manualMeeting = z.object({
  id: z.number(),
  committeeId: z.number(),
  committee: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  note: z.string().nullable(),
  cancelled: z.boolean(),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().nullable(),
  illustrative: z.boolean(),
  createdBy: z.string(),
  version: z.number(),
});

export const calendarQuery = z.object({
  bodyId: z.coerce.number().int().positive().max(2_147_483_647),
  committeeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const calendarEntry = z.object({
  committeeId: z.number(),
  committee: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  source: z.enum(['imported', 'manual']),
  /** council meeting id (imported) or hand-entered meeting id (manual) */
  meetingId: z.number(),
  name: z.string().nullable(),
  cancelled: z.boolean(),
  /** hand-entered, and the council system now has a meeting of the committee that day */
  superseded: z.boolean(),
  counted: z.boolean(),
  illustrative: z.boolean(),
  manual: manualMeeting.nullable(),
});
export const calendarResponse = z.object({
  body: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string().nullable(),
  items: z.array(calendarEntry),
});

export const exampleSchema = z.object({
  id: z.number(),
  kind: z.enum(['feasible', 'tight', 'impossible']),
  deadline: z.string(),
  asOf: z.string(),
  bufferDays: z.number(),
  bodies: z.array(z.object({ bodyId: z.number(), sequenceId: z.number() })),
  illustrative: z.boolean(),
});
export const examplesResponse = z.object({ items: z.array(exampleSchema) });
