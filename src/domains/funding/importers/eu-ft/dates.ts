import type { CallStatus, RoundInput } from '../../model.js';
import { localDateTime } from '../time.js';
import { topicUrl } from './codes.js';

export const BRUSSELS = 'Europe/Brussels';

/**
 * A portal timestamp as the day (and time, when it carries one) in Brussels. The bulk file writes
 * date-only deadlines as midnight UTC: that is a calendar day, not 02:00 in Brussels, so its time
 * stays unknown instead of being made up.
 */
export function brusselsDay(instant: Date): { date: string; time: string | null } {
  if (instant.getTime() % 86_400_000 === 0) return { date: instant.toISOString().slice(0, 10), time: null };
  const local = localDateTime(instant, BRUSSELS);
  return local.time === '00:00' ? { date: local.date, time: null } : local;
}

/** Has this deadline passed at `now`? A day without time ends at midnight in Brussels. */
export function deadlinePassed(round: Pick<RoundInput, 'deadlineDate' | 'deadlineTime'>, now: Date): boolean {
  if (!round.deadlineDate) return false;
  const today = localDateTime(now, BRUSSELS);
  if (round.deadlineDate !== today.date) return round.deadlineDate < today.date;
  return round.deadlineTime !== null && round.deadlineTime <= today.time;
}

/**
 * The status the dates say, over the portal's status word: "open" or "forthcoming" with every cut-off
 * passed is closed; "forthcoming" whose opening day has come and whose deadline is ahead is open.
 * A call the portal closed stays closed. The note says when the dates overruled the portal.
 */
export function statusFromDates(
  portal: CallStatus,
  rounds: Pick<RoundInput, 'deadlineDate' | 'deadlineTime' | 'opensAt'>[],
  now: Date,
): { status: CallStatus; note: string | null } {
  const dated = rounds.filter((r) => r.deadlineDate);
  if (portal === 'closed' || dated.length === 0) return { status: portal, note: null };
  if (dated.every((r) => deadlinePassed(r, now)))
    return {
      status: 'closed',
      note: `portal status "${portal}", but every deadline has passed: closed`,
    };
  const opens = rounds.map((r) => r.opensAt).find((o) => o !== null) ?? null;
  if (portal === 'forthcoming' && opens !== null && opens <= localDateTime(now, BRUSSELS).date)
    return { status: 'open', note: 'portal status "forthcoming", but the opening day has come: open' };
  return { status: portal, note: null };
}

/** The portal's web page for a topic, never its `.json` data file. */
export function portalPageUrl(url: string | null, identifier: string, isTender: boolean): string | null {
  if (!url) return isTender ? null : topicUrl(identifier);
  if (/\.json(?:[?#]|$)/i.test(url) || /\/data\/topicDetails\//i.test(url))
    return isTender ? null : topicUrl(identifier);
  return url;
}
