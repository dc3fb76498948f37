import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';

describeEachDb('directory: organisations API', (env) => {
  let office: SignedIn;
  let reader: SignedIn;

  beforeAll(async () => {
    office = await signIn(env(), { role: 'office' });
    reader = await signIn(env(), { role: 'reader' });
  });

  const post = (url: string, payload: object, who: SignedIn | null = office) =>
    env().app.inject({ method: 'POST', url, payload, headers: who?.headers });
  const patch = (url: string, payload: object, who: SignedIn | null = office) =>
    env().app.inject({ method: 'PATCH', url, payload, headers: who?.headers });
  const get = (url: string, who: SignedIn | null = null) =>
    env().app.inject({ method: 'GET', url, headers: who?.headers });

  it('creates, reads, updates with optimistic locking and audits every write', async () => {
    const created = await post('/api/organizations', {
      name: 'Amt für Wirtschaftsförderung Wülfrath',
      kind: 'department',
      website: 'https://example.org/wf',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ version: 1, isPublic: true, kind: 'department' });

    const updated = await patch(`/api/organizations/${org.id}`, { shortName: 'WiFö', version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      shortName: 'WiFö',
      version: 2,
      website: 'https://example.org/wf',
    });

    const stale = await patch(`/api/organizations/${org.id}`, { name: 'Anders', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    const stored = await env()
      .ctx.db.selectFrom('organizations')
      .select(['name', 'version'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'Amt für Wirtschaftsförderung Wülfrath', version: 2 });

    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'organization')
      .where('entity_id', '=', String(org.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].actor_label).toBe(office.user.email);
    expect(JSON.parse(audit[1].before_json ?? '{}')).toMatchObject({ shortName: null, version: 1 });
    expect(JSON.parse(audit[1].after_json ?? '{}')).toMatchObject({ shortName: 'WiFö', version: 2 });
  });

  it('finds organisations by name whatever the umlaut spelling, and filters by kind', async () => {
    await post('/api/organizations', { name: 'Stadtverwaltung Wülfrath', kind: 'partner' });
    await post('/api/organizations', { name: 'Straßenverkehrsamt Haan', kind: 'department' });
    for (const q of ['wülfrath', 'WUELFRATH', 'wulfrath']) {
      const res = await get(`/api/organizations?q=${encodeURIComponent(q)}`);
      expect(res.json().items.map((o: { name: string }) => o.name)).toContain('Stadtverwaltung Wülfrath');
    }
    const ss = await get(`/api/organizations?q=${encodeURIComponent('strassenverkehr')}`);
    expect(ss.json().items.map((o: { name: string }) => o.name)).toEqual(['Straßenverkehrsamt Haan']);
    const kind = await get('/api/organizations?q=wuelfrath&kind=partner');
    expect(kind.json()).toMatchObject({ total: 1, items: [{ name: 'Stadtverwaltung Wülfrath' }] });
    const page = await get('/api/organizations?limit=1&offset=1');
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThanOrEqual(3);
  });

  it('exports CSV with formula injection neutralised', async () => {
    await post('/api/organizations', { name: '=HYPERLINK("http://evil")', kind: 'other' });
    const res = await get('/api/organizations?format=csv&q=hyperlink');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('id,name,shortName,kind,parentId,bodyId,website,isPublic,source');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('answers 404 for unknown ids and 400 for invalid input, never 5xx', async () => {
    expect((await get('/api/organizations/999999')).statusCode).toBe(404);
    expect((await get('/api/organizations/abc')).statusCode).toBe(400);
    expect((await get('/api/organizations/99999999999999')).statusCode).toBe(400);
    expect((await get('/api/organizations?limit=-1')).statusCode).toBe(400);
    expect((await get('/api/organizations?kind=nonsense')).statusCode).toBe(400);
    expect((await get(`/api/organizations?q=${encodeURIComponent("%' or 1=1 --")}`)).statusCode).toBe(200);
    expect((await post('/api/organizations', { name: '', kind: 'office' })).statusCode).toBe(400);
    expect((await post('/api/organizations', { name: 'X', kind: 'castle' })).statusCode).toBe(400);
    expect(
      (await post('/api/organizations', { name: 'X', kind: 'office', website: 'javascript:alert(1)' }))
        .statusCode,
    ).toBe(400);
    const badParent = await post('/api/organizations', { name: 'X', kind: 'office', parentId: 999999 });
    expect(badParent.statusCode).toBe(400);
    expect(badParent.json().code).toBe('UNKNOWN_REFERENCE');
    expect((await patch('/api/organizations/999999', { name: 'Y', version: 1 })).statusCode).toBe(404);
    expect((await patch('/api/organizations/1', { name: 'Y' })).statusCode).toBe(400);
  });

  it('refuses a parent below the organisation itself', async () => {
    const a = (await post('/api/organizations', { name: 'Oben', kind: 'other' })).json();
    const b = (await post('/api/organizations', { name: 'Unten', kind: 'other', parentId: a.id })).json();
    const res = await patch(`/api/organizations/${a.id}`, { parentId: b.id, version: a.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PARENT_CYCLE');
    const detail = (await get(`/api/organizations/${a.id}`)).json();
    expect(detail.children.map((c: { id: number }) => c.id)).toEqual([b.id]);
  });

  it('lets readers and anonymous visitors read but not write', async () => {
    const asReader = await post('/api/organizations', { name: 'Leser-Versuch', kind: 'other' }, reader);
    expect(asReader.statusCode).toBe(403);
    const anon = await post('/api/organizations', { name: 'Anonym', kind: 'other' }, null);
    expect(anon.statusCode).toBe(401);
    const any = (await get('/api/organizations?limit=1', reader)).json().items[0];
    const readerPatch = await patch(
      `/api/organizations/${any.id}`,
      { name: 'Nein', version: any.version },
      reader,
    );
    expect(readerPatch.statusCode).toBe(403);
    const count = await env()
      .ctx.db.selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'in', ['Leser-Versuch', 'Anonym', 'Nein'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('keeps addresses over time and shows each move in the timeline', async () => {
    const org = (await post('/api/organizations', { name: 'Umzugsamt', kind: 'department' })).json();
    const first = await post(`/api/organizations/${org.id}/addresses`, {
      street: 'Beispielweg 1',
      postalCode: '40210',
      city: 'Düsseldorf',
      validFrom: '2018-01-01',
      validFromPrecision: 'year',
    });
    expect(first.statusCode).toBe(201);
    const a = first.json();
    const ended = await patch(`/api/organizations/${org.id}/addresses/${a.id}`, {
      validTo: '2018-07-01',
      validToPrecision: 'month',
      version: 1,
    });
    expect(ended.json()).toMatchObject({ validTo: '2018-07-01', street: 'Beispielweg 1', version: 2 });
    await post(`/api/organizations/${org.id}/addresses`, {
      street: 'Neue Straße 2',
      city: 'Düsseldorf',
      validFrom: '2018-07-01',
      validFromPrecision: 'month',
    });
    const detail = (await get(`/api/organizations/${org.id}`)).json();
    expect(detail.addresses).toHaveLength(2);
    expect(detail.timeline.map((t: { title: string; precision: string }) => [t.title, t.precision])).toEqual([
      ['Adresse: Beispielweg 1, 40210 Düsseldorf', 'year'],
      ['Adresse: Neue Straße 2, Düsseldorf', 'month'],
    ]);
    expect(
      (await patch(`/api/organizations/${org.id}/addresses/${a.id}`, { city: 'X', version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await patch(`/api/organizations/${org.id}/addresses/${a.id}`, { validTo: '2017-01-01', version: 2 }))
        .statusCode,
    ).toBe(400);
    expect((await post(`/api/organizations/${org.id}/addresses`, { postalCode: '4021' })).statusCode).toBe(
      400,
    );
    expect((await post(`/api/organizations/${org.id}/addresses`, { city: 'Haan' }, reader)).statusCode).toBe(
      403,
    );
    expect(
      (await patch(`/api/organizations/1/addresses/${a.id}`, { city: 'X', version: 2 })).statusCode,
    ).toBe(404);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await get('/openapi.json')).json();
    for (const path of [
      '/api/organizations',
      '/api/organizations/{id}',
      '/api/organizations/{id}/events',
      '/api/people/{id}',
      '/api/memberships/{id}/end',
      '/api/bodies',
      '/api/fields-of-action/{id}',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
