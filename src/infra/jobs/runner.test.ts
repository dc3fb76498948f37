import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeEachDb } from '../../../test/helpers/context.js';
import { createLogger } from '../logger.js';
import { defineJob, JobRunner, nextRunAfter } from './runner.js';
import type { JobTables } from './tables.js';

it('computes the next daily run in UTC', () => {
  const from = new Date('2026-11-25T03:00:00Z');
  expect(nextRunAfter({ dailyAtUtc: '02:30' }, from).toISOString()).toBe('2026-11-26T02:30:00.000Z');
  expect(nextRunAfter({ dailyAtUtc: '04:00' }, from).toISOString()).toBe('2026-11-25T04:00:00.000Z');
  expect(nextRunAfter({ everyMinutes: 90 }, from).toISOString()).toBe('2026-11-25T04:30:00.000Z');
});

describeEachDb('job runner', (env) => {
  const make = (clock: { now: Date }) =>
    new JobRunner(env().ctx.db as unknown as Kysely<JobTables>, createLogger('silent'), () => clock.now);

  it('runs a queued job with progress and stores its result', async () => {
    const clock = { now: new Date('2026-11-25T10:00:00Z') };
    const runner = make(clock);
    runner.register(
      defineJob({
        type: 'test.sum',
        payload: z.object({ values: z.array(z.number()) }),
        handler: async ({ values }, progress) => {
          await progress(1, 2, 'halfway');
          return { sum: values.reduce((a, b) => a + b, 0) };
        },
      }),
    );
    const id = await runner.enqueue('test.sum', { values: [1, 2, 3] });
    expect(await runner.tick()).toBe(1);
    const job = await runner.get(id);
    expect(job).toMatchObject({
      status: 'done',
      progress_done: 1,
      progress_total: 2,
      progress_message: 'halfway',
    });
    expect(JSON.parse(job!.result!)).toEqual({ sum: 6 });
  });

  it('rejects a payload that does not fit the schema at enqueue time', async () => {
    const runner = make({ now: new Date() });
    runner.register(
      defineJob({ type: 'test.strict', payload: z.object({ n: z.number() }), handler: async () => null }),
    );
    await expect(runner.enqueue('test.strict', { n: 'x' })).rejects.toThrow();
    await expect(runner.enqueue('test.unknown', {})).rejects.toThrow(/Unknown job type/);
  });

  it('retries a failing job with backoff and gives up after maxAttempts', async () => {
    const clock = { now: new Date('2026-11-25T10:00:00Z') };
    const runner = make(clock);
    let calls = 0;
    runner.register(
      defineJob({
        type: 'test.fail',
        payload: z.object({}),
        maxAttempts: 2,
        handler: async () => {
          calls++;
          throw new Error('boom');
        },
      }),
    );
    const id = await runner.enqueue('test.fail', {});
    await runner.tick();
    expect((await runner.get(id))?.status).toBe('queued');
    expect(await runner.tick()).toBe(0); // backoff: not due yet
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    await runner.tick();
    const job = await runner.get(id);
    expect(job).toMatchObject({ status: 'failed', error: 'boom' });
    expect(calls).toBe(2);
  });

  it('enqueues a scheduled job once per due time, even with two runners', async () => {
    const clock = { now: new Date('2026-11-25T10:00:00Z') };
    const a = make(clock);
    const b = make(clock);
    let runs = 0;
    const def = defineJob({
      type: 'test.scheduled',
      payload: z.object({}),
      schedule: { everyMinutes: 60 },
      handler: async () => {
        runs++;
      },
    });
    a.register(def);
    b.register(def);
    await a.tick(); // first sight: schedules the first run an hour ahead
    expect(runs).toBe(0);
    clock.now = new Date('2026-11-25T11:00:01Z');
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
  });

  /** A job whose handler runs until the test lets it finish. */
  function gatedJob(runner: JobRunner, type: string) {
    const state = { started: false, sawAbort: false, finish: () => {} };
    const gate = new Promise<void>((resolve) => {
      state.finish = resolve;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    runner.register(
      defineJob({
        type,
        payload: z.object({}),
        handler: async (_payload, progress, signal) => {
          state.started = true;
          started();
          signal.addEventListener('abort', () => {
            state.sawAbort = true;
          });
          await gate;
          await progress(1, 1, 'late');
          return { finished: true };
        },
      }),
    );
    return { state, running };
  }
  const jobRow = (id: number) =>
    env()
      .ctx.db.selectFrom('jobs')
      .select(['status', 'attempts', 'locked_until', 'run_at', 'error', 'result', 'progress_message'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('lets a job that ends within the grace period finish on stop', async () => {
    const runner = make({ now: new Date() });
    const { state, running } = gatedJob(runner, 'test.graceful');
    const id = await runner.enqueue('test.graceful', {});
    const tick = runner.tick();
    await running;
    const stopped = runner.stop({ graceMs: 5_000 });
    setTimeout(() => state.finish(), 50);
    expect(await stopped).toEqual({ released: [] });
    expect(await tick).toBe(1);
    expect(state.sawAbort).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: 'done', locked_until: null, attempts: 1 });
  });

  it('queues a job still running after the grace period again, and a late finish does not overwrite it', async () => {
    const clock = { now: new Date() };
    const runner = make(clock);
    const { state, running } = gatedJob(runner, 'test.slow');
    const other = await runner.enqueue('test.slow', {});
    const id = await runner.enqueue('test.slow', {});
    const tick = runner.tick();
    await running;
    const leased = await jobRow(other);
    expect(leased.status).toBe('running');
    expect(Date.parse(leased.locked_until ?? '')).toBeGreaterThan(clock.now.getTime() + 29 * 60_000);

    expect(await runner.stop({ graceMs: 50 })).toEqual({ released: [other] });
    const released = await jobRow(other);
    expect(released).toMatchObject({ status: 'queued', locked_until: null, attempts: 1 });
    expect(released.error).toMatch(/shutdown/);
    expect(released.run_at <= new Date().toISOString()).toBe(true);

    state.finish(); // the abandoned handler ends after all
    expect(await tick).toBe(1);
    expect(await jobRow(other)).toMatchObject({ status: 'queued', result: null, progress_message: null });
    expect((await jobRow(id)).status).toBe('queued'); // never claimed once stopping

    // Another runner (the next process) takes it over at once.
    const next = make(clock);
    let ran = 0;
    next.register(
      defineJob({
        type: 'test.slow',
        payload: z.object({}),
        handler: async () => {
          ran++;
        },
      }),
    );
    expect(await next.tick()).toBe(2);
    expect(ran).toBe(2);
    expect(await jobRow(other)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('queues a job that stops on the abort signal again instead of counting it as failed', async () => {
    const runner = make({ now: new Date() });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    runner.register(
      defineJob({
        type: 'test.abortable',
        payload: z.object({}),
        maxAttempts: 1,
        handler: (_payload, _progress, signal) =>
          new Promise((_resolve, reject) => {
            started();
            signal.addEventListener('abort', () => reject(new Error('aborted')));
          }),
      }),
    );
    const id = await runner.enqueue('test.abortable', {});
    const tick = runner.tick();
    await running;
    expect(await runner.stop()).toEqual({ released: [] });
    await tick;
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', locked_until: null });
    expect(row.error).toMatch(/shutdown/);
  });
});
