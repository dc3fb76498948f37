/**
 * Calendar days (`YYYY-MM-DD`) and their arithmetic. The planner counts whole days in the region's
 * time zone (Europe/Berlin): a meeting's day is the Berlin date of its start, and "today" is the
 * Berlin date of now. Days are compared as strings (ISO order is date order) and counted through
 * UTC day numbers, which have no daylight-saving gaps.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in the form YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** `to` minus `from` in whole days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// Since 1996 Germany follows the EU rule: summer time (UTC+2) from the last Sunday of March,
// 01:00 UTC, to the last Sunday of October, 01:00 UTC; UTC+1 otherwise. Computing it is two orders
// of magnitude cheaper than Intl, which matters when a question reads years of meetings.
const summerTime = new Map<number, [number, number]>();

function lastSundayAtOneUtc(year: number, month: number): number {
  const d = new Date(Date.UTC(year, month + 1, 0, 1));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.getTime();
}

function summerTimeOf(year: number): [number, number] {
  let span = summerTime.get(year);
  if (!span) {
    span = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)];
    summerTime.set(year, span);
  }
  return span;
}

const berlinFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Berlin wall-clock time of an instant as YYYY-MM-DDTHH:MM; null if unreadable. */
export function berlinLocal(instant: string | Date): string | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1997) {
    const parts = berlinFormat.formatToParts(new Date(ms));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const hour = get('hour') === '24' ? '00' : get('hour');
    return `${get('year')}-${get('month')}-${get('day')}T${hour}:${get('minute')}`;
  }
  const [start, end] = summerTimeOf(year);
  const offset = ms >= start && ms < end ? 2 : 1;
  return new Date(ms + offset * HOUR_MS).toISOString().slice(0, 16);
}

/** The Berlin calendar day of an instant (ISO date-time with zone, or a Date); null if unreadable. */
export function berlinDay(instant: string | Date): string | null {
  return berlinLocal(instant)?.slice(0, 10) ?? null;
}

/** Today in Berlin. */
export function todayInBerlin(now: Date = new Date()): string {
  return berlinDay(now) as string;
}

/** A day as Germans write it (TT.MM.JJJJ), for the German messages. */
export function germanDay(day: string): string {
  const m = DAY_PATTERN.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}
