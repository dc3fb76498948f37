import { detectDecisionKind } from './decision-kind.js';
import { parseImpacts } from './impacts.js';
import {
  DEPARTMENT_LABEL,
  FILE_REFERENCE_LABEL,
  findLabelledDate,
  findReference,
  HANDLER_LABEL,
  labelValue,
} from './labels.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { findLine, sectionText } from './sections.js';
import { collapse, findGermanDate, joinWrapped } from './text.js';

/**
 * Any form that labels its fields ("Fachbereich:", "Bearbeiter/in:", "Datum:", "Az.:") — the seed
 * layout (Düsseldorf/Mettmann style) and unknown councils. Where no label exists the field stays null.
 */

const DOC_TYPE =
  /^\s*(Beschlussvorlage|Informationsvorlage|Mitteilungsvorlage|Mitteilung|Anfrage|Antrag)\s*$/i;
const DRAFT_HEADING =
  /^\s*(?:Beschlussvorschlag|Beschlussentwurf|Beschlussantrag|Empfehlung|Vorschlag der Verwaltung|Antrag|Beschluss)(?:\s*:\s*(.*)|\s*)$/;
const FACTS_HEADING =
  /^\s*(?:Sachverhalt(?:sdarstellung)?|Sachdarstellung|Darstellung des Sachverhalts|Begründung|Erläuterungen?|Ergänzende Erläuterungen|Sachstand|Problembeschreibung)(?:\s*:\s*(.*)|\s*)$/;
const SECTION_STOPS = [FACTS_HEADING, /^\s*(?:Anlagen?|Finanzielle Auswirkung)/, DEPARTMENT_LABEL];
const FACTS_STOPS = [/^\s*Anlagen?\s*:?\s*$/];
const IMPACT_LINE = /Auswirkung/i;
const ROLE_WORD =
  /\b(Kenntnisnahme|Entscheidung|Vorberatung|Beratung|Anhörung|Empfehlung|Beschluss(?:fassung)?)\b/i;

function parseTable(lines: string[]): { rows: Consultation[]; end: number; found: boolean } {
  const start = findLine(lines, /^\s*Beratungsfolge/);
  if (start < 0) return { rows: [], end: -1, found: false };
  const rows: Consultation[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      if (rows.length > 0) break;
      continue;
    }
    const d = findGermanDate(line);
    if (!d) break;
    const committee = collapse(line.slice(0, d.index));
    const rest = line.slice(d.index + d.length);
    const role = ROLE_WORD.exec(rest)?.[1] ?? null;
    const row: Consultation = { committee, date: d.iso, role };
    const result = collapse(rest.replace(role ?? '', ''));
    if (result) row.result = result;
    if (committee) rows.push(row);
  }
  return { rows, end: i, found: true };
}

/** Without a "Betreff:" label the subject is the first short paragraph after the Beratungsfolge. */
function findTitle(lines: string[], from: number): { title: string | null; confidence: number } {
  const labelled = labelValue(lines, /\b(?:Betreff|Betrifft|Gegenstand|Titel)\s*:\s*/);
  if (labelled) return { title: labelled.value, confidence: 0.9 };
  if (from < 0) return { title: null, confidence: 0 };
  let i = from;
  while (i < lines.length && !lines[i]!.trim()) i++;
  // PDF extractors often drop blank lines, so the subject also ends where the next block starts.
  const paragraph: string[] = [];
  for (; i < lines.length && lines[i]!.trim() && paragraph.length < 4; i++) {
    const line = lines[i]!;
    if (
      IMPACT_LINE.test(line) ||
      DRAFT_HEADING.test(line) ||
      FACTS_HEADING.test(line) ||
      /^\s*\S+:/.test(line)
    )
      break;
    paragraph.push(line);
  }
  const title = joinWrapped(paragraph);
  if (!title || title.length > 300 || IMPACT_LINE.test(title) || /^\S+:/.test(title))
    return { title: null, confidence: 0 };
  const repeated = lines.filter((l) => collapse(l) === title).length > 1;
  return { title, confidence: repeated ? 0.85 : 0.65 };
}

/** The seed form prints the resolution without a heading, between the impact box and page two. */
function positionalDraft(lines: string[]): string | null {
  let last = -1;
  for (let i = 0; i < lines.length; i++)
    if (IMPACT_LINE.test(lines[i]!) && /\bja\b.*\bnein\b/i.test(lines[i]!)) last = i;
  if (last < 0) return null;
  return sectionText(lines, last, SECTION_STOPS, { maxLines: 60 }).text;
}

export function parseGeneric(lines: string[]): ParsedPaper {
  const reference = findReference(lines);
  const department = labelValue(lines, DEPARTMENT_LABEL)?.value ?? null;
  const handler = labelValue(lines, HANDLER_LABEL)?.value ?? null;
  const fileReference = labelValue(lines, FILE_REFERENCE_LABEL)?.value.split(/\s/)[0] ?? null;
  const date = findLabelledDate(lines);
  const publicLine = lines
    .slice(0, 40)
    .find((l) => /^\s*(nicht\s*öffentlich|nichtöffentlich|öffentlich)\s*$/i.test(l));
  const isPublic = publicLine ? !/nicht/i.test(publicLine) : null;
  const table = parseTable(lines);
  const { title, confidence: titleConfidence } = findTitle(lines, table.end);

  const draftAt = findLine(lines, DRAFT_HEADING);
  const headed =
    draftAt >= 0
      ? sectionText(lines, draftAt, SECTION_STOPS, { headingRest: DRAFT_HEADING.exec(lines[draftAt]!)?.[1] })
          .text
      : null;
  const draftResolution = headed ?? positionalDraft(lines);
  const factsAt = findLine(lines, FACTS_HEADING);
  const facts =
    factsAt >= 0
      ? sectionText(lines, factsAt, FACTS_STOPS, { headingRest: FACTS_HEADING.exec(lines[factsAt]!)?.[1] })
          .text
      : null;

  const documentType =
    lines
      .slice(0, 15)
      .map((l) => DOC_TYPE.exec(l)?.[1])
      .find(Boolean) ?? null;
  const statedRole = table.rows.at(-1)?.role ?? null;
  const kind = detectDecisionKind({ documentType, title, draftResolution, statedRole });
  const { impacts, confidence: impactsConfidence } = parseImpacts(lines);

  return {
    reference,
    isPublic,
    decisionKind: kind.value,
    department,
    handler,
    date,
    fileReference,
    title,
    consultations: table.rows,
    impacts,
    draftResolution,
    statementOfFacts: facts,
    confidence: {
      reference: reference ? 0.9 : 0,
      isPublic: isPublic !== null ? 0.85 : 0,
      decisionKind: kind.confidence,
      department: department ? 0.85 : 0,
      handler: handler ? 0.85 : 0,
      date: date ? 0.9 : 0,
      fileReference: fileReference ? 0.85 : 0,
      title: titleConfidence,
      consultations: table.rows.length > 0 ? 0.85 : table.found ? 0.3 : 0,
      impacts: impactsConfidence,
      draftResolution: headed ? 0.85 : draftResolution ? 0.6 : 0,
      statementOfFacts: facts ? 0.85 : 0,
    },
  };
}
