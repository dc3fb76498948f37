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
});
