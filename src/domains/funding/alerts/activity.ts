import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { assertSignedIn, seesEverything } from '../../access/policy.js';
import { assertReadable } from '../api/access.js';
import { findCallById } from '../repository.js';

/**
 * The radar's activity log of one call (pointers so far). The office sees every entry; a partner
 * or reader only the entries about their own organisation, so no one learns whom else the office
 * pointed the call out to. A call the actor may not see is not found.
 */
export async function listCallActivity(db: Kysely<DB>, actor: Actor, callId: number) {
  assertSignedIn(actor);
  assertReadable(actor, await findCallById(db, callId), 'Call');
  let q = db
    .selectFrom('funding_activity as a')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.at',
      'a.kind',
      'a.organization_id as organizationId',
      'o.name as organizationName',
      'a.actor_label as actorLabel',
      'a.summary',
    ])
    .where('a.call_id', '=', callId);
  if (!seesEverything(actor)) {
    const own = actor.kind === 'user' ? actor.organizationId : null;
    if (own == null) return [];
    q = q.where('a.organization_id', '=', own);
  }
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(500).execute();
}
