import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { ConflictError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertCanWrite, assertSignedIn, canRead, seesEverything } from '../../access/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import { parseJsonList } from './load.js';

function present(p: {
  id: number;
  title: string;
  description: string | null;
  fields_of_action: string;
  applicant_type: string | null;
  region_ags: string | null;
  owner_organization_id: number | null;
  is_public: number;
  updated_at: string;
  version: number;
}) {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    fieldsOfAction: parseJsonList(p.fields_of_action),
    applicantType: p.applicant_type,
    regionAgs: p.region_ags,
    ownerOrganizationId: p.owner_organization_id,
    isPublic: p.is_public === 1,
    updatedAt: p.updated_at,
    version: p.version,
  };
}
export type ProjectDetail = ReturnType<typeof present>;

async function readable(db: Kysely<DB>, actor: Actor, id: number) {
  const p = await db.selectFrom('funding_projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p || !canRead(actor, { isPublic: p.is_public === 1, ownerOrganizationId: p.owner_organization_id }))
    throw new NotFoundError('Project');
  return p;
}

/** One project profile, with its version for editing; not visible reads as not found. */
export async function getProject(db: Kysely<DB>, actor: Actor, id: number): Promise<ProjectDetail> {
  assertSignedIn(actor);
  return present(await readable(db, actor, id));
}

export interface ProjectPatch {
  version: number;
  title?: string;
  description?: string | null;
  fieldsOfAction?: string[];
  applicantType?: string | null;
  regionAgs?: string | null;
  ownerOrganizationId?: number | null;
  isPublic?: boolean;
}

/**
 * Changes a project: the office any, a partner those of its own organisation (which stays the
 * owner). A stale `version` is a conflict, so two people editing at once do not overwrite each other.
 */
export async function updateProject(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  patch: ProjectPatch,
  requestId?: string,
): Promise<ProjectDetail> {
  assertSignedIn(actor);
  return db.transaction().execute(async (trx) => {
    const row = await readable(trx, actor, id);
    assertCanWrite(actor, { ownerOrganizationId: row.owner_organization_id });
    if (row.version !== patch.version) throw new ConflictError();
    const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
    const next = {
      title: pick(patch.title, row.title),
      description: pick(patch.description, row.description),
      fields_of_action:
        patch.fieldsOfAction === undefined ? row.fields_of_action : JSON.stringify(patch.fieldsOfAction),
      applicant_type: pick(patch.applicantType, row.applicant_type),
      region_ags: pick(patch.regionAgs, row.region_ags),
      owner_organization_id: seesEverything(actor)
        ? pick(patch.ownerOrganizationId, row.owner_organization_id)
        : row.owner_organization_id,
      is_public: patch.isPublic === undefined ? row.is_public : patch.isPublic ? 1 : 0,
    };
    const res = await trx
      .updateTable('funding_projects')
      .set({ ...next, updated_at: nowIso(), version: row.version + 1 })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new ConflictError();
    const after = await trx
      .selectFrom('funding_projects')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_project',
      entityId: id,
      action: 'update',
      before: row,
      after,
      requestId,
    });
    return present(after);
  });
}
