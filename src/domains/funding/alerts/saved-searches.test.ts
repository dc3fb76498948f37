import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';

describeEachDb('saved searches', (env) => {
  it('creates, lists and deletes a user’s own saved searches; another user’s cannot be deleted', async () => {
    const me = await signIn(env(), { role: 'partner' });
    const other = await signIn(env(), { role: 'partner' });
    const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: object, payload?: object) =>
      env().app.inject({ method, url, headers: headers as Record<string, string>, payload });
    const created = await req('POST', '/api/funding/saved-searches', me.headers, {
      name: 'Radverkehr NRW',
      filters: { q: 'Radverkehr', region: 'Nordrhein-Westfalen', fields: ['mobility'] },
    });
    expect(created.statusCode).toBe(200);
    const { id } = created.json();
    await req('POST', '/api/funding/saved-searches', me.headers, { name: 'Kultur', filters: {} });
    const list = await req('GET', '/api/funding/saved-searches', me.headers);
    expect(list.json().items).toEqual([
      {
        id,
        name: 'Radverkehr NRW',
        filters: { q: 'Radverkehr', region: 'Nordrhein-Westfalen', fields: ['mobility'] },
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
});
