import { canRead } from '../../access/policy.js';
import type { AlertCall, AlertData, AlertUser, SavedSearch } from './alert-data.js';

export interface DigestItem {
  kind: 'new' | 'reminder' | 'change';
  /** Sent-log key: an item with the same kind and key never goes to the same user twice. */
  key: string;
  callId: number;
  callTitle: string;
  url: string | null;
  line: string;
}

const dayMs = 86_400_000;
const daysUntil = (today: string, date: string) => Math.round((Date.parse(date) - Date.parse(today)) / dayMs);
const deDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function searchMatches(search: SavedSearch, call: AlertCall): boolean {
  const f = search.filters;
  if (f.fields?.length && !f.fields.some((x) => call.fields.includes(x))) return false;
  if (f.applicant && !call.applicants.some((a) => a.toLowerCase().includes(f.applicant!.toLowerCase())))
    return false;
  if (
    f.region &&
    call.regions.length &&
    !call.regions.some((r) => r.toLowerCase() === f.region!.toLowerCase() || r === 'bundesweit')
  )
    return false;
  if (f.q) {
    const hay = `${call.title} ${call.text ?? ''}`.toLowerCase();
    if (
      !f.q
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((w) => hay.includes(w))
    )
      return false;
  }
  return true;
}

/**
 * What one user gets: new calls matching their saved searches (seen since `since`), deadline
 * reminders at their lead times for watched calls, and changes to watched calls. Items already in
 * the sent log are left out; only calls the user may read are included.
 */
export function composeForUser(
  data: AlertData,
  user: AlertUser,
  opts: {
    today: string;
    since: string;
    include: { newCalls: boolean; reminders: boolean; changes: boolean };
  },
): DigestItem[] {
  const items: DigestItem[] = [];
  const readable = (c: AlertCall | undefined): c is AlertCall =>
    !!c && canRead(user.actor, { isPublic: c.isPublic, ownerOrganizationId: c.owner });
  const notSent = (kind: string, key: string) => !data.sent.has(`${user.id}|${kind}|${key}`);
  if (opts.include.newCalls) {
    const mine = data.searches.filter((s) => s.userId === user.id);
    for (const call of data.calls.values()) {
      if (call.firstSeenAt <= opts.since || !readable(call)) continue;
      const hit = mine.find((s) => searchMatches(s, call));
      if (hit && notSent('new', String(call.id))) {
        items.push({
          kind: 'new',
          key: String(call.id),
          callId: call.id,
          callTitle: call.title,
          url: call.sourceUrl,
          line: `Neuer Aufruf passend zu Ihrer Suche „${hit.name}“`,
        });
      }
    }
  }
  const watched = data.watched.get(user.id) ?? new Set<number>();
  if (opts.include.reminders && user.leadDays.length) {
    const leads = [...user.leadDays].sort((a, b) => a - b);
    for (const r of data.rounds) {
      if (!watched.has(r.callId)) continue;
      const call = data.calls.get(r.callId);
      if (!readable(call)) continue;
      const days = daysUntil(opts.today, r.date);
      // The tightest lead time reached; larger ones passed unnoticed (e.g. a call watched late) are not sent.
      const lead = leads.find((l) => days <= l);
      if (lead === undefined || days < 0) continue;
      const key = `${r.id}:${lead}`;
      if (!notSent('reminder', key)) continue;
      items.push({
        kind: 'reminder',
        key,
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line: `Frist am ${deDate(r.date)}${r.time ? `, ${r.time} Uhr` : ''}: noch ${days} Tage`,
      });
    }
  }
  if (opts.include.changes) {
    for (const c of data.changes) {
      if (!watched.has(c.callId)) continue;
      const call = data.calls.get(c.callId);
      if (!readable(call) || !notSent('change', String(c.id))) continue;
      const fields = Object.keys(safeObject(c.changes)).slice(0, 5).join(', ');
      const what =
        c.kind === 'withdrawn'
          ? 'zurückgezogen'
          : c.kind === 'reappeared'
            ? 'wieder veröffentlicht'
            : `geändert (${fields || 'Details'})`;
      items.push({
        kind: 'change',
        key: String(c.id),
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line: `Beobachteter Aufruf ${what} am ${deDate(c.at.slice(0, 10))}`,
      });
    }
  }
  return items;
}

function safeObject(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
