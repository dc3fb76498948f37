import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { JobRunner, nextRunAfter } from '../../infra/jobs/runner.js';
import type { JobTables } from '../../infra/jobs/tables.js';
import { createLogger } from '../../infra/logger.js';
import { systemActor } from '../access/actor.js';
import { auditModule } from './module.js';
import { recordAudit } from './record-audit.js';

const DAY = 86_400_000;

describeEachDb('audit retention', (env) => {
  /** Audit rows aged in days, named by their entity id. */
  async function plant(ages: Record<string, number>): Promise<void> {
    const { ctx } = env();
    for (const [name, days] of Object.entries(ages)) {
      await recordAudit(ctx.db, {
        actor: systemActor('test'),
        entityType: 'retention',
        entityId: name,
        action: 'update',
      });
      await ctx.db
        .updateTable('audit_log')
        .set({ at: new Date(Date.now() - days * DAY).toISOString() })
        .where('entity_type', '=', 'retention')
        .where('entity_id', '=', name)
        .execute();
    }
  }
  const remaining = async () =>
    (
      await env()
        .ctx.db.selectFrom('audit_log')
        .select('entity_id')
        .where('entity_type', '=', 'retention')
        .orderBy('id')
        .execute()
    ).map((r) => r.entity_id);

  it('deletes rows past two years at its nightly time and keeps the recent ones', async () => {
    const { ctx } = env();
    await plant({ ancient: 3650, old: 800, justOver: 731, justUnder: 729, lastMonth: 31, today: 0 });
    // A runner with its own clock and the audit domain's real job definition.
    const clock = { now: new Date() };
    const runner = new JobRunner(
      ctx.db as unknown as Kysely<JobTables>,
      createLogger('silent'),
      () => clock.now,
    );
    for (const def of auditModule.jobs?.(ctx) ?? []) runner.register(def);
    const job = runner.definitions().find((d) => d.type === 'audit.retention');
    expect(job?.schedule).toEqual({ dailyAtUtc: '02:30' });

    expect(await runner.tick()).toBe(0); // first sight of the schedule: the next 02:30 is planned
    expect(await remaining()).toHaveLength(6);

    clock.now = new Date(nextRunAfter({ dailyAtUtc: '02:30' }, clock.now).getTime() + 60_000);
    expect(await runner.tick()).toBe(1);
    expect(await remaining()).toEqual(['justUnder', 'lastMonth', 'today']);
    const [row] = await runner.list(1);
    expect(row).toMatchObject({ type: 'audit.retention', status: 'done' });
    expect(JSON.parse(row.result ?? 'null')).toEqual({ deleted: 3 });

    expect(await runner.tick()).toBe(0); // once per due time
  });

  it('takes a shorter retention as payload, but never below 30 days', async () => {
    const { ctx } = env();
    await plant({ fortyDays: 40, twentyDays: 20 });
    await expect(ctx.jobs.enqueue('audit.retention', { days: 7 })).rejects.toThrow();
    const id = await ctx.jobs.enqueue('audit.retention', { days: 30 });
    await ctx.jobs.tick();
    expect(await ctx.jobs.get(id)).toMatchObject({ status: 'done' });
    const left = await remaining();
    expect(left).toContain('twentyDays');
    expect(left).not.toContain('fortyDays');
    expect(left).not.toContain('lastMonth'); // 31 days old, from the test before
    expect(left).toContain('today');
  });
});
