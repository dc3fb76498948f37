import type { Selectable } from 'kysely';
import type { DB } from '../../app/schema.js';
import { nowIso } from '../../infra/db/columns.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import { assertSignedIn, seesEverything } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { readableOrganization } from './organizations-service.js';
import type { OrganizationRef } from './presenters.js';
import {
  findRelation,
  insertRelation,
  type RelationRowWithNames,
  updateRelation as updateRow,
  visibleRelationsOf,
} from './relations-repository.js';
import type { Relation, RelationCreate, RelationPatch } from './schemas.js';
import {
  assertDateOrder,
  checkVersion,
  defined,
  notStale,
  type ServiceDeps,
  unknownReference,
} from './service-support.js';

type RelationRow = Selectable<DB['organization_relations']>;

export function toRelation(r: RelationRow): Relation {
  return {
    id: r.id,
    organizationId: r.organization_id,
    relatedOrganizationId: r.related_organization_id,
    kind: r.kind,
    role: r.role,
    startDate: r.start_date,
    startPrecision: r.start_precision,
    endDate: r.end_date,
    endPrecision: r.end_precision,
    ended: r.ended === 1 || r.end_date != null,
    note: r.note,
    source: r.source,
    version: r.version,
  };
}

/** As an organisation page shows them: which way the relation points and the other organisation. */
export function presentRelations(organizationId: number, rows: RelationRowWithNames[]) {
  return rows.map((r) => {
    const outgoing = r.organization_id === organizationId;
    const other: OrganizationRef = outgoing
      ? { id: r.related_organization_id, name: r.b_name, shortName: r.b_short_name, kind: r.b_kind }
      : { id: r.organization_id, name: r.a_name, shortName: r.a_short_name, kind: r.a_kind };
    return { ...toRelation(r), direction: outgoing ? ('outgoing' as const) : ('incoming' as const), other };
  });
}

export async function relationsOf(deps: ServiceDeps, organizationId: number) {
  return presentRelations(organizationId, await visibleRelationsOf(deps.db, deps.actor, organizationId));
}

/** Relations link two organisations and are the office's to keep: office and admins write them. */
function assertOffice(deps: ServiceDeps) {
  assertSignedIn(deps.actor);
  if (!seesEverything(deps.actor) || deps.actor.kind !== 'user') {
    throw new ForbiddenError(
      'Only the office edits relations between organisations',
      'Nur die Geschäftsstelle bearbeitet Beziehungen zwischen Organisationen',
    );
  }
}

export async function createRelation(deps: ServiceDeps, organizationId: number, input: RelationCreate) {
  assertOffice(deps);
  return deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx };
    await readableOrganization(tx, organizationId);
    await readableOrganization(tx, input.relatedOrganizationId).catch(() => {
      throw unknownReference('relatedOrganizationId');
    });
    if (input.relatedOrganizationId === organizationId) {
      throw new BadRequestError(
        'SELF_RELATION',
        'An organisation cannot be related to itself',
        'Eine Organisation kann keine Beziehung zu sich selbst haben',
      );
    }
    assertDateOrder(input.startDate, input.endDate);
    const now = nowIso();
    const row = await insertRelation(trx, {
      key: null,
      organization_id: organizationId,
      related_organization_id: input.relatedOrganizationId,
      kind: input.kind,
      role: input.role ?? null,
      start_date: input.startDate ?? null,
      start_precision: input.startPrecision,
      end_date: input.endDate ?? null,
      end_precision: input.endPrecision,
      ended: input.endDate || input.ended ? 1 : 0,
      note: input.note ?? null,
      source: input.source ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = toRelation(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization_relation',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

async function changeRelation(
  deps: ServiceDeps,
  id: number,
  version: number,
  action: 'update' | 'end',
  values: (current: RelationRow) => Partial<RelationRow>,
) {
  assertOffice(deps);
  return deps.db.transaction().execute(async (trx) => {
    const current = await findRelation(trx, id);
    if (!current) throw new NotFoundError('Relation');
    checkVersion(current.version, version);
    const changes = values(current);
    const endDate = 'end_date' in changes ? changes.end_date : current.end_date;
    assertDateOrder('start_date' in changes ? changes.start_date : current.start_date, endDate);
    if (endDate) changes.ended = 1;
    const row = await updateRow(trx, id, version, { ...changes, updated_at: nowIso() });
    const after = toRelation(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'organization_relation',
      entityId: id,
      action,
      before: toRelation(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateRelation(deps: ServiceDeps, id: number, patch: RelationPatch) {
  return changeRelation(deps, id, patch.version, 'update', () =>
    defined({
      kind: patch.kind,
      role: patch.role,
      start_date: patch.startDate,
      start_precision: patch.startPrecision,
      end_date: patch.endDate,
      end_precision: patch.endPrecision,
      ended: patch.ended === undefined ? undefined : patch.ended ? 1 : 0,
      note: patch.note,
      source: patch.source,
    }),
  );
}

export async function endRelation(deps: ServiceDeps, id: number, endDate: string, version: number) {
  return changeRelation(deps, id, version, 'end', () => ({
    end_date: endDate,
    end_precision: 'day',
    ended: 1,
  }));
}
