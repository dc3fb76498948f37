import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';

export const EXTRACT_JOB = 'funding.extract-deadlines';
/** Above this many calls one job reads all live calls instead of carrying the list. */
export const MAX_QUEUED_CALL_IDS = 2000;

/**
 * Queues job `funding.extract-deadlines` for the calls an import added or changed. Written straight
 * into the job table (the same row `JobRunner.enqueue` writes), so every import path — CLI, upload
 * job, scheduled re-import — queues it without holding the runner, and a CLI import leaves it for
 * `serve` or `jobs:run`. Returns the job id, or null when nothing changed.
 */
export async function queueDeadlineExtraction(
  db: Kysely<DB>,
  callIds: Iterable<number>,
): Promise<number | null> {
  const ids = [...new Set(callIds)].sort((a, b) => a - b);
  if (ids.length === 0) return null;
  return queueJob(db, EXTRACT_JOB, ids.length > MAX_QUEUED_CALL_IDS ? {} : { callIds: ids });
}

/**
 * Puts a job into the job table (the same row `JobRunner.enqueue` writes), for code that runs
 * without the runner at hand: a CLI import leaves it for `serve` or `jobs:run`.
 */
export async function queueJob(
  db: Kysely<DB>,
  type: string,
  payload: Record<string, unknown>,
): Promise<number> {
  const at = new Date().toISOString();
  const row = await db
    .insertInto('jobs')
    .values({
      type,
      payload: JSON.stringify(payload),
      status: 'queued',
      progress_done: 0,
      progress_total: null,
      progress_message: null,
      attempts: 0,
      run_at: at,
      locked_until: null,
      result: null,
      error: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
