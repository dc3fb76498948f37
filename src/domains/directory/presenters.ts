import type { Selectable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type {
  Body,
  FieldOfAction,
  FieldRules,
  Membership,
  Organization,
  OrganizationEvent,
  Person,
} from './schemas.js';

type Row<T extends keyof DB> = Selectable<DB[T]>;
export type OrganizationRow = Row<'organizations'>;
export type PersonRow = Row<'people'>;
export type MembershipRow = Row<'memberships'>;
export type AddressRow = Row<'addresses'>;
export type EventRow = Row<'organization_events'>;
export type BodyRow = Row<'bodies'>;
export type FieldRow = Row<'fields_of_action'>;

export interface OrganizationRef {
  id: number;
  name: string;
  shortName: string | null;
  kind: string;
}

export const toOrganizationRef = (r: Pick<OrganizationRow, 'id' | 'name' | 'short_name' | 'kind'>) => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
});

export function toOrganization(r: OrganizationRow): Organization {
  return {
    ...toOrganizationRef(r),
    key: r.key,
    parentId: r.parent_id,
    bodyId: r.body_id,
    website: r.website,
    description: r.description,
    source: r.source,
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    email: r.email,
    phone: r.phone,
    note: r.note,
    source: r.source,
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function toMembership(r: MembershipRow): Membership {
  return {
    id: r.id,
    personId: r.person_id,
    organizationId: r.organization_id,
    role: r.role,
    startDate: r.start_date,
    startPrecision: r.start_precision,
    endDate: r.end_date,
    endPrecision: r.end_precision,
    secondedFromOrganizationId: r.seconded_from_organization_id,
    secondedSince: r.seconded_since,
    note: r.note,
    source: r.source,
    version: r.version,
  };
}

export function toAddress(r: AddressRow) {
  return {
    id: r.id,
    label: r.label,
    street: r.street,
    postalCode: r.postal_code,
    city: r.city,
    validFrom: r.valid_from,
    validFromPrecision: r.valid_from_precision,
    validTo: r.valid_to,
    validToPrecision: r.valid_to_precision,
    source: r.source,
    version: r.version,
  };
}

export function toEvent(r: EventRow, related: OrganizationRef | null): OrganizationEvent {
  return {
    id: r.id,
    organizationId: r.organization_id,
    date: r.date,
    datePrecision: r.date_precision,
    kind: r.kind,
    title: r.title,
    description: r.description,
    relatedOrganization: related,
    source: r.source,
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
    version: r.version,
  };
}

export function toBody(r: BodyRow): Body {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    kind: r.kind,
    ags: r.ags,
    ars: r.ars,
    parentId: r.parent_id,
    website: r.website,
    source: r.source,
    attribution: r.attribution,
    version: r.version,
  };
}

export function parseRules(json: string): FieldRules {
  const raw = JSON.parse(json) as Partial<FieldRules>;
  return { terms: raw.terms ?? [], phrases: raw.phrases ?? [], exclusions: raw.exclusions ?? [] };
}

export function toFieldOfAction(r: FieldRow): FieldOfAction {
  return {
    id: r.id,
    key: r.key,
    parentId: r.parent_id,
    name: r.name,
    description: r.description,
    rules: parseRules(r.rules_json),
    sortOrder: r.sort_order,
    source: r.source,
    version: r.version,
  };
}

/** Builds a forest from parent ids; orphans (parent not visible) become roots. */
export function toTree<T extends { id: number; parentId: number | null }>(items: T[]) {
  type Node = T & { children: Node[] };
  const nodes = new Map<number, Node>(items.map((i) => [i.id, { ...i, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId == null ? undefined : nodes.get(n.parentId);
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}
