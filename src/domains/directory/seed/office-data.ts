import type { DatePrecision } from '../tables.js';

/** Every record below restates the seed document; its source note says so. */
export const VORLAGE = 'Vorlage 10/036/2018 (23.08.2018)';

export interface SeedOrganization {
  key: string;
  name: string;
  shortName?: string;
  kind: string;
  parentKey?: string;
  bodyKey?: string;
  description?: string;
  /** Defaults to the seed Vorlage. */
  source?: string;
}

export const organizations: SeedOrganization[] = [
  {
    key: 'org:lhd',
    name: 'Landeshauptstadt Düsseldorf',
    shortName: 'LHD',
    kind: 'partner',
    bodyKey: 'ags:05111000',
    description: 'Projektpartner (Projektträger) des Regionalmanagements.',
  },
  {
    key: 'org:kreis-mettmann',
    name: 'Kreis Mettmann',
    shortName: 'Kreis ME',
    kind: 'partner',
    bodyKey: 'ags:05158',
    description: 'Projektpartner (Projektträger) des Regionalmanagements.',
  },
  {
    key: 'org:ihk-duesseldorf',
    name: 'IHK Düsseldorf',
    shortName: 'IHK',
    kind: 'chamber',
    description: 'Industrie- und Handelskammer; Projektpartner (Projektträger) des Regionalmanagements.',
  },
  {
    key: 'org:lhd-dezernat-07',
    name: 'Dezernat 07 – Dezernat für Recht, Ordnung und Wohnen',
    shortName: 'Dezernat 07',
    kind: 'department',
    parentKey: 'org:lhd',
    bodyKey: 'ags:05111000',
    description: 'Dem Dezernat ist das Themenfeld „Regionale Angelegenheiten“ zugeordnet.',
  },
  {
    key: 'org:regionalmanagement',
    name: 'Regionalmanagement Landeshauptstadt Düsseldorf – Kreis Mettmann',
    shortName: 'Regionalmanagement',
    kind: 'office',
    parentKey: 'org:lhd-dezernat-07',
    bodyKey: 'ags:05111000',
    description:
      'Geschäftsstelle der drei Projektpartner Landeshauptstadt Düsseldorf, Kreis Mettmann und IHK Düsseldorf ' +
      '(Kooperationsvertrag). Organisatorisch im Dezernat 07 der Landeshauptstadt angesiedelt. Übergeordnetes Ziel: ' +
      'Entwicklung des Wirtschaftsraums Düsseldorf – Kreis Mettmann; Bündelungsfunktion, Schnittstelle zu Land ' +
      'und Bund, Überblick über Förderprogramme, Leuchtturmprojekte. Übernimmt nicht die Kernaufgaben der ' +
      'Fachämter.',
  },
  {
    key: 'org:kreis-mettmann-wirtschaftsfoerderung',
    name: 'Wirtschaftsförderung des Kreises Mettmann',
    kind: 'department',
    parentKey: 'org:kreis-mettmann',
    bodyKey: 'ags:05158',
    description: 'Hier war das Regionalmanagement in seiner Aufbauphase 2017 angesiedelt.',
  },
  {
    key: 'org:regionalagentur',
    name: 'Regionalagentur Düsseldorf – Kreis Mettmann',
    shortName: 'Regionalagentur',
    kind: 'agency',
    parentKey: 'org:lhd-dezernat-07',
    description:
      'Begleitet die Themen der Sozial- und Arbeitsmarktpolitik auf der regionalen Ebene; ebenfalls im ' +
      'Dezernat 07 verortet. Mittelfristig sollen Regionalagentur und Regionalmanagement gemeinsame ' +
      'Räumlichkeiten teilen.',
  },
  {
    key: 'org:regionen-nrw',
    name: 'regionen.NRW',
    kind: 'network',
    description: 'Verbund der neun Regionalmanagements in Nordrhein-Westfalen.',
  },
  {
    key: 'org:wirtschaftsministerium-nrw',
    name: 'Wirtschaftsministerium des Landes Nordrhein-Westfalen',
    shortName: 'Wirtschaftsministerium NRW',
    kind: 'ministry',
  },
  {
    key: 'org:reo-runde',
    name: 'Runde der Regionalen Entwicklungsorganisationen (REO)',
    shortName: 'REO-Runde',
    kind: 'committee',
    description:
      'Austauschgremium der Landesregierung mit dem Staatssekretär des Wirtschaftsministeriums des Landes.',
  },
  // The seed's header: its originating department and its Beratungsfolge. The seed does not name the
  // administration or council they belong to, so they have neither parent nor body.
  {
    key: 'org:amt-digitalisierung-wirtschaftsfoerderung-kultur-tourismus',
    name: 'Amt für Digitalisierung, Organisation, Wirtschaftsförderung, Kultur und Tourismus',
    kind: 'department',
    description:
      'Fachbereich der Vorlage 10/036/2018 (Az. 10-32). Zu welcher Verwaltung das Amt gehört, nennt die ' +
      'Vorlage nicht.',
  },
  {
    key: 'org:ausschuss-wirtschaftsfoerderung-kultur-tourismus',
    name: 'Ausschuss für Wirtschaftsförderung, Kultur und Tourismus',
    kind: 'committee',
    description:
      'Beratungsfolge der Vorlage 10/036/2018: Sitzung am 20.09.2018, Kenntnisnahme. Zu welchem Rat der ' +
      'Ausschuss gehört, nennt die Vorlage nicht.',
  },
];

/** The seed names the staff; the demo data keeps people as their roles, not as names. */
export const people = [
  {
    key: 'person:rm-geschaeftsfuehrung',
    name: 'Geschäftsführung des Regionalmanagements',
    note: 'Mitarbeiterin der Landeshauptstadt Düsseldorf.',
  },
  {
    key: 'person:rm-stellvertretung',
    name: 'Stellvertretende Geschäftsführung des Regionalmanagements',
    note: 'Leitete das Regionalmanagement in der Aufbauphase kommissarisch; vom Kreis Mettmann abgeordnet.',
  },
  {
    key: 'person:rm-mitarbeiterin-ihk',
    name: 'Mitarbeiterin des Regionalmanagements (abgeordnet von der IHK Düsseldorf)',
    note: null,
  },
  {
    key: 'person:vorlage-10-036-2018-bearbeitung',
    name: 'Bearbeiter/in der Vorlage 10/036/2018',
    note: 'Die Vorlage nennt die Person; die Demodaten führen sie wie das Team des Regionalmanagements nach ihrer Rolle.',
  },
];

export interface SeedMembership {
  key: string;
  personKey: string;
  organizationKey: string;
  role: string;
  start?: [string, DatePrecision];
  end?: [string, DatePrecision];
  secondedFromKey?: string;
  secondedSince?: string;
  note?: string;
}

export const memberships: SeedMembership[] = [
  {
    key: 'membership:rm-kommissarische-leitung',
    personKey: 'person:rm-stellvertretung',
    organizationKey: 'org:regionalmanagement',
    role: 'Kommissarische Leitung',
    start: ['2017-03-01', 'month'],
    // DATA.md, inferred dates: the seed gives no end, only the new management from 01.06.2018.
    end: ['2018-05-01', 'month'],
    note:
      'In der Aufbauphase, als das Regionalmanagement in der Wirtschaftsförderung des Kreises Mettmann ' +
      'angesiedelt war. Zum 01.06.2018 übernahm die neue Geschäftsführung, die bisherige kommissarische ' +
      'Leitung die Stellvertretung.',
  },
  {
    key: 'membership:rm-geschaeftsfuehrung',
    personKey: 'person:rm-geschaeftsfuehrung',
    organizationKey: 'org:regionalmanagement',
    role: 'Geschäftsführung',
    start: ['2018-06-01', 'day'],
  },
  {
    key: 'membership:lhd-mitarbeiterin-gf',
    personKey: 'person:rm-geschaeftsfuehrung',
    organizationKey: 'org:lhd',
    role: 'Mitarbeiterin',
  },
  {
    key: 'membership:rm-stellvertretung',
    personKey: 'person:rm-stellvertretung',
    organizationKey: 'org:regionalmanagement',
    role: 'Stellvertretung der Geschäftsführung',
    start: ['2018-06-01', 'day'],
    secondedFromKey: 'org:kreis-mettmann',
    secondedSince: '2018-07-01',
    note: 'Vom Kreis Mettmann an die Landeshauptstadt Düsseldorf abgeordnet.',
  },
  {
    key: 'membership:rm-mitarbeiterin-ihk',
    personKey: 'person:rm-mitarbeiterin-ihk',
    organizationKey: 'org:regionalmanagement',
    role: 'Mitarbeiterin',
    start: ['2018-07-01', 'day'],
    secondedFromKey: 'org:ihk-duesseldorf',
    note: 'Von der IHK Düsseldorf an die Landeshauptstadt Düsseldorf abgeordnet.',
  },
  {
    key: 'membership:vorlage-10-036-2018-bearbeitung',
    personKey: 'person:vorlage-10-036-2018-bearbeitung',
    organizationKey: 'org:amt-digitalisierung-wirtschaftsfoerderung-kultur-tourismus',
    role: 'Bearbeiter/in',
    note: 'Bearbeiter/in der Vorlage 10/036/2018 vom 23.08.2018 (Az. 10-32).',
  },
];

export const addresses = [
  {
    key: 'address:rm-willi-becker-allee',
    organizationKey: 'org:regionalmanagement',
    label: 'Geschäftsstelle (bezogen Anfang 2018)',
    street: 'Willi-Becker-Allee',
    city: 'Düsseldorf',
    validFrom: ['2018-01-01', 'year'] as [string, DatePrecision],
    validTo: ['2018-07-01', 'month'] as [string, DatePrecision] | null,
  },
  {
    key: 'address:rm-auf-dem-hennekamp',
    organizationKey: 'org:regionalmanagement',
    label: 'Neue Räumlichkeiten (bezogen Anfang Juli 2018)',
    street: 'Auf dem Hennekamp 45',
    city: 'Düsseldorf',
    validFrom: ['2018-07-01', 'month'] as [string, DatePrecision],
    validTo: null,
  },
];
