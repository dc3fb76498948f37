import { addressesOf } from './addresses-repository.js';
import { findBody } from './bodies-repository.js';
import { visibleEventsFor } from './events-repository.js';
import { visibleMemberships } from './memberships-repository.js';
import { visibleChildren, visibleOrganizationRefs } from './organizations-repository.js';
import { readableOrganization } from './organizations-service.js';
import {
  type OrganizationRef,
  toAddress,
  toEvent,
  toMembership,
  toOrganization,
  toOrganizationRef,
} from './presenters.js';
import { relationsOf } from './relations-service.js';
import type { ServiceDeps } from './service-support.js';
import { buildTimeline } from './timeline.js';

type MembershipRowWithNames = Awaited<ReturnType<typeof visibleMemberships>>[number];

/** Presents memberships with their person, organisation and (visible) seconding organisation. */
export async function presentMemberships(deps: ServiceDeps, rows: MembershipRowWithNames[]) {
  const refs = await visibleOrganizationRefs(
    deps.db,
    deps.actor,
    rows.flatMap((m) => (m.seconded_from_organization_id ? [m.seconded_from_organization_id] : [])),
  );
  const byId = new Map(refs.map((r) => [r.id, toOrganizationRef(r)]));
  return rows.map((m) => ({
    ...toMembership(m),
    person: { id: m.person_id, name: m.person_name },
    organization: { id: m.organization_id, name: m.org_name, shortName: m.org_short_name, kind: m.org_kind },
    secondedFrom: m.seconded_from_organization_id
      ? (byId.get(m.seconded_from_organization_id) ?? null)
      : null,
  }));
}

export async function getOrganizationDetail(deps: ServiceDeps, id: number) {
  const { db, actor } = deps;
  const row = await readableOrganization(deps, id);
  const [children, memberships, addresses, events, body, relations] = await Promise.all([
    visibleChildren(db, actor, id),
    visibleMemberships(db, actor, { organizationId: id }),
    addressesOf(db, id),
    visibleEventsFor(db, actor, id),
    row.body_id ? findBody(db, row.body_id) : Promise.resolve(undefined),
    relationsOf(deps, id),
  ]);
  const refIds = [
    ...(row.parent_id ? [row.parent_id] : []),
    ...events.flatMap((e) => [
      e.organization_id,
      ...(e.related_organization_id ? [e.related_organization_id] : []),
    ]),
    ...memberships.flatMap((m) => (m.seconded_from_organization_id ? [m.seconded_from_organization_id] : [])),
  ];
  const refs = new Map<number, OrganizationRef>(
    (await visibleOrganizationRefs(db, actor, refIds)).map((r) => [r.id, toOrganizationRef(r)]),
  );
  const names = new Map([...refs.values()].map((r) => [r.id, r.name]));
  // Events filed under another organisation are shown only when that organisation is readable too.
  const shownEvents = events.filter((e) => e.organization_id === id || refs.has(e.organization_id));
  return {
    ...toOrganization(row),
    parent: row.parent_id ? (refs.get(row.parent_id) ?? null) : null,
    body: body ? { id: body.id, name: body.name, ags: body.ags } : null,
    children: children.map(toOrganizationRef),
    memberships: await presentMemberships(deps, memberships),
    relations,
    addresses: addresses.map(toAddress),
    events: shownEvents.map((e) =>
      toEvent(e, e.related_organization_id ? (refs.get(e.related_organization_id) ?? null) : null),
    ),
    timeline: buildTimeline(id, shownEvents, memberships, addresses, names, relations),
  };
}
