// The fixed query set of the search benchmark: 50 German queries against the Karlsruhe-based corpus.
import type { SearchFilters } from '../src/domains/search/types.js';

export interface BenchQuery {
  kind: 'rare' | 'common' | 'phrase' | 'operators' | 'filtered';
  q: string;
  filters?: SearchFilters;
}

const rare = [
  'Hagsfeld',
  'Nordtangente',
  'Wildpark',
  'Kohlenwasserstoffe',
  'Fußballstadion',
  'Landschaftsschutzgebiet',
  'Altlasten',
  'Stadtmauer',
  'Klinikum',
  'Rheinhafen',
  'Turmberg',
  'Straßenbahnhaltestelle',
  'Grundwasser',
  'Schlachthof',
  'Epidemie',
];
const common = [
  'Stadt',
  'Antrag',
  'Verwaltung',
  'Gemeinderat',
  'Haushalt',
  'Karlsruhe',
  'Schule',
  'Verkehr',
  'Kosten',
  'Maßnahme',
  'Förderung',
  'Stadtteil',
];
const phrase = [
  '"öffentlicher Nahverkehr"',
  '"Ausschuss für Planung"',
  '"städtischen Haushalt"',
  '"Finanzielle Auswirkungen"',
  '"chemische Reinigung"',
  '"sozialer Wohnungsbau"',
  '"Karlsruher Verkehrsverbund"',
  '"Antrag an den Gemeinderat"',
];
const operators = [
  'Kita*',
  'Radweg OR Fahrrad',
  'Schule -Sanierung',
  'Wohn*',
  '(Kinder OR Jugend) Betreuung',
  'Klimaschutz Photovoltaik',
  'Straßenbahn -Haltestelle',
];
const filtered: Array<[string, SearchFilters]> = [
  ['Radweg', { body: 'Ratingen' }],
  ['Haushalt', { year: 2019 }],
  ['Antrag', { paperType: 'Antrag' }],
  ['Schule', { body: 'Hilden', year: 2021 }],
  ['Verkehr', { paperType: 'Beschlussvorlage' }],
  ['Gemeinderat', { body: 'Velbert' }],
  ['Wohnungsbau', { year: 2022 }],
  ['Bebauungsplan', { paperType: 'Beschlussvorlage' }],
];

export const benchQueries: BenchQuery[] = [
  ...rare.map((q) => ({ kind: 'rare' as const, q })),
  ...common.map((q) => ({ kind: 'common' as const, q })),
  ...phrase.map((q) => ({ kind: 'phrase' as const, q })),
  ...operators.map((q) => ({ kind: 'operators' as const, q })),
  ...filtered.map(([q, filters]) => ({ kind: 'filtered' as const, q, filters })),
];
