import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionBodies } from './region-bodies.js';

const geo = join(process.cwd(), '..', 'shared', 'geo');
const features = (file: string) =>
  (
    JSON.parse(readFileSync(join(geo, file), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    }
  ).features.map((f) => f.properties);

describe('region bodies', () => {
  it('carry exactly the keys and names of the BKG VG250 region file', () => {
    const towns = features('region-duesseldorf-mettmann.geojson');
    expect(towns).toHaveLength(11);
    for (const t of towns) {
      const body = regionBodies.find((b) => b.ags === t.ags);
      expect(body, `AGS ${t.ags}`).toMatchObject({
        name: t.name,
        ars: t.ars,
        kind: t.kreisfrei ? 'city' : 'town',
      });
      if (!t.kreisfrei) expect(body?.parentKey).toBe(`ags:${t.kreis_ags}`);
    }
  });

  it('have the district with its Kreisschlüssel from the district file', () => {
    const mettmann = features('nrw-districts.geojson').find((d) => d.ags === '05158');
    const district = regionBodies.find((b) => b.kind === 'district');
    expect(mettmann?.kreis).toBe('Kreis Mettmann');
    expect(district).toMatchObject({ ags: '05158', name: mettmann?.kreis });
    expect(regionBodies).toHaveLength(12);
  });
});
