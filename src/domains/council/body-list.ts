import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/** The bodies whose council data we hold, with the number of papers the actor may see. */
export async function listBodies(ctx: Pick<AppContext, 'db'>, actor: Actor) {
  const rows = await ctx.db
    .selectFrom('council_bodies as b')
    .leftJoin('council_sources as s', 's.id', 'b.source_id')
    .select(['b.id', 'b.name', 'b.short_name', 'b.ags', 'b.oparl_id', 's.last_sync_finished_at'])
    .where('b.deleted', '=', 0)
    .where(visibleWhere(actor, 'b'))
    .orderBy('b.name')
    .execute();
  const counts = await ctx.db
    .selectFrom('council_papers as p')
    .select(['p.body_oparl_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.deleted', '=', 0)
    .where(visibleWhere(actor, 'p'))
    .groupBy('p.body_oparl_id')
    .execute();
  const byBody = new Map(counts.map((c) => [c.body_oparl_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    ags: r.ags,
    papers: byBody.get(r.oparl_id) ?? 0,
    lastSync: r.last_sync_finished_at ?? null,
  }));
}
