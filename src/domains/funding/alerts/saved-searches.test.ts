import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { parseSavedFilters } from './subscriptions.js';
import { makeOrganization } from './test-data.js';

describeEachDb('saved searches', (env) => {
  it('creates, lists and deletes a user’s own saved searches; another user’s cannot be deleted', async () => {
    const me = await signIn(env(), { role: 'partner' });
    const other = await signIn(env(), { role: 'partner' });
    const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: object, payload?: object) =>
      env().app.inject({ method, url, headers: headers as Record<string, string>, payload });
    const created = await req('POST', '/api/funding/saved-searches', me.headers, {
      name: 'Radverkehr NRW',
      filters: {
        q: 'Radverkehr',
        region: 'Nordrhein-Westfalen',
        fieldOfAction: ['mobility'],
        status: 'open',
        giverLevel: 'Land',
        deadlineFrom: '2027-01-01',
        deadlineTo: '2027-06-30',
      },
    });
    expect(created.statusCode).toBe(200);
    const { id } = created.json();
    await req('POST', '/api/funding/saved-searches', me.headers, { name: 'Kultur', filters: {} });
    const list = await req('GET', '/api/funding/saved-searches', me.headers);
    expect(list.json().items).toEqual([
      {
        id,
        name: 'Radverkehr NRW',
        filters: {
          q: 'Radverkehr',
          region: 'Nordrhein-Westfalen',
          fieldOfAction: ['mobility'],
          status: 'open',
          giverLevel: 'Land',
          deadlineFrom: '2027-01-01',
          deadlineTo: '2027-06-30',
        },
        forOrganization: false,
        canDelete: true,
      },
      expect.objectContaining({ name: 'Kultur' }),
    ]);

    expect((await req('DELETE', `/api/funding/saved-searches/${id}`, other.headers)).statusCode).toBe(404);
    expect((await req('DELETE', `/api/funding/saved-searches/${id}`, {})).statusCode).toBe(401);
    expect((await req('DELETE', `/api/funding/saved-searches/${id}`, me.headers)).statusCode).toBe(204);
    expect((await req('DELETE', `/api/funding/saved-searches/${id}`, me.headers)).statusCode).toBe(404);
    const left = await req('GET', '/api/funding/saved-searches', me.headers);
    expect(left.json().items.map((s: { name: string }) => s.name)).toEqual(['Kultur']);
    const rows = await env()
      .ctx.db.selectFrom('funding_saved_searches')
      .select('name')
      .where('user_id', '=', me.user.id)
      .execute();
    expect(rows).toEqual([{ name: 'Kultur' }]);
  });

  it('saves for the organisation (office, partner; not readers); members see it, only actors delete it', async () => {
    const { db } = env().ctx;
    const org = await makeOrganization(db);
    const partner = await signIn(env(), { role: 'partner', organizationId: org });
    const reader = await signIn(env(), { role: 'reader', organizationId: org });
    const stranger = await signIn(env(), { role: 'partner' });
    const post = (headers: object, payload: object) =>
      env().app.inject({
        method: 'POST',
        url: '/api/funding/saved-searches',
        headers: headers as Record<string, string>,
        payload,
      });
    const filters = { status: 'open', giverLevel: 'EU', fieldOfAction: 'mobilitaet' };
    expect((await post(reader.headers, { name: 'x', filters, forOrganization: true })).statusCode).toBe(403);
    expect((await post(stranger.headers, { name: 'x', filters, forOrganization: true })).statusCode).toBe(
      403,
    );
    expect((await post(partner.headers, { name: 'x', filters: { status: 'maybe' } })).statusCode).toBe(400);
    const saved = await post(partner.headers, { name: 'EU Mobilität', filters, forOrganization: true });
    expect(saved.statusCode).toBe(200);
    const list = (headers: object) =>
      env().app.inject({
        method: 'GET',
        url: '/api/funding/saved-searches',
        headers: headers as Record<string, string>,
      });
    expect((await list(reader.headers)).json().items).toEqual([
      { id: saved.json().id, name: 'EU Mobilität', filters, forOrganization: true, canDelete: false },
    ]);
    expect((await list(stranger.headers)).json().items).toEqual([]);
    const del = (headers: object) =>
      env().app.inject({
        method: 'DELETE',
        url: `/api/funding/saved-searches/${saved.json().id}`,
        headers: headers as Record<string, string>,
      });
    expect((await del(reader.headers)).statusCode).toBe(404);
    expect((await del(stranger.headers)).statusCode).toBe(404);
    expect((await del(partner.headers)).statusCode).toBe(204);
  });

  it('reads saved filters of the old shape (fields) as the call list’s fieldOfAction', () => {
    expect(parseSavedFilters('{"q":"Rad","fields":["a","b"],"region":"05158","bogus":1}')).toEqual({
      q: 'Rad',
      fieldOfAction: ['a', 'b'],
      region: '05158',
    });
    expect(parseSavedFilters('{"status":"maybe","giverLevel":"EU"}')).toEqual({ giverLevel: 'EU' });
    expect(parseSavedFilters('not json')).toEqual({});
  });
});
