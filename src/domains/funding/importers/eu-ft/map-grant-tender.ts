import type { CallInput, ParsedItem, ProgrammeInput, RoundInput } from '../../model.js';
import { epochMs } from '../time.js';
import { EU_ATTRIBUTION, EU_LICENCE, programmeCodes, stageModelOf, statusCodes, typeCodes } from './codes.js';
import { BRUSSELS, brusselsDay, portalPageUrl, statusFromDates } from './dates.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

export function euProgramme(abbreviation: string, description: string | null): ProgrammeInput {
  const known = programmeCodes[abbreviation];
  const note = !known && !description ? `unknown programme code "${abbreviation}" kept raw` : null;
  const title = description ?? known?.name ?? abbreviation;
  return {
    sourceId: `programme:${abbreviation}`,
    sourceUrl: 'https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/programmes',
    title,
    giverLevel: 'EU',
    giverName: 'Europäische Kommission',
    fundingTypes: ['Zuschuss'],
    fundingAreas: [],
    regions: ['EU'],
    eligibleApplicants: [],
    legalBasis: null,
    contacts: [],
    keywords: null,
    summary: null,
    body: null,
    deadlineText: null,
    licence: EU_LICENCE,
    attribution: EU_ATTRIBUTION,
    textIsVerbatim: false,
    importNotes: note,
  };
}

export function euRounds(deadlines: Date[], opensAt: string | null): RoundInput[] {
  return deadlines.map((d, i) => {
    const { date, time } = brusselsDay(d);
    return {
      roundKey: deadlines.length > 1 ? `cut-off-${i + 1}` : 'deadline',
      label: deadlines.length > 1 ? `Cut-off ${i + 1}` : 'Deadline',
      opensAt: i === 0 ? opensAt : null,
      deadlineDate: date,
      deadlineTime: time,
      timeZone: BRUSSELS,
      deadlineKind: deadlines.length > 1 ? 'cut_off' : 'submission',
      confidence: 1,
      evidence: `deadline ${d.toISOString()} from the portal`,
    };
  });
}

/** One record of grantsTenders.json (fundingData.GrantTenderObj[]). */
export function mapGrantTender(o: unknown, index: number, file: string): ParsedItem {
  const key = isObj(o) ? (str(o.identifier) ?? `#${index}`) : `#${index}`;
  const reject = (reason: string): ParsedItem => ({
    kind: 'rejected',
    key,
    file,
    raw: JSON.stringify(o),
    reason,
    sourceId: (isObj(o) && str(o.identifier)) || undefined,
  });
  if (!isObj(o)) return reject('record is not an object');
  const identifier = str(o.identifier);
  const title = str(o.title);
  if (!identifier) return reject('identifier missing');
  if (!title) return reject('title missing');
  const notes: string[] = [];
  const typeRaw = str(o.type) ?? '';
  const type = typeCodes[typeRaw];
  if (!type) notes.push(`unknown type code "${typeRaw}" kept raw`);
  const deadlineValues = Array.isArray(o.deadlineDatesLong) ? o.deadlineDatesLong : [];
  if (o.deadlineDatesLong !== undefined && !Array.isArray(o.deadlineDatesLong))
    return reject('deadlineDatesLong is not a list');
  const deadlines: Date[] = [];
  for (const v of deadlineValues) {
    const d = epochMs(v);
    if (!d) return reject(`deadline "${String(v)}" is not an epoch-ms timestamp`);
    deadlines.push(d);
  }
  deadlines.sort((a, b) => a.getTime() - b.getTime());
  const status = isObj(o.status) ? o.status : {};
  const statusKey = str(status.id) ?? str(status.abbreviation) ?? '';
  let callStatus = statusCodes[statusKey] ?? statusCodes[str(status.abbreviation) ?? ''];
  if (!callStatus) {
    notes.push(`unknown status code "${statusKey}" kept raw; status derived from the deadlines`);
    callStatus = deadlines.some((d) => d.getTime() > Date.now()) ? 'open' : 'closed';
  }
  const opening = epochMs(o.plannedOpeningDateLong);
  const opensAt = opening ? brusselsDay(opening).date : null;
  const fp = isObj(o.frameworkProgramme) ? o.frameworkProgramme : null;
  const fpAbbr = fp ? str(fp.abbreviation) : null;
  const programme = fpAbbr ? euProgramme(fpAbbr, fp ? str(fp.description) : null) : undefined;
  const isTender = type?.kind === 'tender';
  const tags = Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string') : [];
  const places = Array.isArray(o.placesOfDeliveryOrPerformance)
    ? o.placesOfDeliveryOrPerformance.filter((t): t is string => typeof t === 'string')
    : [];
  const textParts = [
    str(o.callTitle) ? `${str(o.callIdentifier) ?? ''} ${str(o.callTitle)}`.trim() : null,
    str(o.descriptionTender),
    tags.length ? `Tags: ${tags.join(', ')}` : null,
  ].filter((s): s is string => s !== null);
  const url = portalPageUrl(str(o.url), identifier, isTender);
  const rounds = euRounds(deadlines, opensAt);
  const byDates = statusFromDates(callStatus, rounds, new Date());
  if (byDates.note) notes.push(byDates.note);
  if (o.sme === true) notes.push('flagged for SMEs (sme=true)');
  const call: CallInput & { programmeSourceId?: string } = {
    sourceId: identifier,
    sourceUrl: url,
    callKind: type?.kind ?? `type-${typeRaw}`,
    identifier,
    title,
    text: textParts.join('\n\n') || null,
    status: byDates.status,
    stageModel: stageModelOf(
      isObj(o.deadlineModel) ? str(o.deadlineModel.abbreviation) : str(o.deadlineModel),
      deadlines.length,
      notes,
    ),
    giverLevel: 'EU',
    giverName: isTender
      ? (str(o.contractingAuthority) ?? 'Europäische Kommission')
      : 'Europäische Kommission',
    budgetEur: null,
    fundingRatePercent: null,
    minGrantEur: null,
    maxGrantEur: null,
    eligibleApplicants: o.sme === true ? ['KMU'] : [],
    regions: places.length ? places : ['EU'],
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
