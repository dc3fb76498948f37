import type { CallInput, ParsedItem, RoundInput } from '../../model.js';
import { isoDate } from '../time.js';
import { EU_ATTRIBUTION, EU_LICENCE, programmeCodes, stageModelOf, statusCodes, typeCodes } from './codes.js';
import { BRUSSELS, brusselsDay, portalPageUrl, statusFromDates } from './dates.js';
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
 * A search-API deadline: "2025-09-24" is a day; "2025-09-24T17:00:00.000+0200" (or with Z) is an
 * instant, kept as the day and time in Brussels.
 */
function portalDeadline(v: string): { date: string; time: string | null } | null {
  const s = v.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m && isoDate(m[1])) {
    if (!m[3]) return { date: m[1], time: m[2].slice(0, 5) === '00:00' ? null : m[2].slice(0, 5) };
    const offset = m[3] === 'Z' ? 'Z' : m[3].includes(':') ? m[3] : `${m[3].slice(0, 3)}:${m[3].slice(3)}`;
    const instant = new Date(`${m[1]}T${m[2]}${offset}`);
    if (Number.isNaN(instant.getTime())) return null;
    return brusselsDay(instant);
  }
  const day = isoDate(s);
  return day ? { date: day, time: null } : null;
}

/**
 * One result of the portal's search API (POST .../search-api/prod/rest/search, results[]), reading
 * metadata fields identifier, title, callIdentifier, callTitle, status, type, frameworkProgramme,
 * deadlineDate (ISO, one per cut-off, with the hour and offset when the portal gives them: kept as the
 * time in Brussels), startDate, deadlineModel and url (a `.json` data file becomes the topic's web page).
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
  const deadlines: { date: string; time: string | null }[] = [];
  for (const d of all(meta, 'deadlineDate')) {
    const at = portalDeadline(d);
    if (!at) return reject(`deadlineDate "${d}" is not a date`);
    deadlines.push(at);
  }
  deadlines.sort((a, b) => `${a.date}${a.time ?? ''}`.localeCompare(`${b.date}${b.time ?? ''}`));
  const statusRaw = first(meta, 'status') ?? '';
  let status = statusCodes[statusRaw];
  if (!status) {
    notes.push(`unknown status code "${statusRaw}" kept raw; status derived from the deadlines`);
    status = 'open';
  }
  const typeRaw = first(meta, 'type') ?? '';
  const type = typeCodes[typeRaw];
  if (!type) notes.push(`unknown type code "${typeRaw}" kept raw`);
  const fpRaw = first(meta, 'frameworkProgramme');
  const fp = fpRaw ? programmeCodes[fpRaw] : undefined;
  if (fpRaw && !fp) notes.push(`unknown programme code "${fpRaw}" kept raw`);
  const programme = fpRaw ? euProgramme(fp?.abbreviation ?? fpRaw, fp?.name ?? null) : undefined;
  const url = portalPageUrl(
    first(meta, 'url') ?? (isObj(r) && typeof r.url === 'string' ? r.url : null),
    identifier,
    type?.kind === 'tender',
  );
  const opensAt = first(meta, 'startDate');
  const callTitle = first(meta, 'callTitle');
  const rounds: RoundInput[] = deadlines.map((d, i) => ({
    roundKey: deadlines.length > 1 ? `cut-off-${i + 1}` : 'deadline',
    label: deadlines.length > 1 ? `Cut-off ${i + 1}` : 'Deadline',
    opensAt: i === 0 && opensAt ? isoDate(opensAt) : null,
    deadlineDate: d.date,
    deadlineTime: d.time,
    timeZone: BRUSSELS,
    deadlineKind: deadlines.length > 1 ? 'cut_off' : 'submission',
    confidence: 0.9,
    evidence: 'deadlineDate from the portal search API',
  }));
  const byDates = statusFromDates(status, rounds, new Date());
  if (byDates.note) notes.push(byDates.note);
  const call: CallInput = {
    sourceId: identifier,
    sourceUrl: url,
    callKind: type?.kind ?? `type-${typeRaw}`,
    identifier,
    title,
    text: callTitle ? `${first(meta, 'callIdentifier') ?? ''} ${callTitle}`.trim() : null,
    status: byDates.status,
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
    links: url ? [{ label: 'EU Funding & Tenders Portal', url }] : [],
    licence: EU_LICENCE,
    attribution: EU_ATTRIBUTION,
    textIsVerbatim: false,
    importNotes: notes.length ? notes.join('; ') : null,
    rounds,
  };
  return { kind: 'record', key: identifier, programme, call };
}
