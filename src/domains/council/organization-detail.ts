import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { assertVisible, bodyRef, webLink } from './read-helpers.js';

/** A committee (Gremium) with its latest meetings and its members. */
export async function getOrganizationDetail(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  const o = assertVisible(
    actor,
    await ctx.db.selectFrom('council_organizations').selectAll().where('id', '=', id).executeTakeFirst(),
    'Organization',
  );
  // organization_ids_json holds a JSON array of OParl ids; the quoted id matches one element.
  const needle = `%${JSON.stringify(o.oparl_id)}%`;
  const meetings = await ctx.db
    .selectFrom('council_meetings')
    .select(['id', 'name', 'start_at', 'cancelled'])
    .where(sql`organization_ids_json`, 'like', needle)
    .where('deleted', '=', 0)
    .where(visibleWhere(actor, 'council_meetings'))
    .orderBy('start_at', 'desc')
    .limit(50)
    .execute();
  const members = await ctx.db
    .selectFrom('council_memberships as ms')
    .leftJoin('council_persons as p', 'p.oparl_id', 'ms.person_oparl_id')
    .select(['ms.id', 'ms.role', 'ms.start_date', 'ms.end_date', 'ms.voting_right', 'p.name as person_name'])
    .where('ms.organization_oparl_id', '=', o.oparl_id)
    .where('ms.deleted', '=', 0)
    .where(visibleWhere(actor, 'ms'))
    .orderBy('p.name')
    .execute();
  return {
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    organizationType: o.organization_type,
    classification: o.classification,
    startDate: o.start_date,
    endDate: o.end_date,
    body: await bodyRef(ctx.db, o.body_oparl_id),
    sourceUrl: o.oparl_id,
    webUrl: webLink(o.raw_json),
    meetings: meetings.map((m) => ({
      id: m.id,
      name: m.name,
      start: m.start_at,
      cancelled: m.cancelled === 1,
    })),
    members: members.map((m) => ({
      id: m.id,
      person: m.person_name ?? null,
      role: m.role,
      startDate: m.start_date,
      endDate: m.end_date,
      votingRight: m.voting_right == null ? null : m.voting_right === 1,
    })),
  };
}
