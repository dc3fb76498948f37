import type { z } from 'zod';
import type {
  addressSchema,
  bodyDetailSchema,
  bodySchema,
  membershipDetailSchema,
  organizationDetailSchema,
  organizationRef,
  organizationSchema,
  personDetailSchema,
  personSchema,
  relationDetailSchema,
} from '../../../../src/domains/directory/schemas.js';

/** The directory API's shapes, inferred from the server's zod schemas so both sides stay in step. */
export type {
  BodyNode,
  EventCreate,
  FieldOfActionNode,
  MembershipCreate,
  OrganizationCreate,
  OrganizationPatch,
  TimelineItem,
} from '../../../../src/domains/directory/schemas.js';
export type OrganizationRef = z.infer<typeof organizationRef>;
export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;
export type MembershipDetail = z.infer<typeof membershipDetailSchema>;
export type RelationDetail = z.infer<typeof relationDetailSchema>;
export type Address = z.infer<typeof addressSchema>;
export type Person = z.infer<typeof personSchema>;
export type PersonDetail = z.infer<typeof personDetailSchema>;
export type Body = z.infer<typeof bodySchema>;
export type BodyDetail = z.infer<typeof bodyDetailSchema>;
export interface ListResult<T> {
  total: number;
  items: T[];
}
export type DatePrecision = 'day' | 'month' | 'year';
