import type { ImpactValue, ParsedPaper } from './schemas.js';
import { paperFieldNames } from './schemas.js';

const IMPACT: Record<ImpactValue, string> = { yes: 'ja', no: 'nein', unknown: 'nicht erkennbar' };
const LABEL: Record<(typeof paperFieldNames)[number], string> = {
  reference: 'Vorlagen-Nr.',
  isPublic: 'Öffentlichkeit',
  decisionKind: 'Art der Entscheidung',
  department: 'Federführung',
  handler: 'Bearbeitung',
  date: 'Datum',
  fileReference: 'Aktenzeichen',
  title: 'Betreff',
  consultations: 'Beratungsfolge',
  impacts: 'Auswirkungen',
  draftResolution: 'Beschlussvorschlag',
  statementOfFacts: 'Sachverhalt',
};

const deDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '–');
const or = (v: string | null) => v ?? '–';

function excerpt(text: string | null, max: number): string {
  if (!text) return '–';
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A readable German summary for the terminal. */
export function formatPaperSummary(p: ParsedPaper): string {
  const pub = p.isPublic === null ? 'nicht erkennbar' : p.isPublic ? 'öffentlich' : 'nicht öffentlich';
  const out = [
    `Vorlage ${or(p.reference)} (${pub}) – ${or(p.decisionKind)}`,
    `Betreff:       ${or(p.title)}`,
    `Federführung:  ${or(p.department)}    Bearbeitung: ${or(p.handler)}`,
    `Datum:         ${deDate(p.date)}    Aktenzeichen: ${or(p.fileReference)}`,
    'Beratungsfolge:',
  ];
  if (p.consultations.length === 0) out.push('  (keine erkannt)');
  for (const c of p.consultations) {
    const extra = [c.agendaItem ? `TOP ${c.agendaItem}` : '', c.result ?? ''].filter(Boolean).join(', ');
    out.push(`  ${deDate(c.date)}  ${c.committee} – ${or(c.role)}${extra ? ` (${extra})` : ''}`);
  }
  const i = p.impacts;
  out.push(
    `Auswirkungen:  finanziell ${IMPACT[i.financial]}, personell ${IMPACT[i.personnel]}, organisatorisch ${IMPACT[i.organisational]}, Kennzahlen ${IMPACT[i.keyFigures]}`,
    `Beschlussvorschlag: ${excerpt(p.draftResolution, 400)}`,
    `Sachverhalt:   ${p.statementOfFacts ? `${p.statementOfFacts.length} Zeichen – ${excerpt(p.statementOfFacts, 200)}` : '–'}`,
  );
  const unsure = paperFieldNames.filter((f) => p.confidence[f] < 0.5).map((f) => LABEL[f]);
  if (unsure.length) out.push(`Unsicher oder nicht im Text: ${unsure.join(', ')}`);
  return `${out.join('\n')}\n`;
}
