import { isHttpUrl } from '../../limits.js';
import type { CallInput, ProgrammeInput, RoundInput } from '../../model.js';
import type { CallStatus, GiverLevel, StageModel } from '../../tables.js';
import { readAmount, readDay, readPercent, readTime, readWord } from './cell-values.js';
import { MAX_ROUNDS, type TemplateColumn } from './columns.js';
import type { FieldResolver } from './field-resolver.js';
import { MAX_CELL } from './read-table.js';

export interface RowError {
  row: number;
  column: string;
  reason: string;
  reasonDe: string;
}

// Folded forms (cell-values.ts foldWord): "Läuft" → "laeuft".
const statuses: Record<string, CallStatus> = {
  forthcoming: 'forthcoming',
  geplant: 'forthcoming',
  angekuendigt: 'forthcoming',
  'in vorbereitung': 'forthcoming',
  vorankuendigung: 'forthcoming',
  demnaechst: 'forthcoming',
  'noch nicht geoeffnet': 'forthcoming',
  'noch nicht offen': 'forthcoming',
  bald: 'forthcoming',
  open: 'open',
  offen: 'open',
  geoeffnet: 'open',
  laufend: 'open',
  laeuft: 'open',
  aktiv: 'open',
  aktuell: 'open',
  'antragstellung moeglich': 'open',
  'bewerbung moeglich': 'open',
  'einreichung moeglich': 'open',
  closed: 'closed',
  geschlossen: 'closed',
  beendet: 'closed',
  abgelaufen: 'closed',
  ausgelaufen: 'closed',
  abgeschlossen: 'closed',
  eingestellt: 'closed',
  vorbei: 'closed',
  'nicht mehr moeglich': 'closed',
  'frist abgelaufen': 'closed',
};
const stages: Record<string, StageModel> = {
  'single stage': 'single-stage',
  einstufig: 'single-stage',
  'two stage': 'two-stage',
  zweistufig: 'two-stage',
  rolling: 'rolling',
  laufend: 'rolling',
  fortlaufend: 'rolling',
  jederzeit: 'rolling',
  'ohne frist': 'rolling',
  'keine frist': 'rolling',
  'multiple cut offs': 'multiple-cut-offs',
  'mehrere stichtage': 'multiple-cut-offs',
  stichtage: 'multiple-cut-offs',
};
const levels: Record<string, GiverLevel> = {
  eu: 'EU',
  europa: 'EU',
  'europaeische union': 'EU',
  'europaeische kommission': 'EU',
  bund: 'Bund',
  bundesregierung: 'Bund',
  land: 'Land',
  'land nrw': 'Land',
  nrw: 'Land',
  bundesland: 'Land',
  sonstige: 'other',
  sonstiges: 'other',
  other: 'other',
  kommune: 'other',
  stiftung: 'other',
};
const kinds: Record<string, string> = {
  submission: 'submission',
  einreichung: 'submission',
  antrag: 'submission',
  antragsfrist: 'submission',
  outline: 'outline',
  skizze: 'outline',
  projektskizze: 'outline',
  interessenbekundung: 'outline',
  'full proposal': 'full_proposal',
  vollantrag: 'full_proposal',
  'cut off': 'cut_off',
  stichtag: 'cut_off',
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
const list = (s: string) =>
  s
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * One data row of the template to a call (and optional programme), or the list of what is wrong
 * with it (row number + column + reason in English and German).
 */
export function mapTemplateRow(
  rowNumber: number,
  get: (key: string) => string,
  columnName: (key: string) => string,
  opts: { sourceSet: string; resolveField?: FieldResolver },
):
  | { call: CallInput & { programmeSourceId?: string }; programme?: ProgrammeInput; unmappedFields: string[] }
  | { errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (key: string, reason: string, reasonDe: string) =>
    errors.push({ row: rowNumber, column: columnName(key), reason, reasonDe });
  const text = (key: string, required = false): string | null => {
    const v = get(key).trim();
    if (v.length > MAX_CELL) {
      err(key, `cell longer than ${MAX_CELL} characters`, `Zelle länger als ${MAX_CELL} Zeichen`);
      return null;
    }
    if (!v) {
      if (required) err(key, 'required value missing', 'Pflichtangabe fehlt');
      return null;
    }
    return v;
  };
  const pick = <T>(key: string, map: Record<string, T>, required: boolean): T | null => {
    const v = text(key, required);
    if (v === null) return null;
    const m = readWord(v, map);
    if (m === null)
      err(
        key,
        `"${v.slice(0, 40)}" is not one of: ${[...new Set(Object.values(map))].join(', ')}`,
        `"${v.slice(0, 40)}" ist keiner der Werte: ${Object.keys(map).slice(0, 12).join(', ')} …`,
      );
    return m;
  };
  const amount = (key: string): number | null => {
    const v = text(key);
    if (v === null) return null;
    const n = readAmount(v);
    if (n === null || n > 1e13) {
      err(
        key,
        `"${v.slice(0, 40)}" is not an amount (e.g. 2500000, 2,5 Mio. €)`,
        `"${v.slice(0, 40)}" ist kein Betrag (z. B. 2500000, 2,5 Mio. €)`,
      );
      return null;
    }
    return n;
  };
  const percent = (key: string): number | null => {
    const v = text(key);
    if (v === null) return null;
    const n = readPercent(v);
    if (n === null)
      err(
        key,
        `"${v.slice(0, 40)}" is not a percentage from 0 to 100`,
        `"${v.slice(0, 40)}" ist kein Prozentsatz von 0 bis 100`,
      );
    return n;
  };
  const date = (key: string): string | null => {
    const v = text(key);
    if (v === null) return null;
    const d = readDay(v);
    if (!d)
      err(
        key,
        `"${v.slice(0, 40)}" is not a date (e.g. 15.03.2027, 15.03.27, 15. März 2027, 2027-03-15)`,
        `"${v.slice(0, 40)}" ist kein Datum (z. B. 15.03.2027, 15.03.27, 15. März 2027, 2027-03-15)`,
      );
    return d;
  };
  const time = (key: string): string | null => {
    const v = text(key);
    if (v === null) return null;
    const t = readTime(v);
    if (!t) err(key, 'time must be like 12:00 or 12 Uhr', 'Uhrzeit wie 12:00 oder 12 Uhr angeben');
    return t;
  };

  const callId = text('call_id', true);
  const title = text('title', true);
  const status = pick('status', statuses, true);
  const stage = pick('stage_model', stages, false);
  const level = pick('giver_level', levels, true);
  const url = text('url');
  if (url && !isHttpUrl(url))
    err('url', 'link must start with http:// or https://', 'Link muss mit http:// oder https:// beginnen');
  const rate = percent('rate');
  const rounds: RoundInput[] = [];
  for (let n = 1; n <= MAX_ROUNDS; n++) {
    const deadline = date(`round${n}_date`);
    const opens = date(`round${n}_opens`);
    const label = text(`round${n}_label`);
    const at = time(`round${n}_time`);
    const kind = pick(`round${n}_kind`, kinds, false);
    if (!deadline && !opens && !label) continue;
    rounds.push({
      roundKey: `round-${n}`,
      label,
      opensAt: opens,
      deadlineDate: deadline,
      deadlineTime: at,
      timeZone: 'Europe/Berlin',
      deadlineKind: kind ?? 'submission',
      confidence: 1,
      evidence: `row ${rowNumber} of the hand-kept list`,
    });
  }
  const programmeTitle = text('programme_title');
  const sourceNote = text('source_note');
  const fields = {
    text: text('text'),
    giverName: text('giver_name'),
    budget: amount('budget'),
    minGrant: amount('min_grant'),
    maxGrant: amount('max_grant'),
    applicants: list(get('applicants')),
    regions: list(get('regions')),
    fieldsOfAction: [] as string[],
  };
  const unmapped: string[] = [];
  for (const label of list(get('fields'))) {
    const key = opts.resolveField ? opts.resolveField(label) : label;
    if (key === null) unmapped.push(label);
    else if (!fields.fieldsOfAction.includes(key)) fields.fieldsOfAction.push(key);
  }
  if (errors.length || !callId || !title || !status || !level) return { errors };
  const programmeSourceId = programmeTitle ? `programme:${slug(programmeTitle)}` : undefined;
  const attribution = sourceNote ? `Quelle: ${sourceNote}` : null;
  const call: CallInput & { programmeSourceId?: string } = {
    sourceId: callId,
    sourceUrl: url,
    callKind: 'grant',
    identifier: callId,
    title,
    text: fields.text,
    status,
    stageModel:
      stage ?? (rounds.length > 1 ? 'multiple-cut-offs' : rounds.length === 1 ? 'single-stage' : 'unknown'),
    giverLevel: level,
    giverName: fields.giverName,
    budgetEur: fields.budget,
    fundingRatePercent: rate,
    minGrantEur: fields.minGrant,
    maxGrantEur: fields.maxGrant,
    eligibleApplicants: fields.applicants,
    regions: fields.regions,
    fieldsOfAction: fields.fieldsOfAction,
    links: url ? [{ label: 'Aufruf', url }] : [],
    licence: null,
    attribution,
    textIsVerbatim: false,
    importNotes: unmapped.length
      ? `fields of action not mapped / Handlungsfelder nicht zugeordnet: ${unmapped.join('; ')}`
      : null,
    rounds,
    programmeSourceId,
  };
  const programme: ProgrammeInput | undefined =
    programmeTitle && programmeSourceId
      ? {
          sourceId: programmeSourceId,
          sourceUrl: null,
          title: programmeTitle,
          giverLevel: level,
          giverName: fields.giverName,
          fundingTypes: [],
          fundingAreas: [],
          regions: fields.regions,
          eligibleApplicants: [],
          legalBasis: null,
          contacts: [],
          keywords: null,
          summary: null,
          body: null,
          deadlineText: null,
          licence: null,
          attribution,
          textIsVerbatim: false,
          importNotes: `from list ${opts.sourceSet}`,
        }
      : undefined;
  return { call, programme, unmappedFields: unmapped };
}

export type TemplateColumnLookup = (key: string) => TemplateColumn | undefined;
