import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { makeCall, makeOrganization, makeRound } from '../alerts/test-data.js';

describeEachDb('funding matching', (env) => {
  it('matches calls to a project with reasons and learns from the organisation’s feedback', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db, 'Kreis Mettmann');
    const mobility = await makeCall(db, {
      title: 'Regio.NRW Mobilität: regionale Radverkehrsnetze',
      text: 'Gefördert werden regionale Radverkehrsnetze und Mobilitätsstationen.',
      fields: ['mobility'],
      applicants: ['Kommune'],
      regions: ['Nordrhein-Westfalen'],
    });
    const soon = new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
    await makeRound(db, mobility, soon);
    const digital = await makeCall(db, {
      title: 'Digitale Verwaltung in Kommunen',
      fields: ['mobility', 'digital'],
      applicants: ['Kommune'],
      regions: ['bundesweit'],
    });
    await makeCall(db, {
      title: 'Gründungszuschuss',
      fields: ['mobility'],
      applicants: ['Existenzgründer/in'],
    });
    const hidden = await makeCall(db, {
      title: 'Radverkehr intern',
      fields: ['mobility'],
      isPublic: false,
      owner: org + 1000,
    });

    const partner = await signIn(env(), { role: 'partner', organizationId: org });
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/funding/projects',
      headers: partner.headers,
      payload: {
        title: 'Regionales Radverkehrsnetz Kreis Mettmann',
        description: 'Mobilitätsstationen und Radverkehrsnetze',
        fieldsOfAction: ['mobility'],
        applicantType: 'Kommunen',
        regionAgs: '05158000',
      },
    });
    expect(created.statusCode).toBe(201);
    const projectId = created.json().id;

    const res = await env().app.inject({
      method: 'GET',
      url: `/api/funding/matches?project=${projectId}`,
      headers: partner.headers,
    });
    expect(res.statusCode).toBe(200);
    const items: { callId: number; reasons: string[] }[] = res.json().items;
    const ids = items.map((i) => i.callId);
    expect(ids[0]).toBe(mobility);
    expect(ids).toContain(digital);
    expect(ids).not.toContain(hidden);
    expect(items[0].reasons).toEqual(
      expect.arrayContaining([
        'Handlungsfeld mobility',
        'antragsberechtigt: Kommune',
        'Region NRW',
        'Frist in 42 Tagen',
      ]),
    );

    for (const [callId, relevant] of [
      [digital, true],
      [mobility, false],
    ] as const) {
      const fb = await env().app.inject({
        method: 'POST',
        url: '/api/funding/match-feedback',
        headers: partner.headers,
        payload: { callId, relevant },
      });
      expect(fb.statusCode).toBe(200);
    }
    const after = await env().app.inject({
      method: 'GET',
      url: `/api/funding/matches?project=${projectId}`,
      headers: partner.headers,
    });
    const afterIds = after.json().items.map((i: { callId: number }) => i.callId);
    expect(afterIds[0]).toBe(digital);

    const other = await signIn(env(), { role: 'partner', organizationId: await makeOrganization(db) });
    const denied = await env().app.inject({
      method: 'GET',
      url: `/api/funding/matches?organization=${org}`,
      headers: other.headers,
    });
    expect(denied.statusCode).toBe(403);
    const odd = await env().app.inject({
      method: 'GET',
      url: '/api/funding/matches?project=abc',
      headers: partner.headers,
    });
    expect(odd.statusCode).toBe(400);
  });
});
