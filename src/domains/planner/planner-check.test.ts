import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { makeNonPublic, plantPlannerWorld } from './test-calendar.js';

describeEachDb('planner API: ad-hoc questions', (env) => {
  let w: Awaited<ReturnType<typeof plantPlannerWorld>>;
  let office: SignedIn;
  let orgA: number;
  const check = (payload: object, headers: Record<string, string> = office.headers) =>
    env().app.inject({ method: 'POST', url: '/api/planner/check', payload, headers });

  beforeAll(async () => {
    w = await plantPlannerWorld(env().ctx);
    office = await signIn(env(), { role: 'office' });
    const org = await env().app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: office.headers,
      payload: { name: 'Stadtwerke Ahorn', kind: 'partner' },
    });
    orgA = org.json().id;
    await makeNonPublic(env().ctx, w.geheim, orgA);
  });

  const question = () => ({
    deadline: '2027-03-10',
    asOf: '2027-01-04',
    bodies: [
      { bodyId: w.stadt, committeeIds: [w.fa, w.hfa, w.rat], leadDays: 14 },
      { bodyId: w.kreis, committeeIds: [w.ka, w.kt], leadDays: 21 },
    ],
  });

  it('answers per body: latest and earliest plan, filing date, slack and warnings', async () => {
    const res = await check(question());
    expect(res.statusCode, res.body).toBe(200);
    const [stadt, kreis] = res.json().bodies;
    const steps = (p: { committee: string; meetingDate: string }[]) =>
      p.map((s) => `${s.committee} ${s.meetingDate}`);
    // The cancelled HFA of 24.02. does not count, so the latest plan goes back to January.
    expect(steps(stadt.latest)).toEqual([
      'Ausschuss für Wirtschaft 2027-01-20',
      'Haupt- und Finanzausschuss 2027-01-27',
      'Rat 2027-03-03',
    ]);
    expect(steps(stadt.earliest)).toEqual([
      'Ausschuss für Wirtschaft 2027-01-20',
      'Haupt- und Finanzausschuss 2027-01-27',
      'Rat 2027-02-03',
    ]);
    expect(stadt).toMatchObject({
      body: { id: w.stadt, name: 'Stadt Sonnenberg' },
      feasible: true,
      latestFilingDate: '2027-01-06',
      slackDays: 2,
      earliestFilingDate: '2027-01-06',
      earliestDecisionDate: '2027-02-03',
      leadDays: 14,
      warnSlackDays: 14,
    });
    expect(stadt.latest[0].meeting).toMatchObject({ source: 'imported', startTime: '17:00' });
    expect(stadt.warnings.map((x: { code: string }) => x.code)).toEqual(['TIGHT']);
    expect(stadt.warnings[0].messageDe).toContain('06.01.2027');
    expect(kreis).toMatchObject({
      feasible: true,
      latestFilingDate: '2027-01-20',
      slackDays: 16,
      warnings: [],
    });
  });

  it('warns when no plan fits, and when a committee has no meetings', async () => {
    const res = await check({ ...question(), deadline: '2027-02-01', warnSlackDays: 30 });
    const [stadt, kreis] = res.json().bodies;
    expect(stadt).toMatchObject({ feasible: false, latest: null, latestFilingDate: null, slackDays: null });
    // The earliest plan ends after the deadline: read beyond the deadline's window.
    expect(stadt.earliestDecisionDate).toBe('2027-02-03');
    expect(kreis.earliestDecisionDate).toBe('2027-02-18');
    expect(stadt.warnings.map((x: { code: string }) => x.code)).toEqual(['NO_PLAN']);
    expect(kreis.warnings.map((x: { code: string }) => x.code)).toEqual(['NO_PLAN']);
    const late = await check({ ...question(), asOf: '2027-03-01', deadline: '2027-12-31' });
    const k = late.json().bodies[1];
    expect(
      k.warnings.map((x: { code: string; params: { committee?: string } }) => [x.code, x.params.committee]),
    ).toEqual([
      ['NO_MEETINGS', 'Kreisausschuss'],
      ['NO_MEETINGS', 'Kreistag'],
      ['NO_PLAN', undefined],
    ]);
  });

  it('reports a passed filing date as not feasible with negative slack', async () => {
    const res = await check({ ...question(), asOf: '2027-01-19', deadline: '2027-02-05' });
    const stadt = res.json().bodies[0];
    expect(stadt).toMatchObject({ feasible: false, latestFilingDate: '2027-01-06', slackDays: -13 });
    expect(stadt.warnings.map((x: { code: string }) => x.code)).toEqual(['FILING_DATE_PASSED']);
  });

  it('takes the buffer days and a saved sequence', async () => {
    const seq = await env().app.inject({
      method: 'POST',
      url: `/api/planner/bodies/${w.stadt}/sequences`,
      headers: office.headers,
      payload: { name: 'Standard', committeeIds: [w.fa, w.hfa, w.rat] },
    });
    expect(seq.statusCode, seq.body).toBe(201);
    const res = await check({
      deadline: '2027-03-10',
      asOf: '2027-01-04',
      bufferDays: 8,
      bodies: [{ bodyId: w.stadt, sequenceId: seq.json().id, leadDays: 0 }],
    });
    const stadt = res.json().bodies[0];
    expect(stadt.sequence).toEqual({ id: seq.json().id, name: 'Standard' });
    expect(stadt.latest.map((s: { meetingDate: string }) => s.meetingDate)).toEqual([
      '2027-01-20',
      '2027-01-27',
      '2027-02-03',
    ]);
  });

  it('refuses bad questions with a German and English error, never a 500', async () => {
    const cases: [object, number, string][] = [
      [{ ...question(), deadline: '2027-01-03' }, 400, 'PLANNER_DEADLINE_BEFORE_AS_OF'],
      [{ ...question(), deadline: '2027-02-30' }, 400, 'PLANNER_INVALID_DATE'],
      [{ ...question(), asOf: '2027-13-01' }, 400, 'PLANNER_INVALID_DATE'],
      [{ ...question(), deadline: '10.03.2027' }, 400, 'VALIDATION_FAILED'],
      [{ ...question(), bufferDays: -1 }, 400, 'VALIDATION_FAILED'],
      [{ ...question(), bodies: [] }, 400, 'VALIDATION_FAILED'],
      [
        { ...question(), bodies: [{ bodyId: w.stadt, committeeIds: [w.ka] }] },
        400,
        'PLANNER_COMMITTEE_OUTSIDE_BODY',
      ],
      [
        { ...question(), bodies: [{ bodyId: w.stadt, committeeIds: [w.fa], sequenceId: 1 }] },
        400,
        'PLANNER_SEQUENCE_CHOICE',
      ],
      [{ ...question(), bodies: [{ bodyId: w.stadt }] }, 400, 'PLANNER_SEQUENCE_CHOICE'],
      [{ ...question(), bodies: [{ bodyId: 999_999, committeeIds: [w.fa] }] }, 404, 'NOT_FOUND'],
      [{ ...question(), bodies: [{ bodyId: w.stadt, committeeIds: [999_999] }] }, 404, 'NOT_FOUND'],
      [{ ...question(), bodies: [{ bodyId: w.stadt, sequenceId: 999_999 }] }, 404, 'NOT_FOUND'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await check(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json()).toMatchObject({ code, message: expect.any(String), messageDe: expect.any(String) });
    }
    expect((await check(question(), {})).statusCode).toBe(401);
  });

  it('counts a non-public committee only for those who may read it', async () => {
    const readerB = await signIn(env(), { role: 'reader' });
    const readerA = await signIn(env(), { role: 'reader', organizationId: orgA });
    const q = {
      deadline: '2027-03-10',
      asOf: '2027-01-04',
      bodies: [{ bodyId: w.stadt, committeeIds: [w.geheim] }],
    };
    const hidden = await check(q, readerB.headers);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Geheimprojekt');
    const shown = await check(q, readerA.headers);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().bodies[0].latest[0]).toMatchObject({ meetingDate: '2027-02-01' });
  });
});
