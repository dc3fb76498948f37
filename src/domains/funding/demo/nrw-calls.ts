import type { CallInput, ParsedItem, ProgrammeInput } from '../model.js';

/**
 * NRW calls for the demo, written in our own words from the facts in shared/funding/nrw-facts.md
 * (efre.nrw.de and the Regio.NRW call pages, read 2026-11-25). Its note says facts carry over and
 * wording does not, so nothing here is quoted.
 */
const SOURCE =
  'Eigene Zusammenfassung nach Angaben von efre.nrw.de (EFRE/JTF-Programm NRW, Aufruf Regio.NRW), Stand 25.11.2026';

const programme: ProgrammeInput = {
  sourceId: 'programme:efre-jtf-nrw-2021-2027',
  sourceUrl: 'https://www.efre.nrw.de',
  title: 'EFRE/JTF-Programm NRW 2021–2027',
  giverLevel: 'Land',
  giverName: 'Land Nordrhein-Westfalen (EFRE/JTF)',
  fundingTypes: ['Zuschuss'],
  fundingAreas: ['Regionalförderung'],
  regions: ['Nordrhein-Westfalen'],
  eligibleApplicants: [],
  legalBasis: null,
  contacts: [],
  keywords: 'EFRE JTF Nordrhein-Westfalen Aufruf Wettbewerb Richtlinienförderung',
  summary:
    'Das Programm fördert auf zwei Wegen: über Aufrufe und Wettbewerbe mit festen Fristen und über ' +
    'Richtlinien, nach denen Anträge in der Reihenfolge ihres Eingangs beschieden werden. Es umfasst mehr ' +
    'als 30 Maßnahmen; neue Aufrufe kündigt ein Newsletter an.',
  body:
    'Aufrufe laufen ein- oder zweistufig. Bei zweistufigen Aufrufen reichen Projektträger zuerst eine ' +
    'Projektskizze über das Online-Skizzentool ein; wer ausgewählt wird, stellt danach den Antrag im ' +
    'EFRE-Antragsportal.',
  deadlineText: null,
  licence: null,
  attribution: SOURCE,
  textIsVerbatim: false,
  importNotes: null,
};

const regioTransformation: CallInput & { programmeSourceId: string } = {
  sourceId: 'regio-nrw-transformation',
  sourceUrl: 'https://www.efre.nrw.de',
  callKind: 'grant',
  identifier: 'Regio.NRW – Transformation',
  title: 'Regio.NRW – Transformation',
  text:
    'Wettbewerb für regionale Projekte im EFRE/JTF-Programm NRW. Ein Projekt muss mindestens drei Kreise ' +
    'oder kreisfreie Städte einbeziehen oder eine Region mit wenigstens einer Million Einwohnerinnen und ' +
    'Einwohnern abdecken. Antragsberechtigt sind unter anderem kommunale und regionale ' +
    'Wirtschaftsförderungen – das Regionalmanagement kann also selbst Antragsteller sein. Im ' +
    'Regierungsbezirk Düsseldorf berät die Bezirksregierung (Dezernat 34). Die erste Runde war mit ' +
    '60 Mio. Euro aus EFRE- und Landesmitteln ausgestattet; für die zweite Runde waren zunächst ' +
    'Projektskizzen einzureichen.',
  status: 'closed',
  stageModel: 'two-stage',
  giverLevel: 'Land',
  giverName: 'Land Nordrhein-Westfalen (EFRE/JTF)',
  budgetEur: 60_000_000,
  fundingRatePercent: null,
  minGrantEur: null,
  maxGrantEur: null,
  eligibleApplicants: [
    'Kommunale Wirtschaftsförderung',
    'Regionale Wirtschaftsförderung',
    'Regionalmanagement',
  ],
  regions: ['Nordrhein-Westfalen'],
  fieldsOfAction: [],
  links: [{ label: 'EFRE/JTF-Programm NRW', url: 'https://www.efre.nrw.de' }],
  licence: null,
  attribution: SOURCE,
  textIsVerbatim: false,
  importNotes: 'Budget gilt für Runde 1.',
  programmeSourceId: programme.sourceId,
  rounds: [
    {
      roundKey: 'round-1',
      label: '1. Runde',
      opensAt: '2022-11-02',
      deadlineDate: '2023-01-31',
      deadlineTime: null,
      timeZone: 'Europe/Berlin',
      deadlineKind: 'submission',
      confidence: 1,
      evidence: 'nrw-facts.md: Runde 1 offen vom 02.11.2022 bis 31.01.2023',
    },
    {
      roundKey: 'round-2-outline',
      label: '2. Runde – Projektskizzen',
      opensAt: null,
      deadlineDate: '2025-01-31',
      deadlineTime: null,
      timeZone: 'Europe/Berlin',
      deadlineKind: 'outline',
      confidence: 1,
      evidence: 'nrw-facts.md: Skizzen für Runde 2 fällig am 31.01.2025',
    },
  ],
};

export function nrwDemoItems(): ParsedItem[] {
  return [{ kind: 'record', key: regioTransformation.sourceId, programme, call: regioTransformation }];
}
