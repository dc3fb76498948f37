import { z } from 'zod';
import {
  datePrecisions,
  idParam,
  isoDate,
  optionalText,
  organizationRef,
  text,
  url,
  versionField,
} from './schemas-common.js';

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
export const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export const organizationListQuery = listQuery.extend({ kind: z.enum(organizationKinds).optional() });

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
  version: z.number(),
});

const addressFields = {
  label: optionalText(300),
  street: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'expected a 5-digit German postal code')
    .nullable()
    .optional(),
  city: optionalText(200),
  validFrom: isoDate.nullable().optional(),
  validFromPrecision: z.enum(datePrecisions),
  validTo: isoDate.nullable().optional(),
  validToPrecision: z.enum(datePrecisions),
  source: optionalText(500),
};
export const addressCreate = z.object({
  ...addressFields,
  validFromPrecision: z.enum(datePrecisions).default('day'),
  validToPrecision: z.enum(datePrecisions).default('day'),
});
export type AddressCreate = z.infer<typeof addressCreate>;
export const addressPatch = z.object(addressFields).partial().extend({ version: versionField });
export type AddressPatch = z.infer<typeof addressPatch>;
export const addressParams = z.object({ id: idParam.shape.id, addressId: idParam.shape.id });

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
  ref: z.object({ type: z.enum(['event', 'membership', 'address', 'relation']), id: z.number() }),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const relationKinds = ['member', 'partner', 'placed_in'] as const;
/** A dated relation of one organisation to another (member of, partner of, placed in). */
export const relationSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  relatedOrganizationId: z.number(),
  kind: z.enum(relationKinds),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  startPrecision: z.enum(datePrecisions),
  endDate: z.string().nullable(),
  endPrecision: z.enum(datePrecisions),
  /** ended, also when the source gives no end date */
  ended: z.boolean(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  version: z.number(),
});
export type Relation = z.infer<typeof relationSchema>;
/** On an organisation page: `outgoing` = this organisation relates to `other`; `incoming` = the reverse. */
export const relationDetailSchema = relationSchema.extend({
  direction: z.enum(['outgoing', 'incoming']),
  other: organizationRef,
});
const relationFields = {
  kind: z.enum(relationKinds),
  role: optionalText(300),
  startDate: isoDate.nullable().optional(),
  startPrecision: z.enum(datePrecisions),
  endDate: isoDate.nullable().optional(),
  endPrecision: z.enum(datePrecisions),
  ended: z.boolean(),
  note: optionalText(5000),
  source: optionalText(500),
};
export const relationCreate = z.object({
  ...relationFields,
  relatedOrganizationId: z.number().int().positive(),
  startPrecision: z.enum(datePrecisions).default('day'),
  endPrecision: z.enum(datePrecisions).default('day'),
  ended: z.boolean().default(false),
});
export type RelationCreate = z.infer<typeof relationCreate>;
export const relationPatch = z.object(relationFields).partial().extend({ version: versionField });
export type RelationPatch = z.infer<typeof relationPatch>;
export const relationEnd = z.object({ endDate: isoDate, version: versionField });

export const organizationDetailSchema = organizationSchema.extend({
  parent: organizationRef.nullable(),
  body: z.object({ id: z.number(), name: z.string(), ags: z.string().nullable() }).nullable(),
  children: z.array(organizationRef),
  memberships: z.array(membershipDetailSchema),
  relations: z.array(relationDetailSchema),
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

export const listOf = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });

export * from './schemas-common.js';
export * from './schemas-reference.js';
