import type { AppContext } from '../src/app/context.js';
import { systemActor } from '../src/domains/access/actor.js';
import { addDays } from '../src/domains/planner/calendar-day.js';
import { checkPlan, type PlanQuestion } from '../src/domains/planner/check-plan.js';
import { checkSequence } from '../src/domains/planner/plan-rules.js';
import { createPgDatabase, openContext, sqliteUrl } from './lib/databases.js';
import { FIRST, o, rng, seedPlannerRegion } from './lib/planner-region.js';
import type { BenchContext, BenchMetric, BenchReport } from './lib/types.js';
import { median, ratioOf } from './lib/types.js';

/**
 * `planner check` over 10 years of meetings of 12 bodies (60 committees, 6,000 imported meetings plus
 * hand-entered ones): one question asks all 12 bodies (a 3-step sequence each). Goal: ≤ 20 ms per
 * question. Baseline, same run: the obvious implementation — every meeting of each committee read
 * (no as-of window), its Berlin day through Intl, one query per committee.
 */

async function questionsFor(ctx: AppContext, n: number, r: () => number): Promise<PlanQuestion[]> {
  const bodies = await ctx.db
    .selectFrom('council_bodies')
    .select(['id', 'oparl_id'])
    .where('oparl_id', 'like', o('body/%'))
    .execute();
  const orgs = await ctx.db.selectFrom('council_organizations').select(['id', 'oparl_id']).execute();
  const id = (oparlId: string) => orgs.find((x) => x.oparl_id === oparlId)?.id as number;
  const perBody = bodies.map((b) => {
    const n = b.oparl_id.split('/').pop();
    return { bodyId: b.id, committeeIds: [0, 1, 2].map((c) => id(o(`org/${n}/${c}`))) };
  });
  return Array.from({ length: n }, () => {
    const asOf = addDays('2023-01-01', Math.floor(r() * 2700));
    return { asOf, deadline: addDays(asOf, 120 + Math.floor(r() * 245)), bodies: perBody };
  });
}

const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The obvious implementation: all meetings of each committee, one query each, Intl per meeting. */
async function naiveCheck(ctx: AppContext, q: PlanQuestion) {
  const out = [];
  for (const b of q.bodies) {
    const steps = [];
    for (const committeeId of b.committeeIds ?? []) {
      const org = await ctx.db
        .selectFrom('council_organizations')
        .select('oparl_id')
        .where('id', '=', committeeId)
        .executeTakeFirstOrThrow();
      const imported = await ctx.db
        .selectFrom('council_meetings')
        .select(['id', 'start_at', 'cancelled', 'deleted', 'organization_ids_json'])
        .where('organization_ids_json', 'like', `%${JSON.stringify(org.oparl_id)}%`)
        .execute();
      const manual = await ctx.db
        .selectFrom('planner_meetings')
        .selectAll()
        .where('committee_oparl_id', '=', org.oparl_id)
        .execute();
      const days = new Set<string>();
      const meetings = imported.map((m) => {
        const day = berlin.format(new Date(m.start_at as string));
        days.add(day);
        return { day, cancelled: m.cancelled === 1, deleted: m.deleted === 1, ref: m.id };
      });
      for (const m of manual)
        if (!days.has(m.meeting_date))
          meetings.push({
            day: m.meeting_date,
            cancelled: m.cancelled === 1,
            deleted: m.deleted === 1,
            ref: m.id,
          });
      steps.push({ committee: committeeId, meetings });
    }
    out.push(
      checkSequence(steps, { deadline: q.deadline, asOf: q.asOf as string, leadDays: 21, bufferDays: 0 }),
    );
  }
  return out;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function p95(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
}

async function measure(
  ctx: AppContext,
  label: string,
  log: BenchContext['log'],
): Promise<{ metrics: BenchMetric[]; note: string }> {
  const started = performance.now();
  const { manual } = await seedPlannerRegion(ctx);
  const counts = await ctx.db
    .selectFrom('council_meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  log(
    `${label}: seeded ${counts.n} meetings and ${manual} hand-entered in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const deps = { db: ctx.db, dialect: ctx.dialect, actor: systemActor('bench') };
  const questions = await questionsFor(ctx, 220, rng(11));
  // The two implementations agree (the bench would be meaningless otherwise).
  for (const q of questions.slice(0, 10)) {
    const a = (await checkPlan(deps, q)).bodies.map((b) => [b.latestFilingDate, b.earliestDecisionDate]);
    const n = (await naiveCheck(ctx, q)).map((b) => [b.latestFilingDate, b.earliestDecisionDate]);
    if (JSON.stringify(a) !== JSON.stringify(n))
      throw new Error(`planner and baseline disagree for ${JSON.stringify(q)}`);
  }
  const warm = questions.slice(0, 20);
  const measured = questions.slice(20);
  for (const q of warm) await checkPlan(deps, q);
  const ours: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (const q of measured) ours.push(await timed(() => checkPlan(deps, q)));
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerQuestion = (cpu.user + cpu.system) / 1000 / measured.length;
  for (const q of warm.slice(0, 5)) await naiveCheck(ctx, q);
  const naive: number[] = [];
  for (const q of measured.slice(0, 60)) naive.push(await timed(() => naiveCheck(ctx, q)));
  const earliestAsOf = { ...questions[0], asOf: FIRST, deadline: addDays(FIRST, 3650) };
  const whole: number[] = [];
  for (let i = 0; i < 20; i++) whole.push(await timed(() => checkPlan(deps, earliestAsOf)));
  const feasible = (await Promise.all(measured.slice(0, 40).map((q) => checkPlan(deps, q))))
    .flatMap((a) => a.bodies)
    .filter((b) => b.feasible).length;
  return {
    metrics: [
      {
        name: `${label}: p95 per question (12 bodies × 3 committees)`,
        value: p95(ours),
        unit: 'ms',
        baseline: { label: 'naive: every meeting, one query per committee', value: p95(naive) },
        ratio: ratioOf(p95(ours), p95(naive), false),
        goal: '≤ 20 ms',
        met: p95(ours) <= 20,
      },
      {
        name: `${label}: median per question`,
        value: median(ours),
        unit: 'ms',
        baseline: { label: 'naive', value: median(naive) },
        ratio: ratioOf(median(ours), median(naive), false),
      },
      {
        name: `${label}: CPU time of this process per question (independent of machine load${label === 'PostgreSQL' ? '; the database server’s share not included' : ''})`,
        value: cpuPerQuestion,
        unit: 'ms',
        ...(label === 'SQLite' ? { goal: '≤ 20 ms', met: cpuPerQuestion <= 20 } : {}),
      },
      {
        name: `${label}: diagnostic, as-of on the first day (all 10 years read), median`,
        value: median(whole),
        unit: 'ms',
      },
    ],
    note: `${label}: ${counts.n} imported meetings, ${manual} hand-entered; ${measured.length} questions measured (${naive.length} for the baseline), as-of days spread over 2023–2030, deadlines 120–365 days later; ${feasible} of 480 sampled body answers feasible`,
  };
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const metrics: BenchMetric[] = [];
  const notes: string[] = [];
  const sqlite = await openContext(sqliteUrl(ctx.outDir, 'planner'));
  try {
    const m = await measure(sqlite, 'SQLite', ctx.log);
    metrics.push(...m.metrics);
    notes.push(m.note);
  } finally {
    await sqlite.database.close();
  }
  const pgDb = await createPgDatabase(ctx.pgAdminUrl);
  const pgCtx = await openContext(pgDb.url);
  try {
    const m = await measure(pgCtx, 'PostgreSQL', ctx.log);
    metrics.push(...m.metrics);
    notes.push(m.note);
  } finally {
    await pgCtx.database.close();
    await pgDb.drop();
  }
  notes.push(
    'in process (checkPlan, the service behind POST /api/planner/check and `planner check`), office actor',
  );
  return { title: 'Fristenplaner: one question over 10 years of meetings of 12 bodies', metrics, notes };
}
