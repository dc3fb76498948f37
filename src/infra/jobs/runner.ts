import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { JobTables } from './tables.js';

export type JobProgress = (done: number, total?: number | null, message?: string) => Promise<void>;

/** A typed job: id, payload schema, handler; optionally a schedule. */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  type: string;
  payload: P;
  /**
   * `signal` aborts when the process shuts down: a handler that can stop early should, and the job
   * is queued again instead of counted as failed.
   */
  handler: (payload: z.infer<P>, progress: JobProgress, signal: AbortSignal) => Promise<unknown>;
  /** Runs by itself: every N minutes, or daily at HH:MM (UTC). */
  schedule?: { everyMinutes: number } | { dailyAtUtc: string };
  maxAttempts?: number;
}

/** Keeps the payload type for the handler while the runner stores definitions type-erased. */
export function defineJob<P extends z.ZodType>(def: JobDefinition<P>): JobDefinition {
  return def as unknown as JobDefinition;
}

export interface JobRow {
  id: number;
  type: string;
  status: string;
  progress_done: number;
  progress_total: number | null;
  progress_message: string | null;
  error: string | null;
  result: string | null;
}

/** A claimed job; `attempts` is its count after the claim and guards every later write to the row. */
interface ClaimedJob {
  id: number;
  type: string;
  payload: string;
  attempts: number;
}

/** Time after which the lease of a running job expires, so another runner may take it over. */
const LEASE_MS = 30 * 60_000;

export function nextRunAfter(schedule: NonNullable<JobDefinition['schedule']>, from: Date): Date {
  if ('everyMinutes' in schedule) return new Date(from.getTime() + schedule.everyMinutes * 60_000);
  const [h, m] = schedule.dailyAtUtc.split(':').map(Number);
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), h, m));
  if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * A database-backed job queue that works on SQLite and PostgreSQL alike. `tick()` enqueues due
 * schedules and runs due jobs; `start()` calls it on an interval. Tests call `tick()` or
 * `runUntilIdle()` and await the result, so no timers are involved.
 */
export class JobRunner {
  private readonly defs = new Map<string, JobDefinition>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Jobs this runner is executing now, with what stops and awaits them. */
  private readonly inFlight = new Map<
    number,
    { job: ClaimedJob; abort: AbortController; done: Promise<void> }
  >();

  constructor(
    private readonly db: Kysely<JobTables>,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  register(def: JobDefinition): void {
    if (this.defs.has(def.type)) throw new Error(`Job type ${def.type} registered twice`);
    this.defs.set(def.type, def);
  }

  definitions(): JobDefinition[] {
    return [...this.defs.values()];
  }

  async enqueue(type: string, payload: unknown = {}, runAt: Date = this.now()): Promise<number> {
    const def = this.defs.get(type);
    if (!def) throw new Error(`Unknown job type ${type}`);
    const parsed = def.payload.parse(payload);
    const at = this.now().toISOString();
    const row = await this.db
      .insertInto('jobs')
      .values({
        type,
        payload: JSON.stringify(parsed ?? {}),
        status: 'queued',
        progress_done: 0,
        attempts: 0,
        run_at: runAt.toISOString(),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async get(id: number): Promise<JobRow | undefined> {
    return this.db
      .selectFrom('jobs')
      .select([
        'id',
        'type',
        'status',
        'progress_done',
        'progress_total',
        'progress_message',
        'error',
        'result',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async list(limit = 50): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .select([
        'id',
        'type',
        'status',
        'progress_done',
        'progress_total',
        'progress_message',
        'error',
        'result',
      ])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Enqueue every schedule that is due, then run due jobs one after another. */
  async tick(): Promise<number> {
    await this.enqueueDueSchedules();
    let ran = 0;
    while (!this.stopping) {
      const job = await this.claim();
      if (!job) break;
      if (this.stopping) {
        // stop() came while this claim was under way: hand the job straight back.
        await this.requeue(job, 'runner stopping; queued again');
        break;
      }
      const abort = new AbortController();
      const done = this.execute(job, abort.signal);
      this.inFlight.set(job.id, { job, abort, done });
      try {
        await done;
      } finally {
        this.inFlight.delete(job.id);
      }
      ran++;
    }
    return ran;
  }

  async runUntilIdle(): Promise<number> {
    return this.tick();
  }

  start(intervalMs = 5_000): void {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, 'job tick failed'))
        .finally(() => {
          this.running = null;
        });
    }, intervalMs);
    this.timer.unref();
  }

  /**
   * Stops claiming jobs and asks the running ones to stop (their signal aborts). Without `graceMs`
   * it waits for them however long they take. With it, a job still running after `graceMs` is put
   * back in the queue at once (lease released, due now) rather than staying leased for 30 minutes
   * after the process is gone; the ids of those jobs are returned.
   */
  async stop(opts: { graceMs?: number } = {}): Promise<{ released: number[] }> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping = true;
    for (const { abort } of this.inFlight.values()) abort.abort();
    const settled = Promise.all([this.running, ...[...this.inFlight.values()].map((j) => j.done)]);
    if (opts.graceMs === undefined) {
      await settled;
      return { released: [] };
    }
    const grace = new AbortController();
    const timeUp = delay(opts.graceMs, undefined, { signal: grace.signal }).catch(() => undefined);
    await Promise.race([settled, timeUp]);
    grace.abort();
    const released: number[] = [];
    for (const { job } of [...this.inFlight.values()]) {
      if (await this.requeue(job, 'interrupted by shutdown; queued again')) released.push(job.id);
    }
    return { released };
  }

  /** Puts a job this runner holds back in the queue, due now; false when the lease was no longer ours. */
  private async requeue(job: ClaimedJob, reason: string): Promise<boolean> {
    const now = this.now().toISOString();
    const res = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_until: null, run_at: now, error: reason, updated_at: now })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    const ok = Number(res.numUpdatedRows) === 1;
    if (ok) this.logger.warn({ category: 'jobs', jobId: job.id, jobType: job.type }, 'job released');
    return ok;
  }

  private async enqueueDueSchedules(): Promise<void> {
    const now = this.now();
    for (const def of this.defs.values()) {
      if (!def.schedule) continue;
      const row = await this.db
        .selectFrom('job_schedules')
        .selectAll()
        .where('name', '=', def.type)
        .executeTakeFirst();
      if (!row) {
        await this.db
          .insertInto('job_schedules')
          .values({
            name: def.type,
            last_run_at: null,
            next_run_at: nextRunAfter(def.schedule, now).toISOString(),
          })
          .execute();
        continue;
      }
      if (row.next_run_at > now.toISOString()) continue;
      // Advance the schedule first with a compare-and-set so two runners never enqueue twice.
      const res = await this.db
        .updateTable('job_schedules')
        .set({ last_run_at: now.toISOString(), next_run_at: nextRunAfter(def.schedule, now).toISOString() })
        .where('name', '=', def.type)
        .where('next_run_at', '=', row.next_run_at)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) await this.enqueue(def.type, {});
    }
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const now = this.now().toISOString();
    const lease = new Date(this.now().getTime() + LEASE_MS).toISOString();
    for (let i = 0; i < 5; i++) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['id', 'type', 'payload', 'attempts'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return undefined;
      const res = await this.db
        .updateTable('jobs')
        .set({ status: 'running', locked_until: lease, attempts: candidate.attempts + 1, updated_at: now })
        .where('id', '=', candidate.id)
        .where('attempts', '=', candidate.attempts)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) return { ...candidate, attempts: candidate.attempts + 1 };
    }
    return undefined;
  }

  private async execute(job: ClaimedJob, signal: AbortSignal): Promise<void> {
    const def = this.defs.get(job.type);
    const log = this.logger.child({ category: 'jobs', jobId: job.id, jobType: job.type });
    // Writes only while the claim is still ours: a job released at shutdown and taken over by
    // another runner must not be overwritten by this one finishing late.
    const finish = (values: Partial<Omit<JobTables['jobs'], 'id'>>) =>
      this.db
        .updateTable('jobs')
        .set({ ...values, locked_until: null, updated_at: this.now().toISOString() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', job.attempts)
        .execute();
    if (!def) {
      await finish({ status: 'failed', error: `Unknown job type ${job.type}` });
      return;
    }
    const progress: JobProgress = async (done, total, message) => {
      await this.db
        .updateTable('jobs')
        .set({ progress_done: done, progress_total: total ?? null, progress_message: message ?? null })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', job.attempts)
        .execute();
    };
    try {
      const payload = def.payload.parse(JSON.parse(job.payload));
      const result = await def.handler(payload, progress, signal);
      await finish({ status: 'done', result: result === undefined ? null : JSON.stringify(result) });
      log.info('job done');
    } catch (err) {
      if (signal.aborted) {
        await this.requeue(job, 'stopped by shutdown; queued again');
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      const retry = job.attempts < (def.maxAttempts ?? 3);
      const backoff = new Date(this.now().getTime() + 2 ** (job.attempts - 1) * 60_000).toISOString();
      await finish(
        retry ? { status: 'queued', run_at: backoff, error: message } : { status: 'failed', error: message },
      );
      log.error({ err }, retry ? 'job failed, will retry' : 'job failed');
    }
  }
}
