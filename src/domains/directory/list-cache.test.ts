import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';

describeEachDb('organisation list cache', (env) => {
  const names = async (headers: Record<string, string> = {}) =>
    (await env().app.inject({ method: 'GET', url: '/api/organizations?q=Cachetest&limit=50', headers }))
      .json()
      .items.map((o: { name: string }) => o.name) as string[];

  it('never serves a stale list, whoever writes (service, or SQL from another process)', async () => {
    const { app, ctx } = env();
    const office = await signIn(env(), { role: 'office' });
    expect(await names()).toEqual([]);
    const created = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: office.headers,
      payload: { name: 'Cachetest Netzwerk', kind: 'network', isPublic: true },
    });
    expect(created.statusCode).toBe(201);
    expect(await names()).toEqual(['Cachetest Netzwerk']);
    // A write that bypasses every service, as a second server process or a script would do.
    await ctx.db
      .updateTable('organizations')
      .set({ name: 'Cachetest Verbund' })
      .where('id', '=', created.json().id)
      .execute();
    expect(await names()).toEqual(['Cachetest Verbund']);
    await ctx.db
      .updateTable('organizations')
      .set({ is_public: 0 })
      .where('id', '=', created.json().id)
      .execute();
    expect(await names()).toEqual([]);
    expect(await names(office.headers)).toEqual(['Cachetest Verbund']);
  });

  it('keeps answers apart by visibility class', async () => {
    const { app } = env();
    const office = await signIn(env(), { role: 'office' });
    const org = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: office.headers,
      payload: { name: 'Cachetest Eigentümer', kind: 'partner', isPublic: true },
    });
    const ownerId = org.json().id as number;
    await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: office.headers,
      payload: { name: 'Cachetest Intern', kind: 'office', isPublic: false, ownerOrganizationId: ownerId },
    });
    const ownPartner = await signIn(env(), { role: 'partner', organizationId: ownerId });
    const otherOrg = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: office.headers,
      payload: { name: 'Andere Stelle', kind: 'partner', isPublic: true },
    });
    const otherPartner = await signIn(env(), { role: 'partner', organizationId: otherOrg.json().id });
    expect(await names(ownPartner.headers)).toContain('Cachetest Intern');
    expect(await names(otherPartner.headers)).not.toContain('Cachetest Intern');
    expect(await names()).not.toContain('Cachetest Intern');
    expect(await names(ownPartner.headers)).toContain('Cachetest Intern');
  });
});
