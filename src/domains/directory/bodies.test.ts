import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { seedDirectoryDemo } from './seed/seed-demo.js';

interface Node {
  id: number;
  name: string;
  ags: string | null;
  version: number;
  children: Node[];
}

describeEachDb('directory: bodies (Gebietskörperschaften) API', (env) => {
  let office: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    await seedDirectoryDemo(env().ctx, () => {});
    office = await signIn(env(), { role: 'office' });
    admin = await signIn(env(), { role: 'admin' });
  });

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: object) =>
    env().app.inject({ method, url, payload, headers: who?.headers });
  const tree = async (q?: string) =>
    (await req('GET', `/api/bodies${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`, null)).json()
      .items as Node[];
  const names = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);
  const stored = (id: number) =>
    env().ctx.db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const mettmannId = async () => (await tree()).find((n) => n.ags === '05158')?.id as number;

  it('finds bodies by name in any German spelling and by key, keeping each hit below its Kreis', async () => {
    expect(names(await tree('wulfrath'))).toEqual(['Kreis Mettmann', 'Wülfrath']);
    expect(names(await tree('Wuelfrath'))).toEqual(['Kreis Mettmann', 'Wülfrath']);
    expect(names(await tree('DÜSSELDORF'))).toEqual(['Düsseldorf']);
    expect(names(await tree('05158028'))).toEqual(['Kreis Mettmann', 'Ratingen']);
    expect(names(await tree('monheim rhein'))).toEqual(['Kreis Mettmann', 'Monheim am Rhein']);
    expect(await tree('Köln')).toEqual([]);
    expect(names(await tree(''))).toHaveLength(12);
  });

  it('creates a town in its Kreis with valid official keys and audits it', async () => {
    const kreis = await mettmannId();
    const created = await req('POST', '/api/bodies', office, {
      name: 'Neustadt (Beispiel)',
      kind: 'town',
      ags: '05158099',
      ars: '051580099099',
      parentId: kreis,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ name: 'Neustadt (Beispiel)', version: 1, parentId: kreis, key: null });
    expect(await stored(body.id)).toMatchObject({ ags: '05158099', ars: '051580099099', parent_id: kreis });
    expect(names(await tree('neustadt'))).toEqual(['Kreis Mettmann', 'Neustadt (Beispiel)']);
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'body')
      .where('entity_id', '=', String(body.id))
      .execute();
    expect(audit.map((a) => [a.action, a.actor_label])).toEqual([['create', office.user.email]]);
  });

  it('refuses official keys of the wrong length, of another place, of another Kreis or already taken', async () => {
    const kreis = await mettmannId();
    const town = (over: object) => ({ name: 'Probe', kind: 'town', parentId: kreis, ...over });
    const codeOf = async (payload: object) => {
      const res = await req('POST', '/api/bodies', office, payload);
      return [res.statusCode, res.json().code];
    };
    expect(await codeOf(town({ ags: '0515809' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await codeOf(town({ ags: '05158O99' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await codeOf(town({ ars: '0515800990' }))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await codeOf(town({ ags: '05158' }))).toEqual([400, 'INVALID_OFFICIAL_KEY']);
    expect(await codeOf({ name: 'Kreis X', kind: 'district', ags: '05158098' })).toEqual([
      400,
      'INVALID_OFFICIAL_KEY',
    ]);
    expect(await codeOf(town({ ags: '05158098', ars: '051580097097' }))).toEqual([
      400,
      'INVALID_OFFICIAL_KEY',
    ]);
    expect(await codeOf(town({ ags: '05162004' }))).toEqual([400, 'INVALID_OFFICIAL_KEY']);
    expect(await codeOf(town({ ags: '05158028' }))).toEqual([400, 'OFFICIAL_KEY_TAKEN']);
    const dus = (await tree('Düsseldorf'))[0];
    expect(await codeOf(town({ parentId: dus.id }))).toEqual([400, 'INVALID_OFFICIAL_KEY']);
    expect(await codeOf(town({ parentId: 999_999 }))).toEqual([400, 'UNKNOWN_REFERENCE']);
    const rejected = await req('POST', '/api/bodies', office, town({ ags: '05158' }));
    expect(rejected.json()).toMatchObject({
      messageDe: 'Der AGS einer Stadt oder Gemeinde hat 8 Stellen',
      details: [{ path: ['ags'] }],
    });
    const count = await env()
      .ctx.db.selectFrom('bodies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'Probe')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('edits a body with optimistic locking: a stale version answers 409 and changes nothing', async () => {
    const hilden = (await tree('Hilden'))[0].children[0];
    const renamed = await req('PATCH', `/api/bodies/${hilden.id}`, admin, {
      name: 'Hilden (Stadt)',
      website: 'https://example.org/hilden',
      version: hilden.version,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Hilden (Stadt)',
      ags: '05158016',
      version: hilden.version + 1,
    });
    const stale = await req('PATCH', `/api/bodies/${hilden.id}`, office, {
      name: 'Anders',
      version: hilden.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await stored(hilden.id)).name).toBe('Hilden (Stadt)');
    // The merged record is checked: a new AGS must still fit the stored ARS.
    const mismatch = await req('PATCH', `/api/bodies/${hilden.id}`, office, {
      ags: '05158017',
      version: hilden.version + 1,
    });
    expect(mismatch.json().code).toBe('INVALID_OFFICIAL_KEY');
    const kreis = await mettmannId();
    const demote = await req('PATCH', `/api/bodies/${kreis}`, office, { kind: 'town', version: 1 });
    expect(demote.statusCode).toBe(400);
    expect((await stored(kreis)).kind).toBe('district');
    expect((await req('PATCH', '/api/bodies/999999', office, { name: 'x', version: 1 })).statusCode).toBe(
      404,
    );
  });

  it('lets readers, partners and anonymous visitors read bodies but not write them', async () => {
    const kreis = await mettmannId();
    const reader = await signIn(env(), { role: 'reader' });
    // a partner of an organisation in this very Kreis: owning records there gives no right to its geography
    const inKreis = await env()
      .ctx.db.selectFrom('organizations')
      .select('id')
      .where('body_id', '=', kreis)
      .executeTakeFirstOrThrow();
    const partner = await signIn(env(), { role: 'partner', organizationId: inKreis.id });
    const before = await stored(kreis);
    for (const who of [reader, partner, null]) {
      const expected = who ? 403 : 401;
      expect((await req('POST', '/api/bodies', who, { name: 'Fremd', kind: 'city' })).statusCode).toBe(
        expected,
      );
      expect(
        (await req('PATCH', `/api/bodies/${kreis}`, who, { name: 'Fremd', version: before.version }))
          .statusCode,
      ).toBe(expected);
      expect((await req('GET', `/api/bodies/${kreis}`, who)).statusCode).toBe(200);
    }
    expect(await stored(kreis)).toEqual(before);
  });
});
