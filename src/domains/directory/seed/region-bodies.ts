import type { BodyKind } from '../tables.js';

export const GEO_SOURCE = 'BKG VG250, Stand 01.01.2016';
export const GEO_ATTRIBUTION = '© GeoBasis-DE / BKG 2017 (Daten verändert)';

export interface SeedBody {
  key: string;
  name: string;
  kind: BodyKind;
  ags: string;
  ars: string;
  parentKey: string | null;
}

const kreis = 'ags:05158';
const town = (ags: string, ars: string, name: string): SeedBody => ({
  key: `ags:${ags}`,
  name,
  kind: 'town',
  ags,
  ars,
  parentKey: kreis,
});

/**
 * The region's bodies with their official keys, copied from geo/README.txt and
 * region-duesseldorf-mettmann.geojson (BKG VG250); a test checks them against those files.
 * For Kreis Mettmann AGS and ARS are the 5-digit Kreisschlüssel (VG250_KRS).
 */
export const regionBodies: SeedBody[] = [
  {
    key: 'ags:05111000',
    name: 'Düsseldorf',
    kind: 'city',
    ags: '05111000',
    ars: '051110000000',
    parentKey: null,
  },
  { key: kreis, name: 'Kreis Mettmann', kind: 'district', ags: '05158', ars: '05158', parentKey: null },
  town('05158004', '051580004004', 'Erkrath'),
  town('05158008', '051580008008', 'Haan'),
  town('05158012', '051580012012', 'Heiligenhaus'),
  town('05158016', '051580016016', 'Hilden'),
  town('05158020', '051580020020', 'Langenfeld (Rheinland)'),
  town('05158024', '051580024024', 'Mettmann'),
  town('05158026', '051580026026', 'Monheim am Rhein'),
  town('05158028', '051580028028', 'Ratingen'),
  town('05158032', '051580032032', 'Velbert'),
  town('05158036', '051580036036', 'Wülfrath'),
];
