import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { ForbiddenError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertSignedIn, seesEverything } from '../../access/policy.js';
import { parseJsonList } from './load.js';

/**
 * A partner organisation's matching profile as its editor shows it: the office may read any,
 * everyone else only their own organisation's (checked before the organisation is looked up, so
 * the answer does not tell which ids exist). An organisation without a profile yet gets empty values.
 */
export async function getOrgProfile(db: Kysely<DB>, actor: Actor, organizationId: number) {
  assertSignedIn(actor);
  const own = actor.kind === 'user' && actor.organizationId === organizationId;
  if (!seesEverything(actor) && !own)
    throw new ForbiddenError('Only for your own organisation', 'Nur für die eigene Organisation');
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw new NotFoundError('Organization');
  const p = await db
    .selectFrom('funding_org_profiles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return {
    organizationId: org.id,
    organizationName: org.name,
    applicantType: p?.applicant_type ?? null,
    regionAgs: p?.region_ags ?? null,
    fieldsOfAction: parseJsonList(p?.fields_of_action ?? '[]'),
    keywords: parseJsonList(p?.keywords ?? '[]'),
    updatedAt: p?.updated_at ?? null,
  };
}
