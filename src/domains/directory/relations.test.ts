import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { seedDirectoryDemo } from './seed/seed-demo.js';

describeEachDb('directory: relations between organisations', (env) => {
  let office: SignedIn;
  let partner: SignedIn;
  let network = 0;
  let member = 0;
  let hidden = 0;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: object) =>
    env().app.inject({ method, url, payload, headers: who?.headers });

  beforeAll(async () => {
    office = await signIn(env(), { role: 'office' });
    network = (
      await req('POST', '/api/organizations', office, { name: 'Netz Beispiel', kind: 'network' })
    ).json().id;
    member = (
      await req('POST', '/api/organizations', office, { name: 'Region Beispiel', kind: 'partner' })
    ).json().id;
    hidden = (
      await req('POST', '/api/organizations', office, {
        name: 'Geheimrunde',
        kind: 'committee',
        isPublic: false,
      })
    ).json().id;
    partner = await signIn(env(), { role: 'partner', organizationId: member });
  });

  it('shows the seeded relations of the office in both directions, dated', async () => {
    const { db } = env().ctx;
    await seedDirectoryDemo(env().ctx, () => {});
    const rm = await db
      .selectFrom('organizations')
      .select('id')
      .where('key', '=', 'org:regionalmanagement')
      .executeTakeFirstOrThrow();
    const detail = (await req('GET', `/api/organizations/${rm.id}`, null)).json();
    const byRole = (role: string) => detail.relations.filter((r: { role: string }) => r.role === role);
    expect(byRole('Projektpartner (Projektträger)')).toHaveLength(3);
    expect(byRole('Projektpartner (Projektträger)')[0]).toMatchObject({
      direction: 'incoming',
      kind: 'partner',
      startDate: '2017-03-01',
      startPrecision: 'month',
      ended: false,
    });
    const nrw = detail.relations.find((r: { other: { name: string } }) => r.other.name === 'regionen.NRW');
    expect(nrw).toMatchObject({ direction: 'outgoing', kind: 'member', startDate: '2017-06-01' });
    expect(
      detail.relations.find((r: { kind: string; ended: boolean }) => r.kind === 'placed_in' && r.ended),
    ).toMatchObject({ endDate: null, direction: 'outgoing' });
    // and the other side sees it too
    const other = (await req('GET', `/api/organizations/${nrw.other.id}`, null)).json();
    expect(other.relations).toEqual([
      expect.objectContaining({
        id: nrw.id,
        direction: 'incoming',
        other: expect.objectContaining({ id: rm.id }),
      }),
    ]);
  });

  it('lets the office add, edit and end a relation with version checks and audit; others may not', async () => {
    const body = {
      relatedOrganizationId: network,
      kind: 'member',
      role: 'Mitglied',
      startDate: '2020-01-01',
      startPrecision: 'year',
    };
    expect((await req('POST', `/api/organizations/${member}/relations`, partner, body)).statusCode).toBe(403);
    expect((await req('POST', `/api/organizations/${member}/relations`, null, body)).statusCode).toBe(401);
    expect(
      (
        await req('POST', `/api/organizations/${member}/relations`, office, {
          ...body,
          relatedOrganizationId: member,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await req('POST', `/api/organizations/${member}/relations`, office, { ...body, kind: 'friend' }))
        .statusCode,
    ).toBe(400);
    const created = await req('POST', `/api/organizations/${member}/relations`, office, body);
    expect(created.statusCode).toBe(201);
    const rel = created.json();
    expect(rel).toMatchObject({
      organizationId: member,
      relatedOrganizationId: network,
      version: 1,
      ended: false,
    });

    const patched = await req('PATCH', `/api/organization-relations/${rel.id}`, office, {
      role: 'Gründungsmitglied',
      version: 1,
    });
    expect(patched.json()).toMatchObject({ role: 'Gründungsmitglied', version: 2 });
    const stale = await req('PATCH', `/api/organization-relations/${rel.id}`, office, {
      note: 'x',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await req('POST', `/api/organization-relations/${rel.id}/end`, office, {
          endDate: '2019-12-31',
          version: 2,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await req('POST', `/api/organization-relations/${rel.id}/end`, partner, {
          endDate: '2024-06-30',
          version: 2,
        })
      ).statusCode,
    ).toBe(403);
    const ended = await req('POST', `/api/organization-relations/${rel.id}/end`, office, {
      endDate: '2024-06-30',
      version: 2,
    });
    expect(ended.json()).toMatchObject({ endDate: '2024-06-30', ended: true, version: 3 });
    const staleEnd = await req('POST', `/api/organization-relations/${rel.id}/end`, office, {
      endDate: '2024-07-31',
      version: 2,
    });
    expect(staleEnd.statusCode).toBe(409);
    expect(
      (await req('PATCH', '/api/organization-relations/999999', office, { version: 1 })).statusCode,
    ).toBe(404);

    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'organization_relation')
      .where('entity_id', '=', String(rel.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'end']);
    expect(JSON.parse(audit[2].before_json ?? '{}')).toMatchObject({ endDate: null });

    const page = (await req('GET', `/api/organizations/${network}`, partner)).json();
    expect(page.relations).toEqual([
      expect.objectContaining({
        id: rel.id,
        direction: 'incoming',
        role: 'Gründungsmitglied',
        endDate: '2024-06-30',
      }),
    ]);
    // Both timelines tell the relation, each from its own side, at its dates.
    const items = (timeline: Array<{ kind: string; title: string; ref: { type: string; id: number } }>) =>
      timeline.filter((t) => t.ref.type === 'relation' && t.ref.id === rel.id);
    expect(items(page.timeline)).toEqual([
      expect.objectContaining({
        date: '2020-01-01',
        precision: 'year',
        kind: 'relation_start',
        title: 'Neues Mitglied: Region Beispiel',
      }),
      expect.objectContaining({
        date: '2024-06-30',
        kind: 'relation_end',
        title: 'Mitgliedschaft beendet: Region Beispiel',
      }),
    ]);
    const own = (await req('GET', `/api/organizations/${member}`, partner)).json();
    expect(items(own.timeline).map((t: { title: string }) => t.title)).toEqual([
      'Mitglied von Netz Beispiel',
      'Ende der Mitgliedschaft in Netz Beispiel',
    ]);
  });

  it('shows a relation only when both organisations are readable', async () => {
    const res = await req('POST', `/api/organizations/${member}/relations`, office, {
      relatedOrganizationId: hidden,
      kind: 'member',
      startDate: '2021-05-01',
    });
    expect(res.statusCode).toBe(201);
    const asOffice = (await req('GET', `/api/organizations/${member}`, office)).json();
    expect(asOffice.relations.map((r: { other: { id: number } }) => r.other.id)).toContain(hidden);
    const anonymous = (await req('GET', `/api/organizations/${member}`, null)).json();
    expect(anonymous.relations.map((r: { other: { id: number } }) => r.other.id)).not.toContain(hidden);
    expect(JSON.stringify(anonymous.timeline)).not.toContain('Geheimrunde');
    expect(JSON.stringify(asOffice.timeline)).toContain('Geheimrunde');
  });
});
