// Field-by-field comparison of parsed papers with ground truth: hand-checked expected JSON for the
// fixture Vorlagen, and OParl paper records for the corpus.
import type { ParsedPaper } from '../src/domains/council/vorlage/schemas.js';
import { comparable } from '../src/domains/council/vorlage/text.js';
import type { OparlMeeting, OparlOrganization, OparlPaper } from './parser-corpus.js';

export interface FieldTally {
  field: string;
  correct: number;
  total: number;
}

export class Tally {
  private readonly counts = new Map<string, { correct: number; total: number }>();
  readonly failures: string[] = [];
  /** Cases a lenient rule accepted, listed so the rule can be audited. */
  readonly accepted: string[] = [];

  add(field: string, ok: boolean, detail?: string): void {
    const c = this.counts.get(field) ?? { correct: 0, total: 0 };
    c.total++;
    if (ok) c.correct++;
    else if (detail) this.failures.push(`${field}: ${detail}`);
    this.counts.set(field, c);
  }

  fields(): FieldTally[] {
    return [...this.counts].map(([field, c]) => ({ field, ...c }));
  }

  /** Share of correct fields, over all tallied fields or the named ones. */
  overall(fields?: string[]): number {
    let correct = 0;
    let total = 0;
    for (const [field, c] of this.counts) {
      if (fields && !fields.includes(field)) continue;
      correct += c.correct;
      total += c.total;
    }
    return total ? correct / total : 0;
  }
}

const flat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export interface ExpectedPaper {
  reference: string | null;
  isPublic: boolean | null;
  decisionKind: string | null;
  department: string | null;
  handler: string | null;
  date: string | null;
  fileReference: string | null;
  title: string | null;
  consultations: { committee: string; date: string | null; role: string | null }[];
  impacts: ParsedPaper['impacts'];
  draftResolution: string | null;
  /** Long text: the hand-picked first and last words of the section. */
  statementOfFacts: { startsWith: string; endsWith: string } | null;
}

export function compareWithExpected(tally: Tally, name: string, got: ParsedPaper, want: ExpectedPaper): void {
  const scalar = [
    'reference',
    'isPublic',
    'decisionKind',
    'department',
    'handler',
    'date',
    'fileReference',
  ] as const;
  for (const f of scalar)
    tally.add(f, got[f] === want[f], `${name}: ${JSON.stringify(got[f])} ≠ ${JSON.stringify(want[f])}`);
  tally.add('title', flat(got.title) === flat(want.title), `${name}: ${got.title}`);
  const consultations = got.consultations.map((c) => ({
    committee: c.committee,
    date: c.date,
    role: c.role,
  }));
  tally.add(
    'consultations',
    JSON.stringify(consultations) === JSON.stringify(want.consultations),
    `${name}: ${JSON.stringify(consultations)}`,
  );
  tally.add(
    'impacts',
    JSON.stringify(got.impacts) === JSON.stringify(want.impacts),
    `${name}: ${JSON.stringify(got.impacts)}`,
  );
  tally.add(
    'draftResolution',
    flat(got.draftResolution) === flat(want.draftResolution),
    `${name}: ${got.draftResolution}`,
  );
  const facts = flat(got.statementOfFacts);
  const ok =
    want.statementOfFacts === null
      ? got.statementOfFacts === null
      : facts.startsWith(flat(want.statementOfFacts.startsWith)) &&
        facts.endsWith(flat(want.statementOfFacts.endsWith));
  tally.add('statementOfFacts', ok, `${name}: ${facts.slice(0, 80)} … ${facts.slice(-80)}`);
}

export interface OparlLookup {
  meeting: (id: string) => OparlMeeting | null;
  organizations: Map<string, OparlOrganization>;
}

const DECISION_KINDS: Record<string, string[]> = {
  Beschlussvorlage: ['Beschluss', 'Wahl'],
  Informationsvorlage: ['Kenntnisnahme'],
};

function namesMatch(parsed: string, names: string[]): boolean {
  const p = comparable(parsed);
  if (!p) return false;
  return names.some((n) => {
    const o = comparable(n);
    return o.length > 0 && (o === p || o.includes(p) || p.includes(o));
  });
}

const MONTHS = [
  'januar',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
];

/**
 * Every calendar date the text prints ("06.06.2013", "22.07.09", "17. Juli 2014"), as YYYY-MM-DD.
 * Written here independently of the parser, so the measurement does not lean on the code it measures.
 */
export function printedDates(text: string): Set<string> {
  const out = new Set<string>();
  const add = (d: number, m: number, y: number) => {
    const year = y < 100 ? 2000 + y : y;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      out.add(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  };
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)/g))
    add(+m[1]!, +m[2]!, +m[3]!);
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\s+(\d{4})\b/g)) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    if (month > 0) add(+m[1]!, month, +m[3]!);
  }
  return out;
}

/** Form types the text prints as a line of their own (Karlsruhe: head and page footers). */
function printedFormTypes(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/^[ \t]*(Beschlussvorlage|Informationsvorlage)[ \t]*$/gim)].map((m) =>
      m[1]!.toLowerCase(),
    ),
  );
}

// Form furniture a title reading must not have swallowed. "Stadt Karlsruhe" only in capitals: in mixed
// case it is part of many titles ("… in den Migrationsbeirat der Stadt Karlsruhe").
const FORM_WORDS =
  /(Vorlage\s*Nr|Verantwortlich|Dienststelle|Dezernat\s+\d|Dez\.\s*\d|Beratungsfolge|Gremium\s*:|Termin\s*:|TOP\s*:|Der\s+Oberbürgermeister(?!\p{L})|Gedruckt auf|Recyclingpapier|Beschlussvorlage|Informationsvorlage|(?<!\p{L})(nicht\s*)?öffentlich(?!\p{L}))/iu;
const FORM_CAPITALS = /STADT\s+KARLSRUHE|BESCHLUSSVORLAGE|INFORMATIONSVORLAGE/;
const isFurniture = (words: string) => FORM_WORDS.test(words) || FORM_CAPITALS.test(words);

/**
 * OParl's name is often a shortened form of the printed Betreff: its first line(s) without the
 * subtitle ("Südumfahrung Hagsfeld" for "Südumfahrung Hagsfeld / Vergabe der Ingenieurleistungen …"),
 * cut after ~80 characters, or only the subtitle. A parsed title then counts as correct when OParl's
 * name is a leading or trailing run of its words, the parsed title is itself printed as one piece in
 * the text, and the words OParl left out are no form furniture (labels, Dezernat, form type) and at
 * least three words when they stand before the name (a stray "TBA" of the Dienststelle is no title).
 */
export function isPrintedExtensionOf(parsed: string, oparlName: string, text: string): boolean {
  const want = comparable(oparlName);
  const got = comparable(parsed);
  if (want.length < 12 || got.length <= want.length || !comparable(text).includes(got)) return false;
  const words = parsed.split(/\s+/).filter(Boolean);
  for (let k = 1; k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    const tail = words.slice(k).join(' ');
    if (comparable(head) === want && !isFurniture(tail)) return true;
    if (comparable(tail) === want && k >= 3 && !isFurniture(head)) return true;
  }
  return false;
}

/**
 * OParl knows reference, date, name, paperType and (often only the deciding one of) the consultations.
 * Each field is tallied twice: strictly against OParl ("reference", "title", "decisionKind",
 * "consultations"), and on what the Vorlage text can tell (the scored rows):
 * - reference / date: only where OParl's value is printed in the text (older OParl references are
 *   internal ids; OParl's date is the record date).
 * - title: where OParl's name is printed in the text; equal, or OParl's name is a shortened part of
 *   the printed Betreff (see isPrintedExtensionOf); "title (printed in text, exact)" shows equality only.
 * - decisionKind: where the form type the text prints (Beschlussvorlage / Informationsvorlage) does
 *   not contradict OParl's paperType; when it does, OParl was re-typed after printing and the text
 *   cannot tell.
 * - consultations: every OParl consultation whose meeting date the text prints must be found among the
 *   parsed rows by meeting date and committee name. Extra parsed rows are no error (OParl usually
 *   lists one of the two or three the PDF names); an item moved to a later session after printing is
 *   not in the text at all.
 */
export function compareWithOparl(
  tally: Tally,
  name: string,
  got: ParsedPaper,
  paper: OparlPaper,
  lookup: OparlLookup,
  text: string,
): void {
  const refOk = got.reference === (paper.reference ?? null);
  const refDetail = `${name}: ${got.reference} ≠ ${paper.reference}`;
  tally.add('reference', refOk, refDetail);
  if (paper.reference && text.includes(paper.reference))
    tally.add('reference (printed in text)', refOk, refDetail);
  const dateOk = got.date === (paper.date ?? null);
  tally.add('date', dateOk, `${name}: ${got.date} ≠ ${paper.date}`);
  if (paper.date && text.includes(paper.date.split('-').reverse().join('.')))
    tally.add('date (printed in text)', dateOk, `${name}: ${got.date} ≠ ${paper.date}`);

  const titleExact = comparable(got.title ?? '') === comparable(paper.name ?? '');
  const titleDetail = `${name}: «${got.title}» ≠ «${paper.name}»`;
  tally.add('title', titleExact, titleDetail);
  if (paper.name && comparable(text).includes(comparable(paper.name))) {
    tally.add('title (printed in text, exact)', titleExact, titleDetail);
    const extension = !titleExact && got.title !== null && isPrintedExtensionOf(got.title, paper.name, text);
    if (extension) tally.accepted.push(`title: ${name}: «${got.title}» ⊇ «${paper.name}»`);
    tally.add('title (printed in text)', titleExact || extension, titleDetail);
  }

  const kinds = paper.paperType ? DECISION_KINDS[paper.paperType] : undefined;
  if (kinds) {
    const kindOk = kinds.includes(got.decisionKind ?? '');
    const kindDetail = `${name}: ${got.decisionKind} for ${paper.paperType}`;
    tally.add('decisionKind', kindOk, kindDetail);
    const types = printedFormTypes(text);
    const contradicted = types.size === 1 && !types.has(paper.paperType!.toLowerCase());
    if (!contradicted) tally.add('decisionKind (printed form type agrees with OParl)', kindOk, kindDetail);
  }

  const wanted = (paper.consultation ?? []).filter((c) => c.meeting && lookup.meeting(c.meeting)?.start);
  if (wanted.length === 0) return;
  const dates = printedDates(text);
  let allFound = true;
  let allDates = true;
  let printedChecked = 0;
  let allPrintedFound = true;
  for (const c of wanted) {
    const meeting = lookup.meeting(c.meeting!)!;
    const date = meeting.start!.slice(0, 10);
    const orgs = (c.organization ?? meeting.organization ?? []).map((id) => lookup.organizations.get(id));
    const names = [meeting.name ?? '', ...orgs.flatMap((o) => (o ? [o.name, o.shortName ?? ''] : []))].map(
      (n) => n.replace(/\s*\(.*\)\s*$/, ''),
    );
    const sameDate = got.consultations.filter((g) => g.date === date);
    if (sameDate.length === 0) allDates = false;
    const found = sameDate.some((g) => namesMatch(g.committee, names));
    const detail = `consultations: ${name}: OParl ${names[0]} ${date} not in ${JSON.stringify(got.consultations.map((g) => [g.committee, g.date]))}`;
    if (!found) {
      allFound = false;
      tally.failures.push(detail);
    }
    if (dates.has(date)) {
      printedChecked++;
      if (!found) {
        allPrintedFound = false;
        tally.failures.push(
          `consultations (date printed in text): ${detail.slice('consultations: '.length)}`,
        );
      }
    }
  }
  tally.add('consultations', allFound);
  tally.add('consultations (date only)', allDates);
  if (printedChecked > 0) tally.add('consultations (date printed in text)', allPrintedFound);
}
