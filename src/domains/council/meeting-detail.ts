import type { AppContext } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { assertVisible, bodyRef, organizationNames, parseIds, webLink } from './read-helpers.js';

/** One meeting with its agenda (only the items the actor may see) and its files. */
export async function getMeetingDetail(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  const m = assertVisible(
    actor,
    await ctx.db.selectFrom('council_meetings').selectAll().where('id', '=', id).executeTakeFirst(),
    'Meeting',
  );
  const items = await ctx.db
    .selectFrom('council_agenda_items as a')
    .leftJoin('council_consultations as c', 'c.oparl_id', 'a.consultation_oparl_id')
    .leftJoin('council_papers as p', (j) =>
      j.onRef('p.oparl_id', '=', 'c.paper_oparl_id').on('p.deleted', '=', 0).on(visibleWhere(actor, 'p')),
    )
    .select([
      'a.id',
      'a.number',
      'a.item_order',
      'a.name',
      'a.result',
      'p.id as paper_id',
      'p.name as paper_name',
      'p.reference',
    ])
    .where('a.meeting_oparl_id', '=', m.oparl_id)
    .where('a.deleted', '=', 0)
    .where(visibleWhere(actor, 'a'))
    .orderBy('a.item_order')
    .orderBy('a.id')
    .execute();
  const files = await ctx.db
    .selectFrom('council_files as f')
    .select(['f.id', 'f.name', 'f.access_url', 'f.mime_type', 'f.parent_role'])
    .where('f.parent_oparl_id', '=', m.oparl_id)
    .where('f.deleted', '=', 0)
    .where(visibleWhere(actor, 'f'))
    .orderBy('f.id')
    .execute();
  const orgs = await organizationNames(ctx.db, parseIds(m.organization_ids_json));
  const location = m.location_oparl_id
    ? await ctx.db
        .selectFrom('council_locations')
        .select(['description', 'street_address', 'postal_code', 'locality', 'lat', 'lon'])
        .where('oparl_id', '=', m.location_oparl_id)
        .executeTakeFirst()
    : undefined;
  return {
    id: m.id,
    name: m.name,
    start: m.start_at,
    end: m.end_at,
    cancelled: m.cancelled === 1,
    body: await bodyRef(ctx.db, m.body_oparl_id),
    organizations: [...orgs.values()],
    location: location
      ? {
          description: location.description,
          streetAddress: location.street_address,
          postalCode: location.postal_code,
          locality: location.locality,
          lat: location.lat,
          lon: location.lon,
        }
      : null,
    sourceUrl: m.oparl_id,
    webUrl: webLink(m.raw_json),
    agenda: items.map((a) => ({
      id: a.id,
      number: a.number,
      order: a.item_order,
      name: a.name,
      result: a.result,
      paper:
        a.paper_id == null
          ? null
          : { id: a.paper_id, name: a.paper_name ?? null, reference: a.reference ?? null },
    })),
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      accessUrl: f.access_url,
      mimeType: f.mime_type,
      role: f.parent_role,
    })),
  };
}
