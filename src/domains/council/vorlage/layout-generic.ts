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
import { normalizeRole, ROLE_WORDS } from './paper.js';
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
// Labels that end a Betreff in a flattened text where the label value runs on.
const AFTER_TITLE =
  /\s+(?:Sachverhalt|Sachdarstellung|Beschlussvorschlag|Beschlussentwurf|Begründung|Beratungsfolge|Finanzielle Auswirkung|Anlagen?)\b.*$/is;

/** "<Gremium> <Datum> [TOP] [Ö|N|Rolle]" — several rows can stand on one line in a flattened text. */
const ROW = new RegExp(
  String.raw`(\p{L}[\p{L}\d .,&/()-]*?)\s+(\d{1,2}\.\d{1,2}\.\d{4})(?:\s+(\d{1,3}(?:\.\d{1,2})*[a-z]?)(?![\d.]))?(?:\s+(Ö|NÖ|N)(?![\p{L}]))?(?:\s+(${ROLE_WORDS}))?`,
  'giu',
);

function rowsOf(segment: string): Consultation[] {
  const rows: Consultation[] = [];
  for (const m of segment.matchAll(ROW)) {
    const committee = collapse(
      m[1]!.replace(
        /^(?:Gremium|Datum|Sitzung|TOP|Termin|Zuständigkeit|Status|Beratungsfolge)\b[:\s]*/gi,
        '',
      ),
    );
    if (!committee || /^(am|vom|bis|den)$/i.test(committee)) continue;
    const d = findGermanDate(m[2]!);
    const row: Consultation = { committee, date: d?.iso ?? null, role: m[5] ? normalizeRole(m[5]) : null };
    if (m[3]) row.agendaItem = m[3];
    if (m[4]) row.isPublic = /^ö$/i.test(m[4]);
    rows.push(row);
  }
  return rows;
}

function parseTable(lines: string[]): { rows: Consultation[]; end: number; found: boolean } {
  const start = findLine(lines, /^\s*Beratungsfolge/i);
  if (start < 0) return { rows: [], end: -1, found: false };
  const rows: Consultation[] = [];
  const onLabel = lines[start]!.replace(/^\s*Beratungsfolge\s*:?/i, '');
  if (findGermanDate(onLabel)) rows.push(...rowsOf(onLabel));
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      if (rows.length > 0) break;
      continue;
    }
    const d = findGermanDate(line);
    if (!d) {
      if (rows.length > 0 || !/^\s*(Gremium|Datum|Termin|Sitzung|TOP|Zuständigkeit|Art der)/i.test(line))
        break;
      continue;
    }
    const committee = collapse(line.slice(0, d.index));
    const rest = line.slice(d.index + d.length);
    if (findGermanDate(rest)) {
      rows.push(...rowsOf(line));
      continue;
    }
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
  const labelled = labelValue(lines, /\b(?:Betreff|Betrifft|Gegenstand|Titel)\s*:\s*/i);
  if (labelled) {
    const title = labelled.value.replace(AFTER_TITLE, '').trim();
    // A "subject" of paragraphs is the running text after an unmarked end of the Betreff: not a title.
    if (title.length > 300) return { title: null, confidence: 0 };
    return { title, confidence: title === labelled.value ? 0.9 : 0.7 };
  }
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
  const ref = findReference(lines);
  const reference = ref?.value ?? null;
  const department = labelValue(lines, DEPARTMENT_LABEL)?.value ?? null;
  const handler = labelValue(lines, HANDLER_LABEL)?.value ?? null;
  const fileReference = labelValue(lines, FILE_REFERENCE_LABEL)?.value.split(/\s/)[0] ?? null;
  const date = findLabelledDate(lines);
  const publicLine = lines
    .slice(0, 40)
    .find((l) => /^\s*(nicht\s*öffentlich|nichtöffentlich|öffentlich)\s*$/i.test(l));
  // "X Öffentliche Sitzung" (more! rubin): the ticked one of the printed session types.
  const ticked = /(?:^|\s)[xX☒]\s+(Nicht\s*öffentliche|Nichtöffentliche|Öffentliche)\s+Sitzung/i.exec(
    lines.join('\n'),
  );
  const isPublic = ticked ? !/nicht/i.test(ticked[1]!) : publicLine ? !/nicht/i.test(publicLine) : null;
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
      .find(Boolean) ??
    /\b(Beschlussvorlage|Informationsvorlage|Mitteilungsvorlage)\b/i.exec(
      lines.slice(0, 15).join(' '),
    )?.[1] ??
    null;
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
      reference: ref?.confidence ?? 0,
      isPublic: isPublic !== null ? (ticked ? 0.8 : 0.85) : 0,
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
