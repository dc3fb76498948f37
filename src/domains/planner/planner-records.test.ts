import { beforeAll, describe, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { importMeetings, makeNonPublic, plantPlannerWorld } from './test-calendar.js';

describeEachDb('planner API: hand-entered meetings, settings, sequences', (env) => {
  let w: Awaited<ReturnType<typeof plantPlannerWorld>>;
  let office: SignedIn;
  let reader: SignedIn;
  let orgA: number;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    who?: SignedIn,
  ) => env().app.inject({ method, url, payload, headers: (who ?? office).headers });
  const audits = (entityType: string, entityId: number) =>
    env()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute();
  const calendar = async (from = '2027-01-04', who?: SignedIn) =>
    (await call('GET', `/api/planner/calendar?bodyId=${w.stadt}&from=${from}`, undefined, who)).json();

  beforeAll(async () => {
    w = await plantPlannerWorld(env().ctx);
    office = await signIn(env(), { role: 'office' });
    reader = await signIn(env(), { role: 'reader' });
    orgA = (await call('POST', '/api/organizations', { name: 'Stadtwerke Ahorn', kind: 'partner' })).json()
      .id;
    await makeNonPublic(env().ctx, w.geheim, orgA);
  });

  describe('hand-entered meetings', () => {
    it('are entered by the office, audited, kept apart from imported ones and counted', async () => {
      const res = await call('POST', '/api/planner/meetings', {
        committeeId: w.rat,
        date: '2027-04-28',
        startTime: '15:00',
        note: 'Terminplan 2027',
      });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json();
      expect(m).toMatchObject({
        committee: 'Rat',
        date: '2027-04-28',
        cancelled: false,
        isPublic: true,
        version: 1,
      });
      expect((await audits('planner_meeting', m.id)).map((a) => a.action)).toEqual(['create']);
      const entry = (await calendar()).items.find((e: { date: string }) => e.date === '2027-04-28');
      expect(entry).toMatchObject({
        source: 'manual',
        counted: true,
        superseded: false,
        manual: { id: m.id },
      });
      const check = await call('POST', '/api/planner/check', {
        deadline: '2027-05-01',
        asOf: '2027-01-04',
        bodies: [{ bodyId: w.stadt, committeeIds: [w.hfa, w.rat], leadDays: 0 }],
      });
      expect(check.json().bodies[0].latest[1]).toMatchObject({
        meetingDate: '2027-04-28',
        meeting: { source: 'manual', id: m.id },
      });
    });

    it('refuses a second meeting on the same day, entered or imported, and readers', async () => {
      const twice = await call('POST', '/api/planner/meetings', { committeeId: w.rat, date: '2027-04-28' });
      expect(twice.json()).toMatchObject({
        code: 'PLANNER_DUPLICATE_MEETING',
        messageDe: expect.stringContaining('28.04.2027'),
      });
      const imported = await call('POST', '/api/planner/meetings', {
        committeeId: w.rat,
        date: '2027-03-03',
      });
      expect(imported.json().code).toBe('PLANNER_MEETING_IMPORTED');
      const bad = await call('POST', '/api/planner/meetings', { committeeId: w.rat, date: '2027-02-29' });
      expect(bad.json().code).toBe('PLANNER_INVALID_DATE');
      const forbidden = await call(
        'POST',
        '/api/planner/meetings',
        { committeeId: w.rat, date: '2027-05-05' },
        reader,
      );
      expect(forbidden.statusCode).toBe(403);
      const count = await env().ctx.db.selectFrom('planner_meetings').select('id').execute();
      expect(count).toHaveLength(1);
    });

    it('is superseded, not counted twice, once the council system has the committee that day', async () => {
      const m = (
        await call('POST', '/api/planner/meetings', { committeeId: w.hfa, date: '2027-04-21' })
      ).json();
      await importMeetings(env().ctx, 'stadt', [
        { key: 'hfa4', committees: ['hfa'], start: '2027-04-21T16:00' },
      ]);
      const items = (await calendar()).items.filter((e: { date: string }) => e.date === '2027-04-21');
      expect(
        items.map((e: { source: string; counted: boolean; superseded: boolean }) => [
          e.source,
          e.counted,
          e.superseded,
        ]),
      ).toEqual([
        ['imported', true, false],
        ['manual', false, true],
      ]);
      const check = await call('POST', '/api/planner/check', {
        deadline: '2027-04-25',
        asOf: '2027-04-01',
        bodies: [{ bodyId: w.stadt, committeeIds: [w.hfa], leadDays: 0 }],
      });
      expect(check.json().bodies[0].latest[0].meeting).toMatchObject({ source: 'imported' });
      expect(m.id).toBeGreaterThan(0);
    });

    it('is cancelled and removed with its version (409 when stale), audited each time', async () => {
      const m = (
        await call('POST', '/api/planner/meetings', { committeeId: w.fa, date: '2027-04-14' })
      ).json();
      const stale = await call('PATCH', `/api/planner/meetings/${m.id}`, { cancelled: true, version: 9 });
      expect(stale.statusCode).toBe(409);
      const cancelled = await call('PATCH', `/api/planner/meetings/${m.id}`, { cancelled: true, version: 1 });
      expect(cancelled.json()).toMatchObject({ cancelled: true, version: 2 });
      const entry = (await calendar()).items.find((e: { date: string }) => e.date === '2027-04-14');
      expect(entry).toMatchObject({ cancelled: true, counted: false });
      expect((await call('DELETE', `/api/planner/meetings/${m.id}?version=1`)).statusCode).toBe(409);
      expect((await call('DELETE', `/api/planner/meetings/${m.id}?version=2`)).statusCode).toBe(204);
      expect((await calendar()).items.some((e: { date: string }) => e.date === '2027-04-14')).toBe(false);
      expect((await audits('planner_meeting', m.id)).map((a) => a.action)).toEqual([
        'create',
        'update',
        'delete',
      ]);
      const row = await env()
        .ctx.db.selectFrom('planner_meetings')
        .selectAll()
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      expect(row.deleted).toBe(1);
    });

    it('of a non-public committee are as hidden as the committee', async () => {
      const m = await call('POST', '/api/planner/meetings', { committeeId: w.geheim, date: '2027-05-03' });
      expect(m.json()).toMatchObject({ isPublic: false });
      const readerA = await signIn(env(), { role: 'reader', organizationId: orgA });
      const dates = async (who: SignedIn) =>
        (await calendar('2027-01-04', who)).items.filter((e: { committee: string }) =>
          e.committee.startsWith('Geheimprojekt'),
        );
      expect(await dates(reader)).toEqual([]);
      expect((await dates(readerA)).map((e: { date: string }) => e.date)).toEqual([
        '2027-02-01',
        '2027-05-03',
      ]);
      const csv = await call(
        'GET',
        `/api/planner/calendar?bodyId=${w.stadt}&from=2027-01-04&format=csv`,
        undefined,
        reader,
      );
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain('Datum;Uhrzeit;Gremium');
      expect(csv.body).toContain('03.02.2027;15:00;Rat;Ratsinformationssystem');
      expect(csv.body).not.toContain('Geheimprojekt');
    });
  });

  describe('body settings and sequences', () => {
    it('keeps lead days and the warning threshold per body, by version, audited', async () => {
      const first = await call('PUT', `/api/planner/bodies/${w.stadt}/settings`, {
        leadDays: 21,
        warnSlackDays: 10,
      });
      expect(first.json()).toMatchObject({ leadDays: 21, warnSlackDays: 10, stored: true, version: 1 });
      const again = await call('PUT', `/api/planner/bodies/${w.stadt}/settings`, {
        leadDays: 28,
        warnSlackDays: 10,
      });
      expect(again.statusCode).toBe(409);
      const second = await call('PUT', `/api/planner/bodies/${w.stadt}/settings`, {
        leadDays: 14,
        warnSlackDays: 10,
        version: 1,
      });
      expect(second.json()).toMatchObject({ leadDays: 14, version: 2 });
      expect(
        (
          await call(
            'PUT',
            `/api/planner/bodies/${w.stadt}/settings`,
            { leadDays: 1, warnSlackDays: 1, version: 2 },
            reader,
          )
        ).statusCode,
      ).toBe(403);
      const audit = await audits('planner_body_settings', w.stadt);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      expect(JSON.parse(audit[1].before_json ?? '{}')).toMatchObject({ leadDays: 21 });
      const check = await call('POST', '/api/planner/check', {
        deadline: '2027-03-10',
        asOf: '2027-01-04',
        bodies: [{ bodyId: w.stadt, committeeIds: [w.fa, w.hfa, w.rat] }],
      });
      expect(check.json().bodies[0]).toMatchObject({ leadDays: 14, warnSlackDays: 10, slackDays: 2 });
      const list = (await call('GET', '/api/planner/bodies', undefined, reader)).json().items;
      expect(list.find((b: { id: number }) => b.id === w.stadt)).toMatchObject({
        settings: { leadDays: 14 },
      });
    });

    it('keeps named sequences of the body, hides those naming a committee the reader may not see', async () => {
      const open = await call('POST', `/api/planner/bodies/${w.stadt}/sequences`, {
        name: 'Beschluss',
        committeeIds: [w.fa, w.rat],
      });
      expect(open.statusCode, open.body).toBe(201);
      const secret = await call('POST', `/api/planner/bodies/${w.stadt}/sequences`, {
        name: 'Vertraulich',
        committeeIds: [w.geheim, w.rat],
      });
      expect(secret.statusCode).toBe(201);
      const dup = await call('POST', `/api/planner/bodies/${w.stadt}/sequences`, {
        name: 'Beschluss',
        committeeIds: [w.rat],
      });
      expect(dup.json().code).toBe('PLANNER_DUPLICATE_SEQUENCE');
      const foreign = await call('POST', `/api/planner/bodies/${w.stadt}/sequences`, {
        name: 'Kreis',
        committeeIds: [w.kt],
      });
      expect(foreign.json().code).toBe('PLANNER_COMMITTEE_OUTSIDE_BODY');
      const renamed = await call('PATCH', `/api/planner/sequences/${open.json().id}`, {
        name: 'Beschluss (kurz)',
        committeeIds: [w.hfa, w.rat],
        version: 1,
      });
      expect(renamed.json()).toMatchObject({
        name: 'Beschluss (kurz)',
        committees: [{ name: 'Haupt- und Finanzausschuss' }, { name: 'Rat' }],
      });
      const forReader = (await call('GET', `/api/planner/bodies/${w.stadt}`, undefined, reader)).json();
      expect(forReader.sequences.map((s: { name: string }) => s.name)).toEqual(['Beschluss (kurz)']);
      expect(JSON.stringify(forReader)).not.toContain('Geheimprojekt');
      const forOffice = (await call('GET', `/api/planner/bodies/${w.stadt}`)).json();
      expect(forOffice.sequences.map((s: { name: string }) => s.name)).toEqual([
        'Beschluss (kurz)',
        'Vertraulich',
      ]);
      expect(
        forOffice.committees.find((c: { name: string }) => c.name.startsWith('Rat der Stadt')),
      ).toMatchObject({ ended: true });
      expect((await call('DELETE', `/api/planner/sequences/${secret.json().id}?version=1`)).statusCode).toBe(
        204,
      );
      expect((await audits('planner_sequence', open.json().id)).map((a) => a.action)).toEqual([
        'create',
        'update',
      ]);
      expect((await audits('planner_sequence', secret.json().id)).map((a) => a.action)).toEqual([
        'create',
        'delete',
      ]);
    });
  });
});
