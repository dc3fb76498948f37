import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../../infra/http/errors.js';
import { type Actor, actorLabel, actorUserId } from '../../access/actor.js';
import { assertSignedIn, canRead, seesEverything } from '../../access/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import { assertOffice } from '../api/access.js';
import { queueJob } from '../deadlines/queue.js';
import { findCallById } from '../repository.js';
import { IMMEDIATE_ALERTS_JOB } from './job-names.js';

/**
 * The office forwards a call to chosen partner organisations with a note (audit + activity log); the
 * immediate alert job mails it to their members.
 */
export async function pointOutCall(
  db: Kysely<DB>,
  actor: Actor,
  input: { callId: number; organizationIds: number[]; note?: string | null },
  requestId?: string,
) {
  assertOffice(actor);
  const call = await findCallById(db, input.callId);
  if (!call) throw new NotFoundError('Call');
  const orgs = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', 'in', input.organizationIds)
    .execute();
  if (orgs.length !== new Set(input.organizationIds).size) throw new NotFoundError('Organization');
  const at = nowIso();
  const result = await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const org of orgs) {
      const row = await trx
        .insertInto('funding_pointers')
        .values({
          call_id: call.id,
          organization_id: org.id,
          note: input.note ?? null,
          created_by_user_id: actorUserId(actor),
          created_by_label: actorLabel(actor),
          created_at: at,
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
      await recordAudit(trx, {
        actor,
        entityType: 'funding_pointer',
        entityId: row.id,
        action: 'create',
        after: { callId: call.id, organizationId: org.id, note: input.note ?? null },
        requestId,
      });
      await trx
        .insertInto('funding_activity')
        .values({
          at,
          kind: 'pointer',
          call_id: call.id,
          organization_id: org.id,
          actor_label: actorLabel(actor),
          summary: `Aufruf „${call.title}“ an ${org.name} weitergeleitet`,
        })
        .execute();
    }
    return { ids };
  });
  // The partners' members get the pointer by mail at once (by their own alert settings).
  await queueJob(db, IMMEDIATE_ALERTS_JOB, {});
  return result;
}

/**
 * Pointers on a partner's dashboard: office staff may ask for any organisation, everyone else
 * only for their own (the default when no organisation is given).
 */
export async function listPointers(db: Kysely<DB>, actor: Actor, organizationId?: number) {
  assertSignedIn(actor);
  const own = actor.kind === 'user' ? actor.organizationId : null;
  const org = organizationId ?? own;
  if (org == null) return [];
  if (!seesEverything(actor) && org !== own)
    throw new ForbiddenError('Only for your own organisation', 'Nur für die eigene Organisation');
  const rows = await db
    .selectFrom('funding_pointers as p')
    .innerJoin('funding_calls as c', 'c.id', 'p.call_id')
    .select([
      'p.id',
      'p.call_id as callId',
      'c.title as callTitle',
      'p.organization_id as organizationId',
      'p.note',
      'p.created_by_label as createdBy',
      'p.created_at as createdAt',
      'c.is_public',
      'c.owner_organization_id',
    ])
    .where('p.organization_id', '=', org)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(200)
    .execute();
  return rows
    .filter((r) =>
      canRead(actor, { isPublic: r.is_public === 1, ownerOrganizationId: r.owner_organization_id }),
    )
    .map(({ is_public: _p, owner_organization_id: _o, ...rest }) => rest);
}
