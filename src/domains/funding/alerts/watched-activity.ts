import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { ChangeRecord, RoundInfo } from './change-lines.js';

export interface WatchedChange extends ChangeRecord {
  callId: number;
  at: string;
}

/** A call the office pointed out to an organisation (funding_pointers). */
export interface PointerNotice {
  id: number;
  callId: number;
  organizationId: number;
  note: string | null;
  by: string;
  at: string;
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Upcoming rounds (for reminders), changes since the horizon (for change lines: the call's own, and
 * its rounds' including rounds added) and every round's date, time and label (to name a round in a
 * change line) of the watched calls.
 */
export async function loadWatchedActivity(
  db: Kysely<DB>,
  watchedIds: number[],
  opts: { since: string; today: string },
) {
  const rounds: { id: number; callId: number; date: string; time: string | null; label: string | null }[] =
    [];
  const changes: WatchedChange[] = [];
  const roundInfo = new Map<number, RoundInfo>();
  for (const part of chunk(watchedIds, 500)) {
    const all = await db
      .selectFrom('funding_rounds')
      .select(['id', 'call_id', 'deadline_date', 'deadline_time', 'label', 'withdrawn_at', 'review_status'])
      .where('call_id', 'in', part)
      .execute();
    for (const r of all) {
      roundInfo.set(r.id, { date: r.deadline_date, time: r.deadline_time, label: r.label });
      if (
        r.withdrawn_at === null &&
        r.review_status !== 'rejected' &&
        r.deadline_date &&
        r.deadline_date >= opts.today
      )
        rounds.push({
          id: r.id,
          callId: r.call_id,
          date: r.deadline_date,
          time: r.deadline_time,
          label: r.label,
        });
    }
    const callOfRound = new Map(all.map((r) => [r.id, r.call_id]));
    const roundIds = all.map((r) => r.id);
    const cs = await db
      .selectFrom('funding_changes')
      .select(['id', 'record_type', 'record_id', 'at', 'kind', 'changes'])
      .where('at', '>', opts.since)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('record_type', '=', 'call'),
            eb('record_id', 'in', part),
            eb('kind', '!=', 'first_seen'),
          ]),
          ...(roundIds.length
            ? chunk(roundIds, 2000).map((ids) =>
                eb.and([eb('record_type', '=', 'round'), eb('record_id', 'in', ids)]),
              )
            : []),
        ]),
      )
      .execute();
    changes.push(
      ...cs.map((c) => ({
        id: c.id,
        recordType: c.record_type,
        recordId: c.record_id,
        callId: c.record_type === 'call' ? c.record_id : (callOfRound.get(c.record_id) ?? -1),
        at: c.at,
        kind: c.kind,
        changes: c.changes,
      })),
    );
  }
  return { rounds, changes, roundInfo };
}

/** Calls the office pointed out to these organisations since the horizon. */
export async function loadPointersSince(
  db: Kysely<DB>,
  organizationIds: number[],
  since: string,
): Promise<PointerNotice[]> {
  const out: PointerNotice[] = [];
  for (const part of chunk(organizationIds, 500)) {
    const rows = await db
      .selectFrom('funding_pointers')
      .select(['id', 'call_id', 'organization_id', 'note', 'created_by_label', 'created_at'])
      .where('organization_id', 'in', part)
      .where('created_at', '>', since)
      .execute();
    out.push(
      ...rows.map((r) => ({
        id: r.id,
        callId: r.call_id,
        organizationId: r.organization_id,
        note: r.note,
        by: r.created_by_label,
        at: r.created_at,
      })),
    );
  }
  return out;
}
