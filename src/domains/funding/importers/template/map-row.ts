import type { CallInput, ProgrammeInput, RoundInput } from '../../model.js';
import type { CallStatus, GiverLevel, StageModel } from '../../tables.js';
import { isoDate } from '../time.js';
import { MAX_ROUNDS, type TemplateColumn } from './columns.js';
import { MAX_CELL } from './read-table.js';

export interface RowError {
  row: number;
  column: string;
  reason: string;
  reasonDe: string;
}

const statuses: Record<string, CallStatus> = {
  forthcoming: 'forthcoming',
  geplant: 'forthcoming',
  angekündigt: 'forthcoming',
  open: 'open',
  offen: 'open',
  laufend: 'open',
  closed: 'closed',
  geschlossen: 'closed',
  beendet: 'closed',
};
const stages: Record<string, StageModel> = {
  'single-stage': 'single-stage',
  einstufig: 'single-stage',
  'two-stage': 'two-stage',
  zweistufig: 'two-stage',
  rolling: 'rolling',
  laufend: 'rolling',
  fortlaufend: 'rolling',
  'multiple-cut-offs': 'multiple-cut-offs',
  'mehrere stichtage': 'multiple-cut-offs',
};
const levels: Record<string, GiverLevel> = {
  eu: 'EU',
  bund: 'Bund',
  land: 'Land',
  sonstige: 'other',
  other: 'other',
};
const kinds: Record<string, string> = {
  submission: 'submission',
  einreichung: 'submission',
  antrag: 'submission',
  outline: 'outline',
  skizze: 'outline',
  projektskizze: 'outline',
  full_proposal: 'full_proposal',
  vollantrag: 'full_proposal',
  cut_off: 'cut_off',
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
  opts: { sourceSet: string },
): { call: CallInput & { programmeSourceId?: string }; programme?: ProgrammeInput } | { errors: RowError[] } {
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
    const m = map[v.toLowerCase()];
    if (m === undefined)
      err(
        key,
        `"${v.slice(0, 40)}" is not one of: ${Object.keys(map).join(', ')}`,
        `"${v.slice(0, 40)}" ist keiner der Werte: ${Object.keys(map).join(', ')}`,
      );
    return m ?? null;
  };
  const amount = (key: string, max?: number): number | null => {
    const v = text(key);
    if (v === null) return null;
    const norm = v
      .replace(/[€\s]|EUR/g, '')
      .replace(/\.(?=\d{3}(\D|$))/g, '')
      .replace(',', '.');
    const n = Number(norm);
    if (!/^\d+(\.\d+)?$/.test(norm) || !Number.isFinite(n) || (max !== undefined && n > max)) {
      err(key, `"${v.slice(0, 40)}" is not a valid number`, `"${v.slice(0, 40)}" ist keine gültige Zahl`);
      return null;
    }
    return n;
  };
  const date = (key: string): string | null => {
    const v = text(key);
    if (v === null) return null;
    const d = isoDate(v);
    if (!d)
      err(
        key,
        `"${v.slice(0, 40)}" is not a date (DD.MM.YYYY or YYYY-MM-DD)`,
        `"${v.slice(0, 40)}" ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`,
      );
    return d;
  };

  const callId = text('call_id', true);
  const title = text('title', true);
  const status = pick('status', statuses, true);
  const stage = pick('stage_model', stages, false);
  const level = pick('giver_level', levels, true);
  const url = text('url');
  if (url && !/^https?:\/\/[^\s]+$/i.test(url))
    err('url', 'link must start with http:// or https://', 'Link muss mit http:// oder https:// beginnen');
  const rate = amount('rate', 100);
  const rounds: RoundInput[] = [];
  for (let n = 1; n <= MAX_ROUNDS; n++) {
    const deadline = date(`round${n}_date`);
    const opens = date(`round${n}_opens`);
    const label = text(`round${n}_label`);
    const time = text(`round${n}_time`);
    if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      err(`round${n}_time`, 'time must be HH:MM', 'Uhrzeit muss HH:MM sein');
    const kind = pick(`round${n}_kind`, kinds, false);
    if (!deadline && !opens && !label) continue;
    rounds.push({
      roundKey: `round-${n}`,
      label,
      opensAt: opens,
      deadlineDate: deadline,
      deadlineTime: time && /^([01]\d|2[0-3]):[0-5]\d$/.test(time) ? time : null,
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
    fieldsOfAction: list(get('fields')),
  };
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
    importNotes: null,
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
  return { call, programme };
}

export type TemplateColumnLookup = (key: string) => TemplateColumn | undefined;
