import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { seedDirectoryDemo } from './seed/seed-demo.js';

const tables = [
  'bodies',
  'organizations',
  'people',
  'memberships',
  'organization_relations',
  'addresses',
  'organization_events',
  'fields_of_action',
] as const;

describeEachDb('directory demo data', (env) => {
  async function counts() {
    const out: Record<string, number> = {};
    for (const t of tables) {
      const row = await env()
        .ctx.db.selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(row.n);
    }
    return out;
  }

  it('is idempotent: a second run creates nothing and changes no row', async () => {
    const created = await seedDirectoryDemo(env().ctx, () => {});
    expect(created).toBeGreaterThan(40);
    const first = await counts();
    const orgsBefore = await env().ctx.db.selectFrom('organizations').selectAll().orderBy('id').execute();
    expect(await seedDirectoryDemo(env().ctx, () => {})).toBe(0);
    expect(await counts()).toEqual(first);
    expect(await env().ctx.db.selectFrom('organizations').selectAll().orderBy('id').execute()).toEqual(
      orgsBefore,
    );
    expect(first).toMatchObject({
      bodies: 12,
      // 12 from the seed Vorlage, 6 illustrative committees for the Fristenplaner's demo
      organizations: 18,
      people: 4,
      memberships: 6,
      organization_relations: 7,
      addresses: 2,
      fields_of_action: 7,
    });
    for (const t of tables) {
      const rows = await env().ctx.db.selectFrom(t).selectAll().orderBy('id').execute();
      expect(await seedDirectoryDemo(env().ctx, () => {})).toBe(0);
      expect(await env().ctx.db.selectFrom(t).selectAll().orderBy('id').execute()).toEqual(rows);
    }
  });

  it('gives the region its bodies with official keys and the BKG attribution', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/bodies' });
    expect(res.statusCode).toBe(200);
    const roots = res.json().items as {
      id: number;
      attribution: string;
      name: string;
      ags: string;
      kind: string;
      children: { ags: string }[];
    }[];
    expect(roots.map((r) => [r.name, r.ags, r.kind])).toEqual([
      ['Düsseldorf', '05111000', 'city'],
      ['Kreis Mettmann', '05158', 'district'],
    ]);
    expect(roots[1].children).toHaveLength(10);
    expect(roots[1].children.map((c) => c.ags)).toContain('05158020');
    expect(roots[0].attribution).toBe('© GeoBasis-DE / BKG 2017 (Daten verändert)');
    const detail = await env().app.inject({ method: 'GET', url: `/api/bodies/${roots[1].id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().children).toHaveLength(10);
    expect(detail.json().organizations.map((o: { name: string }) => o.name)).toContain('Kreis Mettmann');
    expect((await env().app.inject({ method: 'GET', url: '/api/bodies/999999' })).statusCode).toBe(404);
  });

  it('tells the office timeline in the order of the seed', async () => {
    const { ctx, app } = env();
    const office = await ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('key', '=', 'org:regionalmanagement')
      .executeTakeFirstOrThrow();
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${office.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const timeline = body.timeline as { date: string | null; kind: string; title: string }[];
    const at = (pred: (t: (typeof timeline)[number]) => boolean) => {
      const i = timeline.findIndex(pred);
      expect(i, 'timeline item missing').toBeGreaterThanOrEqual(0);
      return i;
    };
    const start = at((t) => t.kind === 'founded' && t.date === '2017-03-01');
    const network = at((t) => t.title === 'Mitglied von regionen.NRW' && t.date === '2017-06-01');
    const firstOffice = at((t) => t.kind === 'address' && t.title.includes('Willi-Becker-Allee'));
    const management = at(
      (t) => t.kind === 'membership_start' && t.title.startsWith('Beginn: Geschäftsführung'),
    );
    const ihk = at((t) => t.kind === 'membership_start' && t.date === '2018-07-01');
    const kreis = at((t) => t.kind === 'secondment_start' && t.date === '2018-07-01');
    const moved = at((t) => t.kind === 'address' && t.title.includes('Auf dem Hennekamp 45'));
    const workshop = at((t) => t.kind === 'workshop' && t.date === '2018-07-19');
    const report = at((t) => t.kind === 'report' && t.date === '2018-08-23');
    expect(start).toBeLessThan(network);
    expect(network).toBeLessThan(firstOffice);
    expect(firstOffice).toBeLessThan(management);
    expect(management).toBeLessThan(Math.min(ihk, kreis, moved));
    expect(Math.max(ihk, kreis, moved)).toBeLessThan(workshop);
    expect(workshop).toBeLessThan(report);
    expect(timeline.at(-1)?.date).toBeNull();
    const seconded = body.memberships.find(
      (m: { secondedFrom: { name: string } | null }) => m.secondedFrom?.name === 'IHK Düsseldorf',
    );
    expect(seconded).toMatchObject({
      role: 'Mitarbeiterin',
      startDate: '2018-07-01',
      source: expect.stringContaining('10/036/2018'),
    });
    expect(body.parent.name).toContain('Dezernat 07');
  });

  it('keeps the fields of action of the workshop as a tree with term rules', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/fields-of-action' });
    const roots = res.json().items;
    expect(roots).toHaveLength(1);
    expect(roots[0].name).toBe('Integrierte Raumentwicklung');
    expect(roots[0].children.map((c: { name: string }) => c.name)).toEqual([
      'Planung',
      'Verkehr (inkl. Mobilität und Infrastruktur)',
      'Digitalisierung',
      'Fachkräfte',
    ]);
    expect(roots[0].children[1].children.map((c: { name: string }) => c.name)).toEqual([
      'Mobilität',
      'Infrastruktur',
    ]);
    expect(roots[0].rules.terms).toContain('Raumentwicklung');
  });
});
