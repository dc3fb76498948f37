import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { indexDocuments } from '../indexer.js';
import type { SearchDocumentInput } from '../types.js';
import { regionFeatures } from './region-geometry.js';

const geo = join(process.cwd(), '..', 'shared', 'geo');
type Feature = { properties: Record<string, string>; geometry: { type: string; coordinates: number[][][] } };
const features = (file: string) =>
  (JSON.parse(readFileSync(join(geo, file), 'utf8')) as { features: Feature[] }).features;

it('carries the BKG VG250 boundaries unchanged (the NRW file, simplified 50 m) for the 11 municipalities and the district', () => {
  const region = features('region-duesseldorf-mettmann.geojson');
  const nrw = new Map(features('nrw-municipalities.geojson').map((f) => [f.properties.ags, f]));
  const encode = (g: Feature['geometry']) =>
    [g.coordinates].map((rings) => rings.map((r) => r.map((p) => p.join(',')).join(' ')));
  expect(regionFeatures.filter((f) => f.kind !== 'district').map((f) => [f.ags, f.name])).toEqual(
    region
      .map((f) => [f.properties.ags, f.properties.name])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  for (const f of regionFeatures.filter((x) => x.kind !== 'district'))
    expect(f.polygons, f.name).toEqual(encode(nrw.get(f.ags)!.geometry));
  const kreis = features('nrw-districts.geojson').find((d) => d.properties.ags === '05158')!;
  expect(regionFeatures.find((f) => f.kind === 'district')!.polygons).toEqual(encode(kreis.geometry));
});

const doc = (sourceId: number, title: string, bodyName: string, isPublic = true): SearchDocumentInput => ({
  type: 'paper',
  sourceId,
  title,
  text: title,
  date: '2025-06-01',
  isPublic,
  ownerOrganizationId: null,
  bodyId: null,
  bodyName,
  committee: null,
  paperType: null,
  url: null,
});

describeEachDb('regional radar map API', (env) => {
  it('serves the map to anyone, with attribution and the names of the bodies of each area', async () => {
    const { ctx, app } = env();
    const at = nowIso();
    await ctx.db
      .insertInto('bodies')
      .values({
        key: 'test:kreis',
        name: 'Kreis Mettmann',
        kind: 'district',
        ags: '05158',
        ars: '05158',
        parent_id: null,
        website: null,
        source: null,
        attribution: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const source = await ctx.db
      .insertInto('council_sources')
      .values({ system_url: 'http://ris.example/system', error_count: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('council_bodies')
      .values({
        oparl_id: 'http://ris.example/bodies/1',
        source_id: source.id,
        body_oparl_id: 'http://ris.example/bodies/1',
        name: 'Stadt Ratingen',
        raw_json: '{}',
        oparl_created: null,
        oparl_modified: null,
        deleted: 0,
        quirks_json: null,
        is_public: 1,
        owner_organization_id: null,
        created_at: at,
        updated_at: at,
        short_name: null,
        ags: '05158028',
        website: null,
        system_oparl_id: null,
      })
      .execute();

    const res = await app.inject({ method: 'GET', url: '/api/radar/map' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    const map = res.json() as {
      width: number;
      height: number;
      attribution: string;
      attributionUrl: string;
      source: string;
      features: {
        ags: string;
        name: string;
        kind: string;
        path: string;
        label: { x: number; y: number };
        bodyNames: string[];
      }[];
    };
    expect(map.attribution).toBe('© GeoBasis-DE / BKG 2017 (Daten verändert)');
    expect(map.attributionUrl).toBe('https://www.bkg.bund.de');
    expect(map.source).toContain('VG250');
    expect(map.features).toHaveLength(12);
    expect(map.width).toBe(600);
    // North up, region taller than wide in degrees but not in km: the frame fits the data.
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(1200);
    for (const f of map.features) {
      expect(f.path).toMatch(/^M[\d. L]+Z/);
      const numbers = f.path.match(/[\d.]+/g)!.map(Number);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(map.width);
      expect(Math.max(...numbers.filter((_, i) => i % 2 === 1))).toBeLessThanOrEqual(map.height);
      expect(f.label.x).toBeGreaterThan(0);
      expect(f.label.y).toBeGreaterThan(0);
    }
    const byAgs = new Map(map.features.map((f) => [f.ags, f]));
    // Düsseldorf lies west of Velbert, Monheim south of Ratingen.
    expect(byAgs.get('05111000')!.label.x).toBeLessThan(byAgs.get('05158032')!.label.x);
    expect(byAgs.get('05158026')!.label.y).toBeGreaterThan(byAgs.get('05158028')!.label.y);
    expect(byAgs.get('05158028')!.bodyNames).toEqual(['Ratingen', 'Stadt Ratingen']);
    expect(byAgs.get('05158')!.bodyNames).toEqual(['Kreis Mettmann']);
    expect(byAgs.get('05158020')!.name).toBe('Langenfeld (Rheinland)');
  });

  it('counts per body how many radar topics it is in, for the readers it may show', async () => {
    const { ctx, app } = env();
    await indexDocuments(ctx, [
      doc(101, 'Radschnellweg entlang der Düssel', 'Stadt Ratingen'),
      doc(102, 'Radschnellweg Anbindung Innenstadt', 'Mettmann'),
      doc(103, 'Wasserstoffbusse im Kreisgebiet', 'Mettmann'),
      doc(104, 'Wasserstoffbusse für den Stadtverkehr', 'Hilden'),
      doc(105, 'Wasserstoffbusse Betriebshof', 'Stadt Ratingen', false),
      doc(106, 'Friedhofssatzung', 'Haan'),
    ]);
    const radar = async (headers?: Record<string, string>) =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/radar',
          query: { from: '2025-01-01', to: '2025-12-31' },
          headers,
        })
      ).json() as {
        topics: { label: string }[];
        bodies: { body: string; documents: number; topics: number }[];
      };
    const anon = await radar();
    expect(anon.topics.map((t) => t.label).sort()).toEqual(['Radschnellweg', 'Wasserstoffbusse']);
    expect(anon.bodies).toEqual([
      { body: 'Mettmann', documents: 2, topics: 2 },
      { body: 'Hilden', documents: 1, topics: 1 },
      { body: 'Stadt Ratingen', documents: 1, topics: 1 },
      { body: 'Haan', documents: 1, topics: 0 },
    ]);
    const office = await signIn(env(), { role: 'office' });
    const seen = await radar(office.headers);
    expect(seen.bodies.find((b) => b.body === 'Stadt Ratingen')).toEqual({
      body: 'Stadt Ratingen',
      documents: 2,
      topics: 2,
    });
  });
});
