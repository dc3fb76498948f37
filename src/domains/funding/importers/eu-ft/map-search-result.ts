import type { CallInput, ParsedItem } from '../../model.js';
import { isoDate } from '../time.js';
import {
  EU_ATTRIBUTION,
  EU_LICENCE,
  programmeCodes,
  stageModelOf,
  statusCodes,
  topicUrl,
  typeCodes,
} from './codes.js';
import { euProgramme } from './map-grant-tender.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Search API metadata values are lists of strings; take the first, or all. */
function first(meta: Obj, field: string): string | null {
  const v = meta[field];
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && x.trim() ? x.trim() : typeof x === 'number' ? String(x) : null;
}
function all(meta: Obj, field: string): string[] {
  const v = meta[field];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}

/**
 * One result of the portal's search API (POST .../search-api/prod/rest/search, results[]), reading
 * metadata fields identifier, title, callIdentifier, callTitle, status, type, frameworkProgramme,
 * deadlineDate (ISO, one per cut-off), startDate, deadlineModel and url. Times in deadlineDate are
 * taken as dates; the portal's cut-off hour is not in the search result.
 */
export function mapSearchResult(r: unknown, index: number, file: string): ParsedItem {
  const meta = isObj(r) && isObj(r.metadata) ? r.metadata : null;
  const key = (meta && first(meta, 'identifier')) ?? `#${index}`;
  const reject = (reason: string): ParsedItem => ({
    kind: 'rejected',
    key,
    file,
    raw: JSON.stringify(r),
    reason,
    sourceId: (meta && first(meta, 'identifier')) || undefined,
  });
  if (!meta) return reject('result has no metadata object');
  const identifier = first(meta, 'identifier');
  const title = first(meta, 'title') ?? (isObj(r) && typeof r.title === 'string' ? r.title : null);
  if (!identifier) return reject('metadata.identifier missing');
  if (!title) return reject('metadata.title missing');
  const notes: string[] = [];
  const deadlines: string[] = [];
  for (const d of all(meta, 'deadlineDate')) {
    const iso = isoDate(d);
    if (!iso) return reject(`deadlineDate "${d}" is not a date`);
    deadlines.push(iso);
  }
  deadlines.sort();
  const statusRaw = first(meta, 'status') ?? '';
  let status = statusCodes[statusRaw];
  if (!status) {
    notes.push(`unknown status code "${statusRaw}" kept raw; status derived from the deadlines`);
    status = deadlines.some((d) => d >= new Date().toISOString().slice(0, 10)) ? 'open' : 'closed';
  }
  const typeRaw = first(meta, 'type') ?? '';
  const type = typeCodes[typeRaw];
  if (!type) notes.push(`unknown type code "${typeRaw}" kept raw`);
  const fpRaw = first(meta, 'frameworkProgramme');
  const fp = fpRaw ? programmeCodes[fpRaw] : undefined;
  if (fpRaw && !fp) notes.push(`unknown programme code "${fpRaw}" kept raw`);
  const programme = fpRaw ? euProgramme(fp?.abbreviation ?? fpRaw, fp?.name ?? null) : undefined;
  const url =
    first(meta, 'url') ?? (isObj(r) && typeof r.url === 'string' ? r.url : null) ?? topicUrl(identifier);
  const opensAt = first(meta, 'startDate');
  const callTitle = first(meta, 'callTitle');
  const call: CallInput = {
    sourceId: identifier,
    sourceUrl: url,
    callKind: type?.kind ?? `type-${typeRaw}`,
    identifier,
    title,
    text: callTitle ? `${first(meta, 'callIdentifier') ?? ''} ${callTitle}`.trim() : null,
    status,
    stageModel: stageModelOf(first(meta, 'deadlineModel'), deadlines.length, notes),
    giverLevel: 'EU',
    giverName: 'Europäische Kommission',
    budgetEur: null,
    fundingRatePercent: null,
    minGrantEur: null,
    maxGrantEur: null,
    eligibleApplicants: [],
    regions: ['EU'],
    fieldsOfAction: [],
    links: [{ label: 'EU Funding & Tenders Portal', url }],
    licence: EU_LICENCE,
    attribution: EU_ATTRIBUTION,
    textIsVerbatim: false,
    importNotes: notes.length ? notes.join('; ') : null,
    rounds: deadlines.map((d, i) => ({
      roundKey: deadlines.length > 1 ? `cut-off-${i + 1}` : 'deadline',
      label: deadlines.length > 1 ? `Cut-off ${i + 1}` : 'Deadline',
      opensAt: i === 0 && opensAt ? isoDate(opensAt) : null,
      deadlineDate: d,
      deadlineTime: null,
      timeZone: 'Europe/Brussels',
      deadlineKind: deadlines.length > 1 ? 'cut_off' : 'submission',
      confidence: 0.9,
      evidence: 'deadlineDate from the portal search API',
    })),
  };
  return { kind: 'record', key: identifier, programme, call };
}
