import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { toUtcInstant } from '../deadlines/due-at.js';
import type { FeedRound } from './feed-selection.js';

/** The UID stays the same for the life of a round, whatever changes: round id + source. */
export function roundUid(r: { roundId: number; source: string }): string {
  return `funding-round-${r.roundId}-${r.source.replace(/[^\w.-]/g, '_')}@regiolotse`;
}

/**
 * SEQUENCE per UID, raised when what a calendar shows (date, time, title) changes, so clients
 * replace the event instead of adding a second one.
 */
async function sequences(db: Kysely<DB>, rounds: FeedRound[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!rounds.length) return out;
  const uids = rounds.map(roundUid);
  const known = new Map<string, { content_hash: string; sequence: number }>();
  for (let i = 0; i < uids.length; i += 500) {
    const rows = await db
      .selectFrom('funding_ics_state')
      .selectAll()
      .where('uid', 'in', uids.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.uid, r);
  }
  for (const r of rounds) {
    const uid = roundUid(r);
    const hash = createHash('sha256')
      .update(`${r.date}|${r.time ?? ''}|${r.timeZone}|${r.title}|${r.label ?? ''}`)
      .digest('hex')
      .slice(0, 24);
    const prev = known.get(uid);
    if (!prev) {
      await db
        .insertInto('funding_ics_state')
        .values({ uid, content_hash: hash, sequence: 0, updated_at: nowIso() })
        .onConflict((oc) => oc.column('uid').doNothing())
        .execute();
      out.set(uid, 0);
    } else if (prev.content_hash !== hash) {
      const next = prev.sequence + 1;
      await db
        .updateTable('funding_ics_state')
        .set({ content_hash: hash, sequence: next, updated_at: nowIso() })
        .where('uid', '=', uid)
        .where('sequence', '=', prev.sequence)
        .execute();
      out.set(uid, next);
    } else out.set(uid, prev.sequence);
  }
  return out;
}

export async function renderDeadlinesIcs(
  db: Kysely<DB>,
  rounds: FeedRound[],
  opts: { name: string; baseUrl: string },
): Promise<string> {
  const seq = await sequences(db, rounds);
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Regiolotse', product: 'Foerderradar', language: 'DE' },
  });
  cal.method(ICalCalendarMethod.PUBLISH);
  for (const r of rounds) {
    const uid = roundUid(r);
    const callUrl = `${opts.baseUrl}/funding/calls/${r.callId}`;
    const description = [
      r.label,
      r.origin === 'extracted' ? `Aus dem Aufrufstext gelesen: „${r.evidence ?? ''}“` : null,
      r.origin === 'manual' ? 'Von der Geschäftsstelle eingetragen' : null,
      r.url ? `Quelle: ${r.url}` : null,
      callUrl,
    ]
      .filter(Boolean)
      .join('\n');
    const common = {
      id: uid,
      sequence: seq.get(uid) ?? 0,
      summary: `Frist: ${r.title}`,
      description,
      url: callUrl,
    };
    if (r.time) {
      const due = new Date(
        toUtcInstant(r.date, r.time === '24:00' ? '23:59' : r.time, r.timeZone || 'Europe/Berlin'),
      );
      cal.createEvent({ ...common, start: due, end: due });
    } else {
      const day = new Date(`${r.date}T00:00:00Z`);
      cal.createEvent({ ...common, start: day, end: new Date(day.getTime() + 86_400_000), allDay: true });
    }
  }
  return cal.toString();
}
