import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/** A committee (council organisation) as the planner sees it: readable, not deleted. */
export interface CommitteeRow {
  id: number;
  oparlId: string;
  name: string;
  endDate: string | null;
  bodyOparlId: string | null;
  bodyId: number | null;
  bodyName: string | null;
  /** Entered by hand for the planner (no council system holds it yet). */
  handEntered: boolean;
  /** Demo data, not from a source. */
  illustrative: boolean;
  isPublic: boolean;
  ownerOrganizationId: number | null;
}

/** Committees of the planner's pseudo source and the demo's: see demo/ and committees-service.ts. */
export const PLANNER_SOURCE_URL = 'local:planner';
/** raw_json marker of illustrative demo committees and bodies. */
export const ILLUSTRATIVE_MARK = 'regiolotseIllustrative';

function isIllustrative(rawJson: string | null): boolean {
  if (!rawJson?.includes(ILLUSTRATIVE_MARK)) return false;
  return (JSON.parse(rawJson) as Record<string, unknown>)[ILLUSTRATIVE_MARK] === true;
}

export async function findCommittees(
  db: Kysely<DB>,
  actor: Actor,
  filter: { ids?: number[]; oparlIds?: string[]; bodyOparlIds?: string[] } = {},
): Promise<CommitteeRow[]> {
  let q = db
    .selectFrom('council_organizations as o')
    .innerJoin('council_sources as s', 's.id', 'o.source_id')
    .leftJoin('council_bodies as b', (j) =>
      j.onRef('b.oparl_id', '=', 'o.body_oparl_id').on('b.deleted', '=', 0).on(visibleWhere(actor, 'b')),
    )
    .select([
      'o.id',
      'o.oparl_id',
      'o.name',
      'o.end_date',
      'o.body_oparl_id',
      'o.raw_json',
      'o.is_public',
      'o.owner_organization_id',
      's.system_url',
      'b.id as body_id',
      'b.name as body_name',
    ])
    .where('o.deleted', '=', 0)
    .where('o.name', 'is not', null)
    .where(visibleWhere(actor, 'o'));
  if (filter.ids) q = q.where('o.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.oparlIds) q = q.where('o.oparl_id', 'in', filter.oparlIds.length ? filter.oparlIds : ['']);
  if (filter.bodyOparlIds)
    q = q.where('o.body_oparl_id', 'in', filter.bodyOparlIds.length ? filter.bodyOparlIds : ['']);
  const rows = await q.orderBy('o.name').orderBy('o.id').execute();
  return rows.map((r) => ({
    id: r.id,
    oparlId: r.oparl_id,
    name: (r.name as string).trim(),
    endDate: r.end_date,
    bodyOparlId: r.body_oparl_id,
    bodyId: r.body_id ?? null,
    bodyName: r.body_name ?? null,
    handEntered: r.system_url === PLANNER_SOURCE_URL,
    illustrative: isIllustrative(r.raw_json),
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
  }));
}

export interface BodyRow {
  id: number;
  oparlId: string;
  name: string;
  shortName: string | null;
  illustrative: boolean;
}

export async function findBodies(
  db: Kysely<DB>,
  actor: Actor,
  filter: { ids?: number[]; oparlIds?: string[] } = {},
): Promise<BodyRow[]> {
  let q = db
    .selectFrom('council_bodies as b')
    .select(['b.id', 'b.oparl_id', 'b.name', 'b.short_name', 'b.raw_json'])
    .where('b.deleted', '=', 0)
    .where('b.name', 'is not', null)
    .where(visibleWhere(actor, 'b'));
  if (filter.ids) q = q.where('b.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.oparlIds) q = q.where('b.oparl_id', 'in', filter.oparlIds.length ? filter.oparlIds : ['']);
  const rows = await q.orderBy('b.name').orderBy('b.id').execute();
  return rows.map((r) => ({
    id: r.id,
    oparlId: r.oparl_id,
    name: (r.name as string).trim(),
    shortName: r.short_name,
    illustrative: isIllustrative(r.raw_json),
  }));
}
