import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { DialectName } from '../../infra/db/connect.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { addDays, berlinLocal } from './calendar-day.js';
import type { CalendarMeeting } from './plan-rules.js';

/** Which meeting a plan step stands on. */
export interface MeetingRef {
  source: 'imported' | 'manual';
  id: number;
  name: string | null;
  startTime: string | null;
  illustrative: boolean;
}

export interface CalendarEntry extends CalendarMeeting<MeetingRef> {
  /** A hand-entered meeting on a day the council system now has a meeting of the committee too. */
  superseded: boolean;
}

/**
 * The meeting calendars of the given committees from `fromDay` on, as the actor may read them:
 * imported OParl meetings (a meeting counts for every organisation it names) and hand-entered
 * meetings. A hand-entered meeting on a day for which the council system has a meeting of the same
 * committee (cancelled or not) is superseded: the imported one stands for that day, so the
 * meeting is not counted twice and an imported cancellation is not overridden. Only imported meetings
 * the actor may read supersede, so the answer never hints at hidden ones.
 */
export async function loadCalendars(
  db: Kysely<DB>,
  dialect: DialectName,
  actor: Actor,
  committeeOparlIds: string[],
  fromDay: string,
  /** Last day wanted (inclusive); none: every later meeting. */
  untilDay?: string,
): Promise<Map<string, CalendarEntry[]>> {
  const wanted = [...new Set(committeeOparlIds)];
  const out = new Map<string, CalendarEntry[]>(wanted.map((id) => [id, []]));
  if (wanted.length === 0) return out;
  // start_at is UTC; a Berlin day begins at most two hours before its UTC date.
  const fromInstant = `${addDays(fromDay, -1)}T21:00`;
  let importedQuery = db
    .selectFrom('council_meetings as m')
    .select(['m.id', 'm.name', 'm.start_at', 'm.cancelled', 'm.organization_ids_json'])
    .where('m.deleted', '=', 0)
    .where('m.start_at', '>=', fromInstant);
  if (untilDay) importedQuery = importedQuery.where('m.start_at', '<', `${untilDay}T23:59:59.999Z`);
  const imported = await importedQuery
    .where(namesAnyOf(dialect, wanted))
    .where(visibleWhere(actor, 'm'))
    .execute();
  const importedDays = new Map<string, Set<string>>(wanted.map((id) => [id, new Set()]));
  for (const m of imported) {
    const local = berlinLocal(m.start_at as string);
    const day = local?.slice(0, 10);
    if (!local || !day || day < fromDay || (untilDay && day > untilDay)) continue;
    const orgs = m.organization_ids_json ? (JSON.parse(m.organization_ids_json) as unknown[]) : [];
    for (const org of orgs) {
      const list = typeof org === 'string' ? out.get(org) : undefined;
      if (!list) continue;
      importedDays.get(org as string)?.add(day);
      list.push({
        day,
        cancelled: m.cancelled === 1,
        deleted: false,
        superseded: false,
        ref: {
          source: 'imported',
          id: m.id,
          name: m.name,
          startTime: local.slice(11, 16),
          illustrative: false,
        },
      });
    }
  }
  const manual = await db
    .selectFrom('planner_meetings as p')
    .select([
      'p.id',
      'p.committee_oparl_id',
      'p.meeting_date',
      'p.start_time',
      'p.note',
      'p.cancelled',
      'p.illustrative',
    ])
    .where('p.committee_oparl_id', 'in', wanted)
    .where('p.deleted', '=', 0)
    .where('p.meeting_date', '>=', fromDay)
    .where(visibleWhere(actor, 'p'))
    .execute();
  for (const p of manual) {
    out.get(p.committee_oparl_id)?.push({
      day: p.meeting_date,
      cancelled: p.cancelled === 1,
      deleted: false,
      superseded: importedDays.get(p.committee_oparl_id)?.has(p.meeting_date) ?? false,
      ref: {
        source: 'manual',
        id: p.id,
        name: p.note,
        startTime: p.start_time,
        illustrative: p.illustrative === 1,
      },
    });
  }
  for (const list of out.values()) {
    list.sort((a, b) => (a.day === b.day ? sourceRank(a) - sourceRank(b) : a.day < b.day ? -1 : 1));
  }
  return out;
}

/**
 * The meeting names one of the committees: an element of its JSON array of organisation ids is one
 * of theirs. A JSON test per row, instead of one LIKE '%"id"%' per committee, keeps a question
 * about 36 committees as cheap as one about three.
 */
function namesAnyOf(dialect: DialectName, oparlIds: string[]): RawBuilder<SqlBool> {
  if (dialect === 'postgres') return sql<SqlBool>`(m.organization_ids_json)::jsonb ?| ${oparlIds}::text[]`;
  return sql<SqlBool>`exists (select 1 from json_each(m.organization_ids_json) as j where j.value in (select value from json_each(${JSON.stringify(oparlIds)})))`;
}

const sourceRank = (e: CalendarEntry) => (e.ref.source === 'imported' ? 0 : 1);

/** What the rules count: superseded hand-entered meetings are left out. */
export function countedMeetings(entries: CalendarEntry[]): CalendarMeeting<MeetingRef>[] {
  return entries.filter((e) => !e.superseded);
}
