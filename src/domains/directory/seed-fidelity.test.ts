import { isDeepStrictEqual } from 'node:util';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { dumpTableNames } from '../../app/dump/dump-tables.js';
import type { DB } from '../../app/schema.js';
import { seedDemoData } from '../../app/seed-demo.js';

/** Days the seed states (DATA.md): no demo date may claim a day the seed does not give. */
const STATED_DAYS = ['2018-06-01', '2018-07-01', '2018-07-19', '2018-08-23'];

/** Every organisation of the demo data with the kind the seed gives it. */
const KINDS: Record<string, string> = {
  'org:lhd': 'partner',
  'org:kreis-mettmann': 'partner',
  'org:ihk-duesseldorf': 'chamber',
  'org:lhd-dezernat-07': 'department',
  'org:regionalmanagement': 'office',
  'org:kreis-mettmann-wirtschaftsfoerderung': 'department',
  'org:regionalagentur': 'agency',
  'org:regionen-nrw': 'network',
  'org:wirtschaftsministerium-nrw': 'ministry',
  'org:reo-runde': 'committee',
  'org:amt-digitalisierung-wirtschaftsfoerderung-kultur-tourismus': 'department',
  'org:ausschuss-wirtschaftsfoerderung-kultur-tourismus': 'committee',
  // Illustrative, for the Fristenplaner (seed/illustrative-committees.ts; their source note says so).
  'org:lhd-fachausschuss-wirtschaft-beispiel': 'committee',
  'org:lhd-haupt-und-finanzausschuss': 'committee',
  'org:lhd-rat': 'committee',
  'org:kreis-me-fachausschuss-wirtschaft-beispiel': 'committee',
  'org:kreis-me-kreisausschuss': 'committee',
  'org:kreis-me-kreistag': 'committee',
};

describeEachDb('directory demo data, as the seed states it', (env) => {
  const db = () => env().ctx.db;
  const orgByKey = async (key: string) =>
    db().selectFrom('organizations').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  const relationsOf = (key: string) =>
    db()
      .selectFrom('organization_relations as r')
      .innerJoin('organizations as o', 'o.id', 'r.organization_id')
      .innerJoin('organizations as t', 't.id', 'r.related_organization_id')
      .select([
        'r.key',
        'r.kind',
        'r.role',
        'r.start_date',
        'r.start_precision',
        'r.end_date',
        'r.ended',
        'r.source',
        'o.key as from_key',
        't.key as to_key',
      ])
      .where((eb) => eb.or([eb('o.key', '=', key), eb('t.key', '=', key)]))
      .orderBy('r.key')
      .execute();

  it('gives every organisation the kind the seed gives it', async () => {
    await seedDemoData(env().ctx);
    const rows = await db().selectFrom('organizations').select(['key', 'kind']).orderBy('key').execute();
    expect(Object.fromEntries(rows.map((r) => [r.key, r.kind]))).toEqual(KINDS);
    const chambers = await env().app.inject({ method: 'GET', url: '/api/organizations?kind=chamber' });
    expect(chambers.json().items.map((o: { name: string }) => o.name)).toEqual(['IHK Düsseldorf']);
    const sources = await db().selectFrom('organizations').select(['key', 'source']).execute();
    for (const o of sources) {
      if (o.key?.includes('kreis-me-') || (o.key?.startsWith('org:lhd-') && o.key !== 'org:lhd-dezernat-07'))
        expect(o.source, o.key ?? '').toMatch(/illustrativ, nicht aus einer Quelle/);
      else expect(o.source, o.key ?? '').toBe('Vorlage 10/036/2018 (23.08.2018)');
    }
  });

  it('keeps the three Projektpartner as dated partner relations to the office', async () => {
    const partners = (await relationsOf('org:regionalmanagement')).filter((r) => r.kind === 'partner');
    expect(partners.map((r) => [r.from_key, r.start_date, r.start_precision, r.ended])).toEqual([
      ['org:ihk-duesseldorf', '2017-03-01', 'month', 0],
      ['org:kreis-mettmann', '2017-03-01', 'month', 0],
      ['org:lhd', '2017-03-01', 'month', 0],
    ]);
    for (const p of partners) expect(p.source).toBe('Vorlage 10/036/2018 (23.08.2018)');
  });

  it('dates the memberships in regionen.NRW (June 2017) and the REO round (2017) as relations', async () => {
    const member = (await relationsOf('org:regionalmanagement')).filter((r) => r.kind === 'member');
    expect(member).toEqual([
      expect.objectContaining({
        to_key: 'org:regionen-nrw',
        start_date: '2017-06-01',
        start_precision: 'month',
        end_date: null,
        ended: 0,
      }),
      expect.objectContaining({
        to_key: 'org:reo-runde',
        start_date: '2017-01-01',
        start_precision: 'year',
        end_date: null,
        ended: 0,
      }),
    ]);
    // The timeline event takes the relation's date, so the two cannot drift apart.
    const event = await db()
      .selectFrom('organization_events')
      .select(['date', 'date_precision'])
      .where('key', '=', 'event:rm-mitglied-regionen-nrw')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ date: '2017-06-01', date_precision: 'month' });
  });

  it('places the office first in the Kreis Wirtschaftsförderung (from March 2017, ended) and now in Dezernat 07', async () => {
    const placed = (await relationsOf('org:regionalmanagement')).filter((r) => r.kind === 'placed_in');
    expect(placed.map((r) => [r.to_key, r.start_date, r.start_precision, r.end_date, r.ended])).toEqual([
      // The seed dates neither the end of the first placement nor the move to Dezernat 07.
      ['org:lhd-dezernat-07', null, 'day', null, 0],
      ['org:kreis-mettmann-wirtschaftsfoerderung', '2017-03-01', 'month', null, 1],
    ]);
    const office = await orgByKey('org:regionalmanagement');
    expect(office.parent_id).toBe((await orgByKey('org:lhd-dezernat-07')).id);
    expect((await orgByKey('org:kreis-mettmann-wirtschaftsfoerderung')).parent_id).toBe(
      (await orgByKey('org:kreis-mettmann')).id,
    );
  });

  it('has the seed’s department, committee and handler, the handler by role', async () => {
    const amt = await orgByKey('org:amt-digitalisierung-wirtschaftsfoerderung-kultur-tourismus');
    const committee = await orgByKey('org:ausschuss-wirtschaftsfoerderung-kultur-tourismus');
    expect(amt).toMatchObject({
      name: 'Amt für Digitalisierung, Organisation, Wirtschaftsförderung, Kultur und Tourismus',
      // The seed names no administration or council for them.
      parent_id: null,
      body_id: null,
    });
    expect(committee).toMatchObject({
      name: 'Ausschuss für Wirtschaftsförderung, Kultur und Tourismus',
      parent_id: null,
      body_id: null,
    });
    const handler = await db()
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.name', 'm.role', 'm.start_date', 'm.end_date', 'm.organization_id'])
      .where('m.key', '=', 'membership:vorlage-10-036-2018-bearbeitung')
      .executeTakeFirstOrThrow();
    expect(handler).toEqual({
      name: 'Bearbeiter/in der Vorlage 10/036/2018',
      role: 'Bearbeiter/in',
      start_date: null,
      end_date: null,
      organization_id: amt.id,
    });
    const names = (await db().selectFrom('people').select('name').execute()).map((p) => p.name);
    for (const named of ['Girard', 'Büter', 'Peters', 'Kemper']) {
      expect(names.join('|')).not.toContain(named);
    }
    const detail = await env().app.inject({ method: 'GET', url: `/api/organizations/${amt.id}` });
    expect(detail.json().memberships.map((m: { role: string }) => m.role)).toEqual(['Bearbeiter/in']);
  });

  it('stores the end of the interim lead with the precision the seed allows (May 2018)', async () => {
    const interim = await db()
      .selectFrom('memberships')
      .select(['start_date', 'start_precision', 'end_date', 'end_precision'])
      .where('key', '=', 'membership:rm-kommissarische-leitung')
      .executeTakeFirstOrThrow();
    expect(interim).toEqual({
      start_date: '2017-03-01',
      start_precision: 'month',
      end_date: '2018-05-01',
      end_precision: 'month',
    });
  });

  it('claims no day, month or year the seed does not give', async () => {
    const dates: [string, string | null, string][] = [];
    const push = (where: string, date: string | null, precision: string) =>
      dates.push([where, date, precision]);
    for (const m of await db().selectFrom('memberships').selectAll().execute()) {
      push(`${m.key} start`, m.start_date, m.start_precision);
      push(`${m.key} end`, m.end_date, m.end_precision);
      push(`${m.key} seconded`, m.seconded_since, 'day');
    }
    for (const r of await db().selectFrom('organization_relations').selectAll().execute()) {
      push(`${r.key} start`, r.start_date, r.start_precision);
      push(`${r.key} end`, r.end_date, r.end_precision);
    }
    for (const a of await db().selectFrom('addresses').selectAll().execute()) {
      push(`${a.key} from`, a.valid_from, a.valid_from_precision);
      push(`${a.key} to`, a.valid_to, a.valid_to_precision);
    }
    for (const e of await db().selectFrom('organization_events').selectAll().execute()) {
      push(`${e.key}`, e.date, e.date_precision);
    }
    const wrong = dates.filter(([, date, precision]) => {
      if (date === null) return false;
      if (precision === 'day') return !STATED_DAYS.includes(date);
      if (precision === 'month') return !/^201[78]-\d\d-01$/.test(date);
      return !/^201[78]-01-01$/.test(date);
    });
    expect(wrong).toEqual([]);
  });
});

describeEachDb('seed --demo', (env) => {
  /**
   * Every dumped row, except the funding importer's own bookkeeping: each run of its demo import is
   * logged (funding_import_runs and its audit row) and marks the records it saw (last_seen_at).
   */
  async function snapshot() {
    const db = env().ctx.db;
    const out: Record<string, unknown[]> = {};
    for (const table of dumpTableNames()) {
      if (table === 'funding_import_runs') continue;
      const rows = (await db
        .selectFrom(table as keyof DB)
        .selectAll()
        .execute()) as Record<string, unknown>[];
      out[table] = rows
        .filter((r) => !(table === 'audit_log' && r.entity_type === 'funding_import_run'))
        .map((row) => {
          if (!table.startsWith('funding_')) return row;
          const { last_seen_at: _seen, ...rest } = row;
          return rest;
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return out;
  }

  it('is idempotent over every domain: a second run leaves the rows as they were', async () => {
    await seedDemoData(env().ctx);
    const first = await snapshot();
    expect(first.organization_relations).toHaveLength(7);
    await seedDemoData(env().ctx);
    const second = await snapshot();
    const changed = Object.keys(first).filter((t) => !isDeepStrictEqual(first[t], second[t]));
    expect(changed).toEqual([]);
  });
});
