import { FIELD_LIMITS, isHttpUrl, LONE_SURROGATE } from '../limits.js';
import type {
  CallInput,
  Contact,
  FundedProjectInput,
  LinkRef,
  ParsedItem,
  ProgrammeInput,
} from '../model.js';

type Good = Exclude<ParsedItem, { kind: 'rejected' }>;

const fmt = (n: number) => n.toLocaleString('de-DE');

const germanNames: Record<string, string> = {
  title: 'Titel',
  description: 'Beschreibung',
  identifier: 'Kennung',
  giver: 'Fördergeber',
  'legal basis': 'Rechtsgrundlage',
  requirements: 'Voraussetzungen',
  procedure: 'Verfahren',
  keywords: 'Schlagworte',
  summary: 'Kurztext',
  body: 'Programmtext',
  'deadline text': 'Fristentext',
  attribution: 'Namensnennung',
  'link label': 'Linktext',
  'contact name': 'Kontaktname',
  beneficiary: 'Begünstigte(r)',
  'project name': 'Projektname',
  municipality: 'Gemeinde',
  intervention: 'Interventionskategorie',
  'funding types': 'Förderarten',
  'funding areas': 'Förderbereiche',
  regions: 'Regionen',
  'eligible applicants': 'Antragsberechtigte',
  'fields of action': 'Handlungsfelder',
};
const de = (field: string): string => {
  const entry = field.endsWith(' entry') ? field.slice(0, -6) : field;
  const base = germanNames[entry] ?? (entry.startsWith('contact ') ? 'Kontaktangabe' : entry);
  return entry === field ? base : `Eintrag in ${base}`;
};

/**
 * Checks one imported record before it is stored. Too long fields reject it with the reason (texts
 * under CC BY-ND may not be cut); characters that text cannot hold (NUL, lone surrogates) are taken out
 * and links that are not http(s) are dropped, each named in the record's import notes. Nothing is
 * changed silently.
 */
export function checkRecord(item: Good): { item: Good; notes: string[] } | { reason: string } {
  const problems: string[] = [];
  const notes: string[] = [...(item.recordNotes ?? [])];
  const counts = { nul: 0, surrogate: 0 };
  const clean = (s: string): string => {
    let out = s;
    if (out.includes('\u0000')) {
      counts.nul += out.split('\u0000').length - 1;
      out = out.replaceAll('\u0000', '');
    }
    const lone = out.match(LONE_SURROGATE);
    if (lone) {
      counts.surrogate += lone.length;
      out = out.replace(LONE_SURROGATE, '\ufffd');
    }
    return out;
  };
  const text = (field: string, v: string | null, limit: number): string | null => {
    if (v === null) return null;
    if (v.length > limit)
      problems.push(
        `${field} has ${fmt(v.length)} characters (limit ${fmt(limit)}) / ${de(field)} hat ${fmt(v.length)} Zeichen (höchstens ${fmt(limit)})`,
      );
    return clean(v);
  };
  const list = (field: string, v: string[]): string[] => {
    if (v.length > FIELD_LIMITS.listLength)
      problems.push(
        `${field} has ${v.length} entries (limit ${FIELD_LIMITS.listLength}) / ${de(field)} hat ${v.length} Einträge (höchstens ${FIELD_LIMITS.listLength})`,
      );
    return v.map((x) => text(`${field} entry`, x, FIELD_LIMITS.listEntry) ?? '');
  };
  const url = (field: string, v: string | null): string | null => {
    if (v === null) return null;
    if (!isHttpUrl(v) || v.length > FIELD_LIMITS.url) {
      notes.push(`${field} "${v.slice(0, 80)}" is not an http(s) address and was left out`);
      return null;
    }
    return clean(v.trim());
  };
  const links = (v: LinkRef[]): LinkRef[] => {
    if (v.length > FIELD_LIMITS.links)
      problems.push(
        `links: ${v.length} (limit ${FIELD_LIMITS.links}) / Links: ${v.length} (höchstens ${FIELD_LIMITS.links})`,
      );
    const out: LinkRef[] = [];
    for (const l of v) {
      const u = url('link', l.url);
      if (u) out.push({ label: text('link label', l.label, FIELD_LIMITS.name) ?? '', url: u });
    }
    return out;
  };
  const contacts = (v: Contact[]): Contact[] => {
    if (v.length > FIELD_LIMITS.contacts)
      problems.push(
        `contacts: ${v.length} (limit ${FIELD_LIMITS.contacts}) / Kontakte: ${v.length} (höchstens ${FIELD_LIMITS.contacts})`,
      );
    return v.map((c) => {
      const out: Contact = { name: text('contact name', c.name, FIELD_LIMITS.name) ?? '' };
      for (const k of ['role', 'phone', 'fax', 'email', 'address'] as const) {
        const x = c[k];
        if (typeof x === 'string') out[k] = text(`contact ${k}`, x, FIELD_LIMITS.name);
      }
      if (c.website) {
        const w = url('contact website', c.website);
        if (w) out.website = w;
      }
      return out;
    });
  };
  const programme = (p: ProgrammeInput): ProgrammeInput => ({
    ...p,
    sourceUrl: url('source address', p.sourceUrl),
    title: text('title', p.title, FIELD_LIMITS.title) ?? '',
    giverName: text('giver', p.giverName, FIELD_LIMITS.name),
    fundingTypes: list('funding types', p.fundingTypes),
    fundingAreas: list('funding areas', p.fundingAreas),
    regions: list('regions', p.regions),
    eligibleApplicants: list('eligible applicants', p.eligibleApplicants),
    legalBasis: text('legal basis', p.legalBasis, FIELD_LIMITS.text),
    requirements: text('requirements', p.requirements ?? null, FIELD_LIMITS.text),
    procedureText: text('procedure', p.procedureText ?? null, FIELD_LIMITS.text),
    contacts: contacts(p.contacts),
    keywords: text('keywords', p.keywords, FIELD_LIMITS.keywords),
    summary: text('summary', p.summary, FIELD_LIMITS.text),
    body: text('body', p.body, FIELD_LIMITS.text),
    deadlineText: text('deadline text', p.deadlineText, FIELD_LIMITS.text),
    attribution: text('attribution', p.attribution, FIELD_LIMITS.text),
  });
  const call = (c: CallInput & { programmeSourceId?: string }) => ({
    ...c,
    sourceUrl: url('source address', c.sourceUrl),
    identifier: text('identifier', c.identifier, FIELD_LIMITS.identifier),
    title: text('title', c.title, FIELD_LIMITS.title) ?? '',
    text: text('description', c.text, FIELD_LIMITS.text),
    giverName: text('giver', c.giverName, FIELD_LIMITS.name),
    eligibleApplicants: list('eligible applicants', c.eligibleApplicants),
    regions: list('regions', c.regions),
    fieldsOfAction: list('fields of action', c.fieldsOfAction),
    links: links(c.links),
    attribution: text('attribution', c.attribution, FIELD_LIMITS.text),
  });
  const project = (p: FundedProjectInput): FundedProjectInput => ({
    ...p,
    sourceUrl: url('source address', p.sourceUrl),
    beneficiary: text('beneficiary', p.beneficiary, FIELD_LIMITS.name) ?? '',
    projectName: text('project name', p.projectName, FIELD_LIMITS.title) ?? '',
    summary: text('summary', p.summary, FIELD_LIMITS.text),
    municipalityName: text('municipality', p.municipalityName, FIELD_LIMITS.name),
    interventionLabel: text('intervention', p.interventionLabel, FIELD_LIMITS.name),
  });

  let checked: Good;
  if (item.kind === 'funded_project') checked = { ...item, project: project(item.project) };
  else
    checked = {
      ...item,
      programme: item.programme ? programme(item.programme) : undefined,
      call: item.call ? call(item.call) : undefined,
    };
  if (problems.length) return { reason: [...new Set(problems)].join('; ') };
  if (counts.nul) notes.push(`removed ${counts.nul} NUL character(s) (U+0000), which text cannot hold`);
  if (counts.surrogate) notes.push(`replaced ${counts.surrogate} unpaired UTF-16 surrogate(s) by U+FFFD`);
  if (notes.length && checked.kind === 'record') {
    const add = (existing: string | null) => [existing, ...new Set(notes)].filter(Boolean).join('; ');
    if (checked.programme)
      checked.programme = { ...checked.programme, importNotes: add(checked.programme.importNotes) };
    if (checked.call) checked.call = { ...checked.call, importNotes: add(checked.call.importNotes) };
  }
  return { item: checked, notes: [...new Set(notes)] };
}
