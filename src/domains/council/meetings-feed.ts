import { createHash } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import { NotFoundError } from '../../infra/http/errors.js';
import { anonymous } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';

/** A UID that stays the same across syncs and servers: derived from the OParl id. */
export const meetingUid = (oparlId: string) =>
  `${createHash('sha256').update(oparlId).digest('hex').slice(0, 32)}@regiolotse`;

/**
 * The public meetings of a body or a committee as iCalendar. Feeds are fetched by calendar apps
 * without a session, so they show what anyone may see, whoever asks.
 */
export async function meetingsFeed(
  ctx: Pick<AppContext, 'db'>,
  q: { body?: number; organization?: number },
  baseUrl: string,
): Promise<string> {
  let query = ctx.db
    .selectFrom('council_meetings')
    .select([
      'id',
      'oparl_id',
      'name',
      'start_at',
      'end_at',
      'cancelled',
      'location_oparl_id',
      'oparl_modified',
    ])
    .where('deleted', '=', 0)
    .where('start_at', 'is not', null)
    .where(visibleWhere(anonymous, 'council_meetings'));
  let title: string;
  if (q.organization !== undefined) {
    const org = await ctx.db
      .selectFrom('council_organizations')
      .select(['oparl_id', 'name'])
      .where('id', '=', q.organization)
      .where('deleted', '=', 0)
      .where(visibleWhere(anonymous, 'council_organizations'))
      .executeTakeFirst();
    if (!org) throw new NotFoundError('Organization');
    query = query.where(sql`organization_ids_json`, 'like', `%${JSON.stringify(org.oparl_id)}%`);
    title = org.name ?? 'Sitzungen';
  } else if (q.body !== undefined) {
    const body = await ctx.db
      .selectFrom('council_bodies')
      .select(['oparl_id', 'name'])
      .where('id', '=', q.body)
      .where('deleted', '=', 0)
      .where(visibleWhere(anonymous, 'council_bodies'))
      .executeTakeFirst();
    if (!body) throw new NotFoundError('Body');
    query = query.where('body_oparl_id', '=', body.oparl_id);
    title = body.name ?? 'Sitzungen';
  } else {
    title = 'Sitzungen';
  }
  const rows = await query.orderBy('start_at', 'desc').limit(2000).execute();
  const locations = new Map(
    (
      await ctx.db
        .selectFrom('council_locations')
        .select(['oparl_id', 'description', 'street_address', 'locality'])
        .where('oparl_id', 'in', [
          ...new Set(rows.map((r) => r.location_oparl_id).filter((x): x is string => !!x)),
          '',
        ])
        .execute()
    ).map((l) => [l.oparl_id, [l.description, l.street_address, l.locality].filter(Boolean).join(', ')]),
  );
  const cal = ical({
    name: `${title} – Regiolotse`,
    prodId: { company: 'Regiolotse', product: 'Sitzungen' },
  });
  for (const r of rows) {
    const start = new Date(r.start_at as string);
    const end =
      r.end_at && r.end_at > (r.start_at as string)
        ? new Date(r.end_at)
        : new Date(start.getTime() + 2 * 3_600_000);
    cal.createEvent({
      id: meetingUid(r.oparl_id),
      start,
      end,
      summary: r.cancelled === 1 ? `Abgesagt: ${r.name ?? 'Sitzung'}` : (r.name ?? 'Sitzung'),
      status: r.cancelled === 1 ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      location: r.location_oparl_id ? (locations.get(r.location_oparl_id) ?? null) : null,
      url: `${baseUrl}/council/meetings/${r.id}`,
      lastModified: r.oparl_modified ? new Date(r.oparl_modified) : null,
    });
  }
  return cal.toString();
}
