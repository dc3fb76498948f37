import type { DatePrecision, OrganizationRelationKind } from '../tables.js';

export interface SeedRelation {
  key: string;
  organizationKey: string;
  relatedKey: string;
  kind: OrganizationRelationKind;
  role: string;
  /** Stored with the precision the seed gives; absent where the seed gives no date. */
  start?: [string, DatePrecision];
  end?: [string, DatePrecision];
  /** Ended although the seed gives no end date. */
  ended?: boolean;
  note?: string;
}

const rm = 'org:regionalmanagement';

const partner = (key: string): SeedRelation => ({
  key: `relation:${key.slice(4)}-projektpartner-rm`,
  organizationKey: key,
  relatedKey: rm,
  kind: 'partner',
  role: 'Projektpartner (Projektträger)',
  // DATA.md, inferred dates: the seed names the three partners in March 2017, not when they became partners.
  start: ['2017-03-01', 'month'],
  note: 'Einer der drei Projektpartner (Kooperationsvertrag); die Vorlage nennt sie im März 2017, als das Regionalmanagement seine Arbeit aufnahm.',
});

/** The office's dated relations to other organisations, as the seed states them. */
export const relations: SeedRelation[] = [
  partner('org:lhd'),
  partner('org:kreis-mettmann'),
  partner('org:ihk-duesseldorf'),
  {
    key: 'relation:rm-angesiedelt-wirtschaftsfoerderung-kreis-mettmann',
    organizationKey: rm,
    relatedKey: 'org:kreis-mettmann-wirtschaftsfoerderung',
    kind: 'placed_in',
    role: 'angesiedelt in',
    start: ['2017-03-01', 'month'],
    ended: true,
    note:
      'In der Aufbauphase ab März 2017, als der Kooperationsvertrag noch ausgehandelt wurde. Wann das ' +
      'Regionalmanagement von dort in das Dezernat 07 der Landeshauptstadt wechselte, nennt die Vorlage nicht.',
  },
  {
    key: 'relation:rm-angesiedelt-dezernat-07',
    organizationKey: rm,
    relatedKey: 'org:lhd-dezernat-07',
    kind: 'placed_in',
    role: 'organisatorisch angesiedelt in',
    note: 'Stand der Vorlage vom 23.08.2018; seit wann, nennt die Vorlage nicht.',
  },
  {
    key: 'relation:rm-mitglied-regionen-nrw',
    organizationKey: rm,
    relatedKey: 'org:regionen-nrw',
    kind: 'member',
    role: 'Mitglied',
    start: ['2017-06-01', 'month'],
    note: 'Die Region Düsseldorf – Kreis Mettmann ist seit Juni 2017 Mitglied von regionen.NRW.',
  },
  {
    key: 'relation:rm-mitglied-reo-runde',
    organizationKey: rm,
    relatedKey: 'org:reo-runde',
    kind: 'member',
    role: 'Mitglied',
    // DATA.md, inferred dates: the seed has the office appear in the round "from now on" in 2017.
    start: ['2017-01-01', 'year'],
    note:
      'Mitgliedschaft in den Runden der Regionalen Entwicklungsorganisationen beim Land; das ' +
      'Regionalmanagement trat dort im Jahr 2017 auf, ein genaueres Datum nennt die Vorlage nicht.',
  },
];

export function relationStart(key: string): [string, DatePrecision] {
  const start = relations.find((r) => r.key === key)?.start;
  if (!start) throw new Error(`demo data: relation ${key} has no start date`);
  return start;
}
