import type { AppContext } from '../../app/context.js';
import { ForbiddenError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { assertSignedIn, seesEverything } from '../access/policy.js';

/** Raw quarantined text can contain anything a source sent, so only the office sees it. */
export async function listQuarantine(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  q: { sourceId?: number; includeResolved: 'true' | 'false'; limit: number; offset: number },
) {
  assertSignedIn(actor);
  if (!seesEverything(actor)) throw new ForbiddenError('Office staff only', 'Nur für die Geschäftsstelle');
  let query = ctx.db.selectFrom('council_quarantine');
  if (q.sourceId !== undefined) query = query.where('source_id', '=', q.sourceId);
  if (q.includeResolved === 'false') query = query.where('resolved', '=', 0);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('last_seen', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      listUrl: r.list_url,
      objectId: r.object_id,
      reason: r.reason,
      raw: r.raw.slice(0, 20_000),
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      count: r.count,
      resolved: r.resolved === 1,
    })),
  };
}
