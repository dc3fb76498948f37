import { z } from 'zod';
import { bodyKinds, optionalText, organizationRef, text, url, versionField } from './schemas-common.js';

/** Reference trees: bodies (Gebietskörperschaften) and fields of action (Handlungsfelder). */
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
  version: z.number(),
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

export const bodyListQuery = z.object({ q: z.string().max(200).optional() });

// Official keys (Destatis): AGS 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde), ARS 12 digits
// (with the Gemeindeverband). A Kreis has only its 5-digit Kreisschlüssel; the service checks the
// length against the kind and that AGS and ARS name the same place.
const officialKey = (pattern: RegExp, message: string) =>
  z.string().trim().regex(pattern, message).nullable().optional();
const bodyFields = {
  name: text(300),
  kind: z.enum(bodyKinds),
  ags: officialKey(/^(\d{8}|\d{5})$/, 'expected 8 digits (a Kreis: 5)'),
  ars: officialKey(/^(\d{12}|\d{5})$/, 'expected 12 digits (a Kreis: 5)'),
  parentId: z.number().int().positive().nullable().optional(),
  website: url.nullable().optional(),
  source: optionalText(500),
  attribution: optionalText(500),
};
export const bodyCreate = z.object(bodyFields);
export type BodyCreate = z.infer<typeof bodyCreate>;
export const bodyPatch = z.object(bodyFields).partial().extend({ version: versionField });
export type BodyPatch = z.infer<typeof bodyPatch>;

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
/** A saved field with the id of the re-classification job its change queued. */
export const fieldOfActionSaved = fieldOfActionSchema.extend({ reclassifyJobId: z.number() });
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
