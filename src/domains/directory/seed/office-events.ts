import type { DatePrecision } from '../tables.js';
import { relationStart } from './office-relations.js';

export interface SeedEvent {
  key: string;
  organizationKey: string;
  /** null: the seed names the event without a date */
  date: [string, DatePrecision] | null;
  kind: string;
  title: string;
  description?: string;
  relatedKey?: string;
}

const rm = 'org:regionalmanagement';

/**
 * The office's history as the seed tells it, in the order it tells it. Joining a network or a
 * cooperation is also a dated relation (office-relations.ts); its event takes the relation's date.
 */
export const events: SeedEvent[] = [
  {
    key: 'event:rm-start',
    organizationKey: rm,
    date: ['2017-03-01', 'month'],
    kind: 'founded',
    title: 'Das Regionalmanagement nimmt seine Arbeit nach außen auf',
    description:
      'Angesiedelt in der Wirtschaftsförderung des Kreises Mettmann und kommissarisch geleitet; im ' +
      'Innenverhältnis der drei Projektpartner wird der Kooperationsvertrag noch ausgehandelt.',
    relatedKey: 'org:kreis-mettmann-wirtschaftsfoerderung',
  },
  ...(
    [
      ['org:lhd', 'Landeshauptstadt Düsseldorf'],
      ['org:kreis-mettmann', 'Kreis Mettmann'],
      ['org:ihk-duesseldorf', 'IHK Düsseldorf'],
    ] as const
  ).map(
    ([partner, name]): SeedEvent => ({
      key: `event:rm-partner-${partner.slice(4)}`,
      organizationKey: rm,
      date: relationStart(`relation:${partner.slice(4)}-projektpartner-rm`),
      kind: 'partnership',
      title: `Projektpartner: ${name}`,
      description: 'Einer der drei Projektpartner des Regionalmanagements (Kooperationsvertrag).',
      relatedKey: partner,
    }),
  ),
  {
    key: 'event:rm-startschuss-schreiben',
    organizationKey: rm,
    date: ['2017-03-01', 'month'],
    kind: 'announcement',
    title: '„Startschuss“: Schreiben der drei Projektpartner an das Wirtschaftsministerium',
    description: 'Mitgeteilt dem Wirtschaftsministerium und den acht weiteren Regionalmanagements in NRW.',
    relatedKey: 'org:wirtschaftsministerium-nrw',
  },
  {
    key: 'event:rm-kooperationsvertrag',
    organizationKey: rm,
    date: ['2017-01-01', 'year'],
    kind: 'agreement',
    title: 'Aushandlung und Prüfung des Kooperationsvertrags',
    description:
      'Kooperationsvertrag der drei Projektpartner. Er sieht vor, dass Landeshauptstadt und Kreis in Zukunft ' +
      'jeweils eine weitere Mitarbeiterstelle zur Verfügung stellen können.',
  },
  {
    key: 'event:rm-reo-runde',
    organizationKey: rm,
    date: relationStart('relation:rm-mitglied-reo-runde'),
    kind: 'joined_network',
    title: 'Auftritt in der Runde der Regionalen Entwicklungsorganisationen (REO)',
    description: 'Austauschgremium der Landesregierung mit dem Staatssekretär des Wirtschaftsministeriums.',
    relatedKey: 'org:reo-runde',
  },
  {
    key: 'event:rm-positionspapier-2017',
    organizationKey: rm,
    date: ['2017-01-01', 'year'],
    kind: 'position_paper',
    title: 'Positionspapier von regionen.NRW zur künftigen Strukturpolitik im Land',
    description:
      'Im Anschluss an die Landtagswahlen 2017; vom Regionalmanagement inhaltlich sowie finanziell mitgetragen.',
    relatedKey: 'org:regionen-nrw',
  },
  {
    key: 'event:rm-mitglied-regionen-nrw',
    organizationKey: rm,
    date: relationStart('relation:rm-mitglied-regionen-nrw'),
    kind: 'joined_network',
    title: 'Mitglied von regionen.NRW',
    description: 'Seitdem fester Bestandteil der regionalen Arbeit auf Landesebene.',
    relatedKey: 'org:regionen-nrw',
  },
  {
    key: 'event:regionen-nrw-geschaeftsstelle',
    organizationKey: 'org:regionen-nrw',
    date: ['2018-01-01', 'year'],
    kind: 'office_established',
    title: 'Einrichtung einer gemeinsamen Geschäftsstelle von regionen.NRW',
    description: 'Seit Anfang 2018; verstetigt und institutionalisiert die Arbeit im Verbund.',
  },
  {
    key: 'event:rm-workshop-2018-07-19',
    organizationKey: rm,
    date: ['2018-07-19', 'day'],
    kind: 'workshop',
    title: 'Workshop zur strategischen Positionierung des Regionalmanagements',
    description:
      'Teilnehmende: Vertreter der drei Projektträger Landeshauptstadt, Kreis und IHK sowie der Regionalagentur ' +
      'Düsseldorf – Kreis Mettmann.',
    relatedKey: 'org:regionalagentur',
  },
  {
    key: 'event:rm-workshop-ergebnis',
    organizationKey: rm,
    date: ['2018-07-19', 'day'],
    kind: 'decision',
    title: 'Ergebnis des Workshops: Ziele und Handlungsfelder definiert',
    description:
      'Übergeordnetes Ziel: Entwicklung des Wirtschaftsraums Düsseldorf – Kreis Mettmann. Entscheidendes ' +
      'Handlungsfeld: integrierte Raumentwicklung mit den Themen Planung, Verkehr (inkl. Mobilität und ' +
      'Infrastruktur), Digitalisierung, Fachkräfte. Bündelungsfunktion in diesen Themenfeldern; Entwicklung und ' +
      'Betreuung von Leuchtturmprojekten; Überblick über zentrale Förderprogramme (insbesondere Strukturfonds).',
  },
  {
    key: 'event:rm-aufruf-regio-nrw',
    organizationKey: rm,
    date: ['2018-01-01', 'year'],
    kind: 'funding',
    title: 'Aufruf Regio.NRW: stärkere Rolle des Regionalmanagements möglich',
    description:
      'Von der Beratung über die Begleitung, auch gegenüber dem Land, bis hin zur eigenen Antragstellung.',
  },
  {
    key: 'event:rm-vorlage-10-036-2018',
    organizationKey: rm,
    date: ['2018-08-23', 'day'],
    kind: 'report',
    title: 'Vorlage 10/036/2018: Vorstellung des Regionalmanagements',
    description:
      'Zur Kenntnisnahme im Ausschuss für Wirtschaftsförderung, Kultur und Tourismus (Sitzung 20.09.2018).',
  },
  {
    key: 'event:rm-fruehjahrsempfang',
    organizationKey: rm,
    date: null,
    kind: 'joint_event',
    title: 'Gemeinsamer Auftritt der neun Regionen auf dem Frühjahrsempfang der Regionen',
    relatedKey: 'org:regionen-nrw',
  },
  {
    key: 'event:rm-sommerfest-landesvertretung',
    organizationKey: rm,
    date: null,
    kind: 'joint_event',
    title: 'Gemeinsamer Auftritt der neun Regionen auf dem Sommerfest der Landesvertretung in Berlin',
    relatedKey: 'org:regionen-nrw',
  },
  {
    key: 'event:rm-gemeinsame-raeume-regionalagentur',
    organizationKey: rm,
    date: null,
    kind: 'plan',
    title: 'Vorgesehen: gemeinsame Räumlichkeiten mit der Regionalagentur',
    description:
      'Mittelfristig, damit die thematisch eng verwandten Tätigkeiten stärker abgestimmt werden können.',
    relatedKey: 'org:regionalagentur',
  },
];
