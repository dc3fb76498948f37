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

/**
 * OParl knows reference, date, name, paperType and (often only the deciding one of) the consultations.
 * A paper's consultations count as correct when every OParl consultation with a meeting is found among
 * the parsed rows by meeting date and committee name; extra parsed rows are not errors because OParl
 * usually lists only one of the two or three the PDF names.
 */
/**
 * Fields whose OParl value is not printed in the Vorlage at all (older papers carry an internal id as
 * reference; names were edited after printing) are also tallied on the subset where it is printed.
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
  tally.add('reference', refOk, `${name}: ${got.reference} ≠ ${paper.reference}`);
  if (paper.reference && text.includes(paper.reference)) tally.add('reference (printed in text)', refOk);
  const dateOk = got.date === (paper.date ?? null);
  tally.add('date', dateOk, `${name}: ${got.date} ≠ ${paper.date}`);
  if (paper.date && text.includes(paper.date.split('-').reverse().join('.')))
    tally.add('date (printed in text)', dateOk);
  const titleOk = comparable(got.title ?? '') === comparable(paper.name ?? '');
  tally.add('title', titleOk, `${name}: «${got.title}» ≠ «${paper.name}»`);
  if (paper.name && comparable(text).includes(comparable(paper.name)))
    tally.add('title (printed in text)', titleOk);
  const kinds = paper.paperType ? DECISION_KINDS[paper.paperType] : undefined;
  if (kinds)
    tally.add(
      'decisionKind',
      kinds.includes(got.decisionKind ?? ''),
      `${name}: ${got.decisionKind} for ${paper.paperType}`,
    );
  const wanted = (paper.consultation ?? []).filter((c) => c.meeting && lookup.meeting(c.meeting)?.start);
  if (wanted.length === 0) return;
  let allFound = true;
  let allDates = true;
  for (const c of wanted) {
    const meeting = lookup.meeting(c.meeting!)!;
    const date = meeting.start!.slice(0, 10);
    const orgs = (c.organization ?? meeting.organization ?? []).map((id) => lookup.organizations.get(id));
    const names = [meeting.name ?? '', ...orgs.flatMap((o) => (o ? [o.name, o.shortName ?? ''] : []))].map(
      (n) => n.replace(/\s*\(.*\)\s*$/, ''),
    );
    const sameDate = got.consultations.filter((g) => g.date === date);
    if (sameDate.length === 0) allDates = false;
    if (!sameDate.some((g) => namesMatch(g.committee, names))) {
      allFound = false;
      tally.failures.push(
        `consultations: ${name}: OParl ${names[0]} ${date} not in ${JSON.stringify(got.consultations.map((g) => [g.committee, g.date]))}`,
      );
    }
  }
  tally.add('consultations', allFound);
  tally.add('consultations (date only)', allDates);
}
