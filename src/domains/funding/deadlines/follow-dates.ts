import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { statusFromDates } from '../importers/eu-ft/dates.js';
import type { CallRow, RoundRow } from '../repository.js';
import { recordChange, type TrackContext } from '../sync/track.js';
import type { CallStatus } from '../tables.js';

/**
 * EU Funding & Tenders calls: the status follows the portal's own dates, also between imports (a call
 * imported as "open" is closed the day after its last cut-off). The importer applies the same rule
 * (importers/eu-ft/dates.ts), so a re-import agrees. Returns the call as it is now.
 */
export async function followSourceDates<C extends Pick<CallRow, 'id' | 'source' | 'status' | 'version'>>(
  db: Kysely<DB>,
  call: C,
  rounds: Pick<RoundRow, 'origin' | 'withdrawn_at' | 'deadline_date' | 'deadline_time' | 'opens_at'>[],
  now: Date,
  tc: TrackContext,
): Promise<C> {
  if (call.source !== 'eu-ft') return call;
  const source = rounds
    .filter((r) => r.origin === 'source' && r.withdrawn_at === null)
    .map((r) => ({ deadlineDate: r.deadline_date, deadlineTime: r.deadline_time, opensAt: r.opens_at }));
  const { status } = statusFromDates(call.status as CallStatus, source, now);
  if (status === call.status) return call;
  await db
    .updateTable('funding_calls')
    .set({ status, updated_at: tc.now, version: call.version + 1 })
    .where('id', '=', call.id)
    .execute();
  await recordChange(tc, 'call', call.id, 'changed', { status: { before: call.status, after: status } });
  return { ...call, status, version: call.version + 1 };
}
