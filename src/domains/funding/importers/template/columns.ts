/**
 * The columns of the hand-kept list template. Headers are matched case-insensitively against the
 * German name and the English alias; list cells take several values separated by ";" or "|".
 */
export interface TemplateColumn {
  key: string;
  de: string;
  en: string;
  hintDe: string;
  hintEn: string;
  required?: boolean;
}

const round = (n: number): TemplateColumn[] => [
  {
    key: `round${n}_label`,
    de: `frist_${n}_bezeichnung`,
    en: `round_${n}_label`,
    hintDe: 'z. B. "Projektskizze"',
    hintEn: 'e.g. "Outline"',
  },
  {
    key: `round${n}_opens`,
    de: `frist_${n}_beginn`,
    en: `round_${n}_opens`,
    hintDe: 'TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT',
    hintEn: 'DD.MM.YYYY, DD.MM.YY or YYYY-MM-DD',
  },
  {
    key: `round${n}_date`,
    de: `frist_${n}_datum`,
    en: `round_${n}_deadline`,
    hintDe: 'TT.MM.JJJJ, TT.MM.JJ oder JJJJ-MM-TT',
    hintEn: 'DD.MM.YYYY, DD.MM.YY or YYYY-MM-DD',
  },
  {
    key: `round${n}_time`,
    de: `frist_${n}_uhrzeit`,
    en: `round_${n}_time`,
    hintDe: 'HH:MM oder „12 Uhr“ (Europe/Berlin)',
    hintEn: 'HH:MM or "12 Uhr" (Europe/Berlin)',
  },
  {
    key: `round${n}_kind`,
    de: `frist_${n}_art`,
    en: `round_${n}_kind`,
    hintDe: 'Einreichung, Skizze, Vollantrag, Stichtag',
    hintEn: 'submission, outline, full_proposal, cut_off',
  },
];

export const templateColumns: TemplateColumn[] = [
  {
    key: 'call_id',
    de: 'aufruf_id',
    en: 'call_id',
    hintDe: 'eigene, stabile Kennung des Aufrufs',
    hintEn: 'your own stable id of the call',
    required: true,
  },
  {
    key: 'title',
    de: 'titel',
    en: 'title',
    hintDe: 'Titel des Aufrufs',
    hintEn: 'title of the call',
    required: true,
  },
  { key: 'text', de: 'beschreibung', en: 'description', hintDe: 'eigener Text', hintEn: 'your own text' },
  {
    key: 'status',
    de: 'status',
    en: 'status',
    hintDe: 'geplant, offen, geschlossen',
    hintEn: 'forthcoming, open, closed',
    required: true,
  },
  {
    key: 'stage_model',
    de: 'verfahren',
    en: 'stage_model',
    hintDe: 'einstufig, zweistufig, laufend, mehrere Stichtage',
    hintEn: 'single-stage, two-stage, rolling, multiple-cut-offs',
  },
  {
    key: 'giver_level',
    de: 'foerdergeber_ebene',
    en: 'giver_level',
    hintDe: 'EU, Bund, Land, sonstige',
    hintEn: 'EU, Bund, Land, other',
    required: true,
  },
  {
    key: 'giver_name',
    de: 'foerdergeber',
    en: 'giver_name',
    hintDe: 'z. B. Land NRW',
    hintEn: 'e.g. State of NRW',
  },
  {
    key: 'programme_title',
    de: 'programm_titel',
    en: 'programme_title',
    hintDe: 'Förderprogramm (optional)',
    hintEn: 'funding programme (optional)',
  },
  {
    key: 'budget',
    de: 'budget_eur',
    en: 'budget_eur',
    hintDe: 'Betrag, z. B. 60000000 oder 2,5 Mio. €',
    hintEn: 'amount, e.g. 60000000 or 2.5 Mio. €',
  },
  {
    key: 'rate',
    de: 'foerderquote_prozent',
    en: 'funding_rate_percent',
    hintDe: '0 bis 100, z. B. 80 %',
    hintEn: '0 to 100, e.g. 80 %',
  },
  { key: 'min_grant', de: 'min_foerderung_eur', en: 'min_grant_eur', hintDe: 'Zahl', hintEn: 'number' },
  { key: 'max_grant', de: 'max_foerderung_eur', en: 'max_grant_eur', hintDe: 'Zahl', hintEn: 'number' },
  {
    key: 'applicants',
    de: 'antragsberechtigte',
    en: 'eligible_applicants',
    hintDe: 'mit ; getrennt',
    hintEn: 'separated by ;',
  },
  { key: 'regions', de: 'regionen', en: 'regions', hintDe: 'mit ; getrennt', hintEn: 'separated by ;' },
  {
    key: 'fields',
    de: 'handlungsfelder',
    en: 'fields_of_action',
    hintDe: 'Namen der Handlungsfelder, mit ; getrennt (z. B. Fachkräfte; Mobilität)',
    hintEn: 'names of the fields of action, separated by ;',
  },
  { key: 'url', de: 'link', en: 'url', hintDe: 'https://…', hintEn: 'https://…' },
  {
    key: 'source_note',
    de: 'quelle',
    en: 'source',
    hintDe: 'woher die Angaben stammen',
    hintEn: 'where the facts come from',
  },
  ...round(1),
  ...round(2),
  ...round(3),
];

export const MAX_ROUNDS = 3;

export function columnByHeader(header: string): TemplateColumn | undefined {
  const h = header.trim().toLowerCase();
  return templateColumns.find((c) => c.de === h || c.en === h);
}
