import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import type { Actor } from '../../access/actor.js';
import {
  assertCanActForOrganization,
  assertCanWrite,
  assertSignedIn,
  seesEverything,
  visibleWhere,
} from '../../access/policy.js';
import { recordAudit } from '../../audit/record-audit.js';

export interface ProjectInput {
  title: string;
  description?: string | null;
  fieldsOfAction: string[];
  applicantType?: string | null;
  regionAgs?: string | null;
  ownerOrganizationId?: number | null;
  isPublic?: boolean;
}

/** A project profile; partners create them for their own organisation only. */
export async function createProject(db: Kysely<DB>, actor: Actor, input: ProjectInput, requestId?: string) {
  assertCanWrite(actor);
  const owner = seesEverything(actor)
    ? (input.ownerOrganizationId ?? null)
    : actor.kind === 'user'
      ? actor.organizationId
      : null;
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('funding_projects')
      .values({
        title: input.title,
        description: input.description ?? null,
        fields_of_action: JSON.stringify(input.fieldsOfAction),
        applicant_type: input.applicantType ?? null,
        region_ags: input.regionAgs ?? null,
        owner_organization_id: owner,
        is_public: input.isPublic ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_project',
      entityId: row.id,
      action: 'create',
      after: input,
      requestId,
    });
    return { id: row.id };
  });
}

export async function listProjects(db: Kysely<DB>, actor: Actor) {
  assertSignedIn(actor);
  return db
    .selectFrom('funding_projects')
    .select([
      'id',
      'title',
      'description',
      'fields_of_action',
      'applicant_type',
      'region_ags',
      'owner_organization_id',
      'is_public',
    ])
    .where(visibleWhere(actor, 'funding_projects'))
    .orderBy('title')
    .limit(1000)
    .execute();
}

export interface OrgProfileInput {
  applicantType?: string | null;
  regionAgs?: string | null;
  fieldsOfAction: string[];
  keywords?: string[];
}

/** The partner organisation's matching profile (applicant type, region, fields of action). */
export async function saveOrgProfile(
  db: Kysely<DB>,
  actor: Actor,
  organizationId: number,
  input: OrgProfileInput,
  requestId?: string,
) {
  assertCanActForOrganization(actor, organizationId);
  const at = nowIso();
  const values = {
    applicant_type: input.applicantType ?? null,
    region_ags: input.regionAgs ?? null,
    fields_of_action: JSON.stringify(input.fieldsOfAction),
    keywords: JSON.stringify(input.keywords ?? []),
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('funding_org_profiles')
      .values({ organization_id: organizationId, ...values })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_org_profile',
      entityId: organizationId,
      action: 'update',
      after: input,
      requestId,
    });
  });
  return { organizationId, ...input };
}
