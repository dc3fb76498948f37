import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { assertVisible, webLink } from './read-helpers.js';

/** A body (Gebietskörperschaft) with its committees and the counts the actor may see. */
export async function getBodyDetail(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  const b = assertVisible(
    actor,
    await ctx.db.selectFrom('council_bodies').selectAll().where('id', '=', id).executeTakeFirst(),
    'Body',
  );
  const count = async (table: 'council_papers' | 'council_meetings' | 'council_organizations') => {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('body_oparl_id', '=', b.oparl_id)
      .where('deleted', '=', 0)
      .where(visibleWhere(actor, table))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const organizations = await ctx.db
    .selectFrom('council_organizations')
    .select(['id', 'name', 'short_name', 'organization_type', 'classification', 'end_date'])
    .where('body_oparl_id', '=', b.oparl_id)
    .where('deleted', '=', 0)
    .where(visibleWhere(actor, 'council_organizations'))
    .orderBy('name')
    .execute();
  const source = await ctx.db
    .selectFrom('council_sources')
    .select(['id', 'system_url', 'last_sync_finished_at'])
    .where('id', '=', b.source_id)
    .executeTakeFirst();
  return {
    id: b.id,
    name: b.name,
    shortName: b.short_name,
    ags: b.ags,
    website: b.website,
    sourceUrl: b.oparl_id,
    webUrl: webLink(b.raw_json),
    lastSync: source?.last_sync_finished_at ?? null,
    counts: {
      papers: await count('council_papers'),
      meetings: await count('council_meetings'),
      organizations: organizations.length,
    },
    organizations: organizations.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.short_name,
      organizationType: o.organization_type,
      classification: o.classification,
      endDate: o.end_date,
    })),
  };
}
