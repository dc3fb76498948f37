import { describe, expect, it } from 'vitest';
import { extractObjects } from './extract.js';
import { normalizeObject } from './normalize.js';
import { isPublicObject } from './to-row.js';

const t = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;

describe('OParl quirks', () => {
  it('swaps [lat, lon] back for places in Germany and trims non-breaking spaces', () => {
    const { obj, quirks } = normalizeObject(
      {
        id: 'https://x.de/l/1',
        postalCode: '52457\u00a0',
        geojson: { type: 'Feature', geometry: { type: 'Point', coordinates: [50.89, 6.28] } },
      },
      'Location',
      Date.now(),
    );
    expect((obj.geojson as { geometry: { coordinates: number[] } }).geometry.coordinates).toEqual([
      6.28, 50.89,
    ]);
    expect(obj.postalCode).toBe('52457');
    expect(quirks).toEqual(['trimmed_whitespace', 'coordinates_swapped']);
  });

  it('leaves correct coordinates alone', () => {
    const { quirks } = normalizeObject(
      {
        id: 'https://x.de/l/2',
        geojson: { type: 'Feature', geometry: { type: 'Point', coordinates: [6.28, 50.89] } },
      },
      'Location',
      Date.now(),
    );
    expect(quirks).toEqual([]);
  });

  it('flags meetings cancelled only by name and timestamps stamped with the crawl date', () => {
    const now = Date.now();
    const stamp = new Date(now - 5_000).toISOString();
    const { quirks } = normalizeObject(
      { id: 'https://x.de/m/1', name: 'Bauausschuss - ENTFÄLLT -', created: stamp, modified: stamp },
      'Meeting',
      now,
    );
    expect(quirks).toContain('cancelled_by_name');
    expect(quirks).toContain('timestamp_is_crawl_date');
    expect(
      normalizeObject(
        { id: 'https://x.de/m/2', name: 'Rat', modified: '2020-01-01T00:00:00Z' },
        'Meeting',
        now,
      ).quirks,
    ).toEqual([]);
  });

  it('marks nichtöffentlich papers, files and agenda items, and what they embed', () => {
    expect(isPublicObject('File', { name: 'nö Protokoll' })).toBe(false);
    expect(isPublicObject('AgendaItem', { name: 'Bericht', public: false })).toBe(false);
    expect(isPublicObject('Meeting', { name: 'Gemeinderat (öffentlich/nicht öffentlich)' })).toBe(true);
    expect(isPublicObject('Paper', { name: 'Öffentlichkeitsbeteiligung Radweg' })).toBe(true);
    const { objects } = extractObjects(
      {
        id: 'https://x.de/p/1',
        type: t('Paper'),
        name: 'Nichtöffentlich: Grundstücksangelegenheit',
        auxiliaryFile: [{ id: 'https://x.de/f/1', type: t('File'), name: 'Lageplan' }],
        consultation: [{ id: 'https://x.de/c/1', type: t('Consultation') }],
      },
      'Paper',
    );
    expect(objects.map((o) => [o.kind, o.parentNonPublic])).toEqual([
      ['Paper', false],
      ['Consultation', true],
      ['File', true],
    ]);
    // The consultation learns its paper from where it was embedded.
    expect(objects[1].obj.paper).toBe('https://x.de/p/1');
  });

  it('rejects entries without a usable id or with an unknown type instead of throwing', () => {
    const r = extractObjects(
      { type: t('Paper'), name: 'x', auxiliaryFile: [{ id: 'https://x.de/f/9' }] },
      'Paper',
    );
    expect(r.objects).toEqual([]);
    expect(r.rejected.map((x) => x.reason)).toEqual(['missing or invalid id']);
    const embeddedBad = extractObjects(
      { id: 'https://x.de/p/2', type: t('Paper'), auxiliaryFile: [{ name: 'ohne id' }] },
      'Paper',
    );
    expect(embeddedBad.objects).toHaveLength(1);
    expect(embeddedBad.rejected).toHaveLength(1);
  });
});
