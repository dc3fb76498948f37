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

/** The saved searches whose alerts go to this user: their own and their organisation's. */
export function searchesOf(data: AlertData, user: AlertUser): SavedSearch[] {
  const org = user.actor.kind === 'user' ? user.actor.organizationId : null;
  return data.searches.filter((s) =>
    s.scope === 'organization' ? org != null && s.organizationId === org : s.userId === user.id,
  );
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
    include: { newCalls: boolean; reminders: boolean; changes: boolean; profileMatches?: boolean };
  },
): DigestItem[] {
  const items: DigestItem[] = [];
  const readable = (c: AlertCall | undefined): c is AlertCall =>
    !!c && canRead(user.actor, { isPublic: c.isPublic, ownerOrganizationId: c.owner });
  const notSent = (kind: string, key: string) => !data.sent.has(`${user.id}|${kind}|${key}`);
  const org = user.actor.kind === 'user' ? user.actor.organizationId : null;
  const profile = opts.include.profileMatches && org != null ? data.profileMatches.get(org) : undefined;
  if (opts.include.newCalls || profile) {
    const mine = opts.include.newCalls ? searchesOf(data, user) : [];
    for (const call of data.calls.values()) {
      if (call.firstSeenAt <= opts.since || !readable(call)) continue;
      // One item per new call, whichever search or profile found it: the sent log keys on the call.
      if (!notSent('new', String(call.id))) continue;
      const hit = mine.find((s) => data.searchHits.get(s.id)?.has(call.id));
      const match = profile?.get(call.id);
      if (!hit && !match) continue;
      const line = hit
        ? hit.scope === 'organization'
          ? `Neuer Aufruf passend zur Suche „${hit.name}“ Ihrer Organisation`
          : `Neuer Aufruf passend zu Ihrer Suche „${hit.name}“`
        : `Neuer Aufruf passend zum Förderprofil von ${data.organizationNames.get(org!) ?? 'Ihrer Organisation'}: ${match!.reasons.join('; ')}`;
      items.push({
        kind: 'new',
        key: String(call.id),
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line,
      });
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
