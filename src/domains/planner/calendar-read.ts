import { NotFoundError } from '../../infra/http/errors.js';
import { assertSignedIn } from '../access/policy.js';
import { toCsv } from '../funding/export/cells.js';
import { germanDay, todayInBerlin } from './calendar-day.js';
import { loadCalendars } from './calendar-repository.js';
import type { PlannerDeps } from './check-plan.js';
import { findBodies, findCommittees } from './committees-repository.js';
import { presentMeeting } from './meetings-service.js';

export interface CalendarQuery {
  bodyId: number;
  committeeId?: number;
  from?: string;
  to?: string;
}

/**
 * A body's meeting calendar as the planner counts it: imported and hand-entered meetings side by
 * side, each marked with its source, cancelled and superseded ones included (and marked) so the
 * office sees why a day does or does not count.
 */
export async function getCalendar(deps: PlannerDeps, q: CalendarQuery) {
  assertSignedIn(deps.actor);
  const [body] = await findBodies(deps.db, deps.actor, { ids: [q.bodyId] });
  if (!body) throw new NotFoundError('Body');
  let committees = await findCommittees(deps.db, deps.actor, { bodyOparlIds: [body.oparlId] });
  if (q.committeeId !== undefined) {
    committees = committees.filter((c) => c.id === q.committeeId);
    if (committees.length === 0) throw new NotFoundError('Committee');
  }
  const from = q.from ?? todayInBerlin(deps.now?.() ?? new Date());
  const calendars = await loadCalendars(
    deps.db,
    deps.dialect,
    deps.actor,
    committees.map((c) => c.oparlId),
    from,
    q.to,
  );
  const manualIds = [...calendars.values()]
    .flat()
    .filter((e) => e.ref.source === 'manual')
    .map((e) => e.ref.id);
  const manualRows = manualIds.length
    ? await deps.db.selectFrom('planner_meetings').selectAll().where('id', 'in', manualIds).execute()
    : [];
  const manual = new Map(manualRows.map((r) => [r.id, r]));
  const items = committees
    .flatMap((c) =>
      (calendars.get(c.oparlId) ?? []).map((e) => {
        const row = e.ref.source === 'manual' ? manual.get(e.ref.id) : undefined;
        return {
          committeeId: c.id,
          committee: c.name,
          date: e.day,
          startTime: e.ref.startTime,
          source: e.ref.source,
          meetingId: e.ref.id,
          name: e.ref.name,
          cancelled: e.cancelled,
          superseded: e.superseded,
          counted: !e.cancelled && !e.superseded,
          illustrative: e.ref.illustrative,
          manual: row ? presentMeeting(row, c) : null,
        };
      }),
    )
    .filter((e) => !q.to || e.date <= q.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.committee.localeCompare(b.committee, 'de'));
  return { body: { id: body.id, name: body.name }, from, to: q.to ?? null, items };
}

/** The calendar as CSV (German column names and dates), exactly the rows the list shows. */
export function calendarCsv(calendar: Awaited<ReturnType<typeof getCalendar>>): string {
  return toCsv(
    [
      'Datum',
      'Uhrzeit',
      'Gremium',
      'Quelle',
      'Bezeichnung / Notiz',
      'Zählt',
      'Abgesagt',
      'Ersetzt durch Import',
      'Beispieldaten',
    ],
    calendar.items.map((e) => [
      germanDay(e.date),
      e.startTime,
      e.committee,
      e.source === 'imported' ? 'Ratsinformationssystem' : 'von Hand eingetragen',
      e.name,
      e.counted ? 'ja' : 'nein',
      e.cancelled ? 'ja' : 'nein',
      e.superseded ? 'ja' : 'nein',
      e.illustrative ? 'ja' : 'nein',
    ]),
  );
}
