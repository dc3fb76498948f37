import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { makeCall, makeOrganization, makeRound } from '../alerts/test-data.js';

function events(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, sequence: e.sequence, start: e.startDate.toString() };
  });
}

describeEachDb('funding feeds', (env) => {
  it('serves deadline calendars per organisation with stable UIDs, SEQUENCE on change, and no restricted calls without a token', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db);
    const publicCall = await makeCall(db, { title: 'Regio.NRW Transformation' });
    const restricted = await makeCall(db, { title: 'Interner Aufruf', isPublic: false, owner: org });
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const publicRound = await makeRound(db, publicCall, future, '12:00');
    await makeRound(db, restricted, future);
    const office = await signIn(env(), { role: 'office' });
    await env().app.inject({
      method: 'POST',
      url: '/api/funding/pointers',
      headers: office.headers,
      payload: { callId: publicCall, organizationIds: [org] },
    });
    await env().app.inject({
      method: 'POST',
      url: '/api/funding/pointers',
      headers: office.headers,
      payload: { callId: restricted, organizationIds: [org] },
    });

    const partner = await signIn(env(), { role: 'partner', organizationId: org });
    const urls = (
      await env().app.inject({ method: 'GET', url: '/api/funding/feeds', headers: partner.headers })
    ).json();
    const orgUrl = new URL(urls.organization);
    const signed = await env().app.inject({ method: 'GET', url: `${orgUrl.pathname}${orgUrl.search}` });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.headers['content-type']).toContain('text/calendar');
    const first = events(signed.body);
    expect(first.map((e) => e.summary).sort()).toEqual([
      'Frist: Interner Aufruf',
      'Frist: Regio.NRW Transformation',
    ]);
    const pub = first.find((e) => e.summary === 'Frist: Regio.NRW Transformation')!;
    expect(pub.uid).toBe(`funding-round-${publicRound}-test@regiolotse`);
    expect(pub.sequence).toBe(0);

    const unsigned = await env().app.inject({
      method: 'GET',
      url: `/feeds/funding/deadlines.ics?org=${org}`,
    });
    expect(events(unsigned.body).map((e) => e.summary)).toEqual(['Frist: Regio.NRW Transformation']);
    const forged = await env().app.inject({
      method: 'GET',
      url: `/feeds/funding/deadlines.ics?org=${org}&token=${'x'.repeat(32)}`,
    });
    expect(events(forged.body).map((e) => e.summary)).toEqual(['Frist: Regio.NRW Transformation']);
    const odd = await env().app.inject({ method: 'GET', url: '/feeds/funding/deadlines.ics?org=abc' });
    expect(odd.statusCode).toBe(400);

    const moved = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await db
      .updateTable('funding_rounds')
      .set({ deadline_date: moved })
      .where('id', '=', publicRound)
      .execute();
    const after = events(
      (await env().app.inject({ method: 'GET', url: `${orgUrl.pathname}${orgUrl.search}` })).body,
    );
    const updated = after.find((e) => e.uid === pub.uid)!;
    expect(updated.sequence).toBe(1);
    expect(updated.start.startsWith(moved)).toBe(true);
  });

  it('serves a user’s own calendar: their watches and their organisation’s, restricted calls only with the token', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db);
    const future = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    const mine = await makeCall(db, { title: 'Meine Beobachtung' });
    const ours = await makeCall(db, { title: 'Unser interner Aufruf', isPublic: false, owner: org });
    const theirs = await makeCall(db, { title: 'Fremde Beobachtung' });
    for (const c of [mine, ours, theirs]) await makeRound(db, c, future);
    const user = await signIn(env(), { role: 'partner', organizationId: org });
    // A reader may watch for themselves only; acting for the organisation needs the partner role.
    const colleague = await signIn(env(), { role: 'partner', organizationId: org });
    const stranger = await signIn(env(), { role: 'partner' });
    const watch = (who: typeof user, callId: number, forOrganization = false) =>
      env().app.inject({
        method: 'POST',
        url: '/api/funding/watches',
        headers: who.headers,
        payload: { callId, forOrganization },
      });
    expect((await watch(user, mine)).statusCode).toBe(200);
    expect((await watch(colleague, ours, true)).statusCode).toBe(200);
    expect((await watch(stranger, theirs)).statusCode).toBe(200);

    const urls = (
      await env().app.inject({ method: 'GET', url: '/api/funding/feeds', headers: user.headers })
    ).json();
    const own = new URL(urls.user);
    expect(own.searchParams.get('user')).toBe(String(user.user.id));
    const signed = await env().app.inject({ method: 'GET', url: `${own.pathname}${own.search}` });
    expect(signed.statusCode).toBe(200);
    const got = events(signed.body);
    expect(got.map((e) => e.summary).sort()).toEqual([
      'Frist: Meine Beobachtung',
      'Frist: Unser interner Aufruf',
    ]);
    for (const e of got) expect(e.start.startsWith(future)).toBe(true);

    // The token is bound to the user: another user's id with it, or no token, shows public calls only.
    const otherId = `/feeds/funding/deadlines.ics?user=${stranger.user.id}&token=${own.searchParams.get('token')}`;
    expect(
      events((await env().app.inject({ method: 'GET', url: otherId })).body).map((e) => e.summary),
    ).toEqual(['Frist: Fremde Beobachtung']);
    const bare = await env().app.inject({
      method: 'GET',
      url: `/feeds/funding/deadlines.ics?user=${user.user.id}`,
    });
    expect(events(bare.body).map((e) => e.summary)).toEqual(['Frist: Meine Beobachtung']);
  });

  it('serves a valid Atom 1.0 feed of new public calls', async () => {
    const { db } = env().ctx;
    await makeCall(db, { title: 'Klimaanpassung <Städte> & Gemeinden', applicants: ['Kommune'] });
    await makeCall(db, { title: 'Nicht öffentlich', isPublic: false, owner: 1 });
    const res = await env().app.inject({ method: 'GET', url: '/feeds/funding/calls.atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(res.body);
    const feed = doc.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required]).toBeDefined();
    const titles = feed.entry.map((e: { title: string }) => e.title);
    expect(titles).toContain('Klimaanpassung <Städte> & Gemeinden');
    expect(titles).not.toContain('Nicht öffentlich');
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^http/);
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    }
  });
});
