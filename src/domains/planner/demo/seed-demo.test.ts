import { describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { seedDirectoryDemo } from '../../directory/seed/seed-demo.js';
import { addDays } from '../calendar-day.js';
import { checkSequence } from '../plan-rules.js';
import { demoBodies, demoExamples, demoMeetings } from './calendars.js';
import { seedPlannerDemo } from './seed-demo.js';

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

describe('demo calendars', () => {
  it('give a feasible, a tight and an impossible case from whatever weekday they are seeded on', () => {
    for (let i = 0; i < 14; i++) {
      const seedDay = addDays('2026-12-07', i);
      const answers = Object.fromEntries(
        demoExamples(seedDay).map((e) => [
          e.kind,
          demoBodies.map((b) => {
            const meetings = demoMeetings(b, seedDay);
            const steps = b.committees.map((c) => ({
              committee: c.name,
              meetings: meetings
                .filter((m) => m.directoryKey === c.directoryKey)
                .map((m) => ({ day: m.day, cancelled: m.cancelled, deleted: false, ref: m })),
            }));
            return checkSequence(steps, {
              deadline: e.deadline,
              asOf: seedDay,
              leadDays: b.leadDays,
              bufferDays: 0,
            });
          }),
        ]),
      );
      for (const a of answers.feasible) expect(a.feasible && (a.slackDays ?? 0) >= 100, seedDay).toBe(true);
      for (const [j, a] of answers.tight.entries()) {
        expect(a.feasible, seedDay).toBe(true);
        expect(a.slackDays, seedDay).toBeGreaterThanOrEqual(0);
        expect(a.slackDays, seedDay).toBeLessThan(demoBodies[j].warnSlackDays);
      }
      for (const a of answers.impossible) expect(a.feasible, seedDay).toBe(false);
      for (const b of demoBodies)
        for (const m of demoMeetings(b, seedDay)) expect([0, 6], m.day).not.toContain(weekday(m.day));
    }
  });
});

describeEachDb('planner demo data', (env) => {
  const snapshot = async () => {
    const db = env().ctx.db;
    const out: Record<string, unknown[]> = {};
    for (const t of [
      'planner_meetings',
      'planner_sequences',
      'planner_body_settings',
      'planner_examples',
    ] as const)
      out[t] = await db.selectFrom(t).selectAll().orderBy('id').execute();
    out.committees = await db.selectFrom('council_organizations').selectAll().orderBy('id').execute();
    return out;
  };

  it('shows the three cases through the API, marked illustrative, and a later run changes nothing', async () => {
    await seedDirectoryDemo(env().ctx, () => {});
    await seedPlannerDemo(env().ctx, () => {}, '2026-12-08');
    const first = await snapshot();
    expect(first.planner_meetings.length).toBe(13 * 3 + 1 + 10 * 3 + 1);
    await seedPlannerDemo(env().ctx, () => {}, '2027-02-01');
    expect(await snapshot()).toEqual(first);

    const office = await signIn(env(), { role: 'office' });
    const get = async (url: string) =>
      (await env().app.inject({ method: 'GET', url, headers: office.headers })).json();
    const examples = (await get('/api/planner/examples')).items;
    expect(examples.map((e: { kind: string }) => e.kind)).toEqual(['feasible', 'tight', 'impossible']);
    const codes: Record<string, string[][]> = {};
    for (const e of examples) {
      expect(e).toMatchObject({ asOf: '2026-12-08', illustrative: true });
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/planner/check',
        headers: office.headers,
        payload: { deadline: e.deadline, asOf: e.asOf, bodies: e.bodies },
      });
      expect(res.statusCode, res.body).toBe(200);
      codes[e.kind] = res
        .json()
        .bodies.map((b: { warnings: { code: string }[] }) => b.warnings.map((w) => w.code));
      for (const b of res.json().bodies) {
        expect(b.body.name).toMatch(/^(Landeshauptstadt Düsseldorf|Kreis Mettmann)$/);
        for (const s of b.earliest ?? [])
          expect(s.meeting).toMatchObject({ source: 'manual', illustrative: true });
      }
    }
    expect(codes).toEqual({
      feasible: [[], []],
      tight: [['TIGHT'], ['TIGHT']],
      impossible: [['NO_PLAN'], ['NO_PLAN']],
    });
    const bodies = (await get('/api/planner/bodies')).items;
    const lhd = bodies.find((b: { name: string }) => b.name === 'Landeshauptstadt Düsseldorf');
    expect(lhd).toMatchObject({
      committeeCount: 3,
      sequenceCount: 1,
      settings: { leadDays: 28, illustrative: true },
    });
    const detail = await get(`/api/planner/bodies/${lhd.id}`);
    expect(
      detail.committees.every(
        (c: { illustrative: boolean; handEntered: boolean }) => c.illustrative && c.handEntered,
      ),
    ).toBe(true);
    // The directory keeps the same committees, with their source note saying they are illustrative.
    const dir = await env()
      .ctx.db.selectFrom('organizations')
      .select(['name', 'source'])
      .where(
        'name',
        'in',
        detail.committees.map((c: { name: string }) => c.name),
      )
      .execute();
    expect(dir).toHaveLength(3);
    for (const o of dir) expect(o.source).toMatch(/illustrativ/);
  });
});
