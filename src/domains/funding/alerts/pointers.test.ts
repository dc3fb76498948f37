import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { makeCall, makeOrganization } from './test-data.js';

describeEachDb('pointing out a call to partner organisations', (env) => {
  it('stores the pointer with audit and activity and shows it on the partner’s dashboard only', async () => {
    const { db } = env().ctx;
    const city = await makeOrganization(db, 'Landeshauptstadt Düsseldorf');
    const district = await makeOrganization(db, 'Kreis Mettmann');
    const callId = await makeCall(db, { title: 'Regio.NRW Transformation' });
    const office = await signIn(env(), { role: 'office' });
    const partner = await signIn(env(), { role: 'partner', organizationId: district });

    const denied = await env().app.inject({
      method: 'POST',
      url: '/api/funding/pointers',
      headers: partner.headers,
      payload: { callId, organizationIds: [city] },
    });
    expect(denied.statusCode).toBe(403);
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/funding/pointers',
      headers: office.headers,
      payload: {
        callId,
        organizationIds: [district],
        note: 'Passt zu Ihrem Radwegekonzept – Skizze bis Januar?',
      },
    });
    expect(res.statusCode).toBe(201);
    const [pointerId] = res.json().ids;

    const mine = await env().app.inject({
      method: 'GET',
      url: '/api/funding/pointers',
      headers: partner.headers,
    });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: pointerId,
        callId,
        callTitle: 'Regio.NRW Transformation',
        createdBy: office.user.email,
      }),
    ]);
    const foreign = await env().app.inject({
      method: 'GET',
      url: `/api/funding/pointers?organization=${city}`,
      headers: partner.headers,
    });
    expect(foreign.statusCode).toBe(403);
    const officeView = await env().app.inject({
      method: 'GET',
      url: `/api/funding/pointers?organization=${city}`,
      headers: office.headers,
    });
    expect(officeView.json().items).toEqual([]);

    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'funding_pointer')
      .where('entity_id', '=', String(pointerId))
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);
    const activity = await db
      .selectFrom('funding_activity')
      .select(['kind', 'summary'])
      .where('call_id', '=', callId)
      .execute();
    expect(activity).toEqual([
      { kind: 'pointer', summary: 'Aufruf „Regio.NRW Transformation“ an Kreis Mettmann weitergeleitet' },
    ]);
  });

  it('serves the call’s activity log: all entries to the office, a partner only its own, nothing for hidden calls', async () => {
    const { db } = env().ctx;
    const city = await makeOrganization(db, 'Stadt Hilden');
    const town = await makeOrganization(db, 'Stadt Haan');
    const callId = await makeCall(db, { title: 'Klimaresiliente Innenstädte' });
    const hidden = await makeCall(db, { title: 'Interner Aufruf', isPublic: false, owner: town });
    const office = await signIn(env(), { role: 'office' });
    const cityPartner = await signIn(env(), { role: 'partner', organizationId: city });
    const nobody = await signIn(env(), { role: 'reader' });
    for (const [id, orgs] of [
      [callId, [city, town]],
      [hidden, [town]],
    ] as const) {
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/funding/pointers',
        headers: office.headers,
        payload: { callId: id, organizationIds: orgs, note: 'Bitte prüfen' },
      });
      expect(res.statusCode).toBe(201);
    }
    const activity = (headers: Record<string, string>, id = callId) =>
      env().app.inject({ method: 'GET', url: `/api/funding/calls/${id}/activity`, headers });

    const all = await activity(office.headers);
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json()
        .items.map((i: { organizationName: string }) => i.organizationName)
        .sort(),
    ).toEqual(['Stadt Haan', 'Stadt Hilden']);
    expect(all.json().items[0]).toMatchObject({ kind: 'pointer', actorLabel: office.user.email });
    const own = await activity(cityPartner.headers);
    expect(own.json().items).toEqual([
      expect.objectContaining({
        organizationId: city,
        summary: 'Aufruf „Klimaresiliente Innenstädte“ an Stadt Hilden weitergeleitet',
      }),
    ]);
    expect((await activity(nobody.headers)).json().items).toEqual([]);
    expect((await activity({})).statusCode).toBe(401);
    expect((await activity(cityPartner.headers, hidden)).statusCode).toBe(404);
    expect((await activity(office.headers, hidden)).json().items).toHaveLength(1);
  });
});
