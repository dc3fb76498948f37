import { canRead } from '../../access/policy.js';
import type { AlertCall, AlertData, AlertUser, SavedSearch } from './alert-data.js';
import { describeCallChanges } from './change-lines.js';

export interface DigestItem {
  kind: 'new' | 'reminder' | 'change' | 'pointer';
  /** Sent-log key: an item with the same kind and key never goes to the same user twice. */
  key: string;
  /** Further sent-log keys of the same kind the item stands for (e.g. every change of one call). */
  moreKeys?: string[];
  callId: number;
  callTitle: string;
  url: string | null;
  line: string;
  /** Why this person gets this item, for the mail's footer ("weil Sie … beobachten"). */
  reason: string;
}

/** Every sent-log key of an item. */
export const logKeys = (i: DigestItem): string[] => [i.key, ...(i.moreKeys ?? [])];

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
    include: {
      newCalls: boolean;
      reminders: boolean;
      changes: boolean;
      profileMatches?: boolean;
      pointers?: boolean;
    };
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
      const orgName = data.organizationNames.get(org!) ?? 'Ihrer Organisation';
      const line = hit
        ? hit.scope === 'organization'
          ? `Neuer Aufruf passend zur Suche „${hit.name}“ Ihrer Organisation`
          : `Neuer Aufruf passend zu Ihrer Suche „${hit.name}“`
        : `Neuer Aufruf passend zum Förderprofil von ${orgName}: ${match!.reasons.join('; ')}`;
      const reason = hit
        ? hit.scope === 'organization'
          ? 'Ihre Organisation Suchen im Förderradar gespeichert hat'
          : 'Sie Suchen im Förderradar gespeichert haben'
        : `Sie sofortige Hinweise auf neue Aufrufe eingestellt haben, die zum Förderprofil von ${orgName} passen`;
      items.push({
        kind: 'new',
        key: String(call.id),
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line,
        reason,
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
        reason: watchReason(data, user, call.id),
      });
    }
  }
  if (opts.include.changes) {
    // One entry per call with every change not sent yet, oldest first.
    const byCall = new Map<number, typeof data.changes>();
    for (const c of data.changes) {
      if (!watched.has(c.callId) || !notSent('change', String(c.id))) continue;
      byCall.set(c.callId, [...(byCall.get(c.callId) ?? []), c]);
    }
    for (const [callId, list] of byCall) {
      const call = data.calls.get(callId);
      if (!readable(call)) continue;
      const ids = list.map((c) => c.id).sort((a, b) => a - b);
      const first = list.reduce((a, b) => (a.at < b.at ? a : b)).at.slice(0, 10);
      const last = list.reduce((a, b) => (a.at > b.at ? a : b)).at.slice(0, 10);
      const when = first === last ? `am ${deDate(last)}` : `vom ${deDate(first)} bis ${deDate(last)}`;
      items.push({
        kind: 'change',
        key: String(ids[0]),
        moreKeys: ids.slice(1).map(String),
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line: `Geändert ${when}: ${describeCallChanges(list, data.roundInfo, data.fieldNames)}`,
        reason: watchReason(data, user, call.id),
      });
    }
  }
  if (opts.include.pointers && org != null) {
    for (const p of data.pointers) {
      if (p.organizationId !== org || !notSent('pointer', String(p.id))) continue;
      const call = data.calls.get(p.callId);
      if (!readable(call)) continue;
      const orgName = data.organizationNames.get(org) ?? 'Ihre Organisation';
      items.push({
        kind: 'pointer',
        key: String(p.id),
        callId: call.id,
        callTitle: call.title,
        url: call.sourceUrl,
        line: `Hinweis der Geschäftsstelle an ${orgName} (${p.by}, ${deDate(p.at.slice(0, 10))})${p.note ? `: ${p.note}` : ''}`,
        reason: `die Geschäftsstelle ${orgName} auf diesen Aufruf hingewiesen hat`,
      });
    }
  }
  return items;
}

/** Why a watched call's news reach this person: their own watch or their organisation's. */
function watchReason(data: AlertData, user: AlertUser, callId: number): string {
  return data.ownWatches.get(user.id)?.has(callId)
    ? 'Sie diesen Aufruf im Förderradar beobachten'
    : 'Ihre Organisation diesen Aufruf im Förderradar beobachtet';
}
