import { z } from 'zod';

/** API shapes of the directory; the web UI imports the inferred types from here. */

export const organizationKinds = [
  'partner',
  'department',
  'committee',
  'network',
  'ministry',
  'chamber',
  'agency',
  'office',
  'other',
] as const;
export const bodyKinds = ['city', 'district', 'town'] as const;
export const datePrecisions = ['day', 'month', 'year'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
// Only web links: a javascript: URL shown as a link would run in the reader's browser.
const url = z.url({ protocol: /^https?$/ }).max(500);
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const versionField = z.number().int().min(1);

export const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export const organizationListQuery = listQuery.extend({ kind: z.enum(organizationKinds).optional() });

export const organizationRef = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
});
export const organizationSchema = organizationRef.extend({
  key: z.string().nullable(),
  parentId: z.number().nullable(),
  bodyId: z.number().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const personSchema = z.object({
  id: z.number(),
  key: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Person = z.infer<typeof personSchema>;

export const membershipSchema = z.object({
  id: z.number(),
  personId: z.number(),
  organizationId: z.number(),
  role: z.string(),
  startDate: z.string().nullable(),
  startPrecision: z.enum(datePrecisions),
  endDate: z.string().nullable(),
  endPrecision: z.enum(datePrecisions),
  secondedFromOrganizationId: z.number().nullable(),
  secondedSince: z.string().nullable(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  version: z.number(),
});
export type Membership = z.infer<typeof membershipSchema>;
/** A membership as shown on an organisation (with the person) or a person (with the organisation). */
export const membershipDetailSchema = membershipSchema.extend({
  person: z.object({ id: z.number(), name: z.string() }),
  organization: organizationRef,
  secondedFrom: organizationRef.nullable(),
});

export const addressSchema = z.object({
  id: z.number(),
  label: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  validFrom: z.string().nullable(),
  validFromPrecision: z.enum(datePrecisions),
  validTo: z.string().nullable(),
  validToPrecision: z.enum(datePrecisions),
  source: z.string().nullable(),
});

export const eventSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  date: z.string().nullable(),
  datePrecision: z.enum(datePrecisions),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  relatedOrganization: organizationRef.nullable(),
  source: z.string().nullable(),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().nullable(),
  version: z.number(),
});
export type OrganizationEvent = z.infer<typeof eventSchema>;

export const timelineKinds = ['event', 'membership_start', 'membership_end', 'secondment_start', 'address'];
/** One line of an organisation's timeline; `ref` points at the record it comes from. */
export const timelineItemSchema = z.object({
  date: z.string().nullable(),
  precision: z.enum(datePrecisions),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  ref: z.object({ type: z.enum(['event', 'membership', 'address']), id: z.number() }),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const organizationDetailSchema = organizationSchema.extend({
  parent: organizationRef.nullable(),
  body: z.object({ id: z.number(), name: z.string(), ags: z.string().nullable() }).nullable(),
  children: z.array(organizationRef),
  memberships: z.array(membershipDetailSchema),
  addresses: z.array(addressSchema),
  events: z.array(eventSchema),
  timeline: z.array(timelineItemSchema),
});
export const personDetailSchema = personSchema.extend({ memberships: z.array(membershipDetailSchema) });

// Patch schemas are built from field sets without defaults: zod 4 applies a default even inside
// .partial(), which would silently overwrite stored values on every PATCH.
const organizationFields = {
  name: text(300),
  shortName: optionalText(100),
  kind: z.enum(organizationKinds),
  parentId: z.number().int().positive().nullable().optional(),
  bodyId: z.number().int().positive().nullable().optional(),
  website: url.nullable().optional(),
  description: optionalText(5000),
  source: optionalText(500),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().int().positive().nullable().optional(),
};
export const organizationCreate = z.object({
  ...organizationFields,
  key: optionalText(200),
  isPublic: z.boolean().default(true),
});
export type OrganizationCreate = z.infer<typeof organizationCreate>;
export const organizationPatch = z.object(organizationFields).partial().extend({ version: versionField });
export type OrganizationPatch = z.infer<typeof organizationPatch>;

const personFields = {
  name: text(300),
  email: z.email().max(300).nullable().optional(),
  phone: optionalText(100),
  note: optionalText(5000),
  source: optionalText(500),
  isPublic: z.boolean(),
  ownerOrganizationId: z.number().int().positive().nullable().optional(),
};
export const personCreate = z.object({
  ...personFields,
  key: optionalText(200),
  isPublic: z.boolean().default(true),
});
export type PersonCreate = z.infer<typeof personCreate>;
export const personPatch = z.object(personFields).partial().extend({ version: versionField });
export type PersonPatch = z.infer<typeof personPatch>;

const membershipFields = {
  role: text(300),
  startDate: isoDate.nullable().optional(),
  startPrecision: z.enum(datePrecisions),
  endDate: isoDate.nullable().optional(),
  endPrecision: z.enum(datePrecisions),
  secondedFromOrganizationId: z.number().int().positive().nullable().optional(),
  secondedSince: isoDate.nullable().optional(),
  note: optionalText(5000),
  source: optionalText(500),
};
export const membershipCreate = z.object({
  key: optionalText(200),
  personId: z.number().int().positive(),
  organizationId: z.number().int().positive(),
  ...membershipFields,
  startPrecision: z.enum(datePrecisions).default('day'),
  endPrecision: z.enum(datePrecisions).default('day'),
});
export type MembershipCreate = z.infer<typeof membershipCreate>;
export const membershipPatch = z.object(membershipFields).partial().extend({ version: versionField });
export type MembershipPatch = z.infer<typeof membershipPatch>;
export const membershipEnd = z.object({ endDate: isoDate, version: versionField });

const eventFields = {
  date: isoDate.nullable().optional(),
  datePrecision: z.enum(datePrecisions),
  kind: z.string().trim().min(1).max(50),
  title: text(500),
  description: optionalText(10_000),
  relatedOrganizationId: z.number().int().positive().nullable().optional(),
  source: optionalText(500),
  isPublic: z.boolean(),
};
export const eventCreate = z.object({
  ...eventFields,
  key: optionalText(200),
  datePrecision: z.enum(datePrecisions).default('day'),
  isPublic: z.boolean().default(true),
});
export type EventCreate = z.infer<typeof eventCreate>;
export const eventPatch = z.object(eventFields).partial().extend({ version: versionField });
export type EventPatch = z.infer<typeof eventPatch>;
export const eventParams = z.object({
  id: idParam.shape.id,
  eventId: idParam.shape.id,
});

export const bodySchema = z.object({
  id: z.number(),
  key: z.string().nullable(),
  name: z.string(),
  kind: z.enum(bodyKinds),
  ags: z.string().nullable(),
  ars: z.string().nullable(),
  parentId: z.number().nullable(),
  website: z.string().nullable(),
  source: z.string().nullable(),
  attribution: z.string().nullable(),
});
export type Body = z.infer<typeof bodySchema>;
export type BodyNode = Body & { children: BodyNode[] };
export const bodyNodeSchema: z.ZodType<BodyNode> = bodySchema.extend({
  get children() {
    return z.array(bodyNodeSchema);
  },
});
export const bodyDetailSchema = bodySchema.extend({
  parent: bodySchema.nullable(),
  children: z.array(bodySchema),
  organizations: z.array(organizationRef),
});

export const fieldRules = z.object({
  terms: z.array(z.string()),
  phrases: z.array(z.string()),
  exclusions: z.array(z.string()),
});
export type FieldRules = z.infer<typeof fieldRules>;
export const fieldOfActionSchema = z.object({
  id: z.number(),
  key: z.string().nullable(),
  parentId: z.number().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  rules: fieldRules,
  sortOrder: z.number(),
  source: z.string().nullable(),
  version: z.number(),
});
export type FieldOfAction = z.infer<typeof fieldOfActionSchema>;
export type FieldOfActionNode = FieldOfAction & { children: FieldOfActionNode[] };
export const fieldOfActionNodeSchema: z.ZodType<FieldOfActionNode> = fieldOfActionSchema.extend({
  get children() {
    return z.array(fieldOfActionNodeSchema);
  },
});
const ruleList = (max: number) => z.array(z.string().trim().min(1).max(max)).max(500);
/** Rules as sent by a client: all three lists are required so a PATCH replaces them as a whole. */
const fieldRulesInput = z.object({ terms: ruleList(200), phrases: ruleList(300), exclusions: ruleList(300) });
const fieldOfActionFields = {
  parentId: z.number().int().positive().nullable().optional(),
  name: text(300),
  description: optionalText(5000),
  rules: fieldRulesInput,
  sortOrder: z.number().int().min(0).max(100_000),
  source: optionalText(500),
};
export const fieldOfActionCreate = z.object({
  ...fieldOfActionFields,
  key: optionalText(200),
  rules: fieldRulesInput.default({ terms: [], phrases: [], exclusions: [] }),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export type FieldOfActionCreate = z.infer<typeof fieldOfActionCreate>;
export const fieldOfActionPatch = z.object(fieldOfActionFields).partial().extend({ version: versionField });
export type FieldOfActionPatch = z.infer<typeof fieldOfActionPatch>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });
