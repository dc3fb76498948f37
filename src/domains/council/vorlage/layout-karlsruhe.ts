import { parseConsultationTable } from './consultation-table.js';
import { detectDecisionKind } from './decision-kind.js';
import { parseImpacts } from './impacts.js';
import { parseKarlsruheHeader } from './karlsruhe-header.js';
import type { ParsedPaper } from './schemas.js';
import { findLine, sectionText } from './sections.js';
import { findGermanDate } from './text.js';

/**
 * Stadt Karlsruhe forms (2009–2024): a label column ("Vorlage Nr.:", "Verantwortlich:") whose values
 * the extractor often prints below all labels, the title, then the Beratungsfolge table, the
 * Antrag/Beschlussantrag, a finance box and "Ergänzende Erläuterungen" on the following pages.
 */

const DOC_TYPE =
  /^\s*(BESCHLUSSVORLAGE|Beschlussvorlage|INFORMATIONSVORLAGE|Informationsvorlage|Stellungnahme zur Anfrage|Stellungnahme zum Antrag|Bauantrag)\b/m;
const DRAFT_HEADING =
  /^\s*(Antrag an den Gemeinderat.*|Beschlussantrag.*|Beschluss\s*|Antrag\s*|Information \(Kurzfassung\)\s*|Information\s*)$/;
const DRAFT_STOPS = [
  /^\s*Finanzielle/i,
  /^\s*Ergänzende Erläuterungen\s*(Seite\s*\d+)?\s*$/i,
  /^\s*[–-]\s*2\s*[–-]\s*$/,
];
const FACTS_HEADING = /^\s*Ergänzende Erläuterungen\s*(Seite\s*\d+)?\s*$/i;
// The last page repeats the resolution in full ("Beschluss:" / "Antrag an den Gemeinderat").
const FACTS_STOPS = [
  /^\s*Beschluss\s*:\s*$/,
  /^\s*Antrag an den Gemeinderat/,
  /^\s*Hauptamt\s*-\s*Ratsangelegenheiten/,
  /^\s*Anlagen?\s*(:|\(|$)/,
];

function releaseDate(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/Hauptamt\s*-\s*Ratsangelegenheiten/.test(lines[i]!)) {
      return findGermanDate(`${lines[i]} ${lines[i + 1] ?? ''}`)?.iso ?? null;
    }
  }
  return null;
}

export function parseKarlsruhe(lines: string[], text: string): ParsedPaper {
  const tableAt = findLine(lines, /Beratungsfolge/);
  const header = lines.slice(0, tableAt < 0 ? Math.min(lines.length, 40) : tableAt);
  const head = parseKarlsruheHeader(header);
  const { reference, referenceConfidence, department, isPublic: headerPublic, title } = head;

  const table = tableAt >= 0 ? parseConsultationTable(lines, tableAt) : { rows: [], end: header.length };
  const fromHead = table.rows.length === 0 && head.meeting !== null;
  if (head.meeting && fromHead) table.rows.push({ ...head.meeting, role: 'Entscheidung' });
  const draftAt = findLine(lines, DRAFT_HEADING, table.end, table.end + 6);
  const draft =
    draftAt >= 0 ? sectionText(lines, draftAt, DRAFT_STOPS, { maxLines: 80 }) : { text: null, end: -1 };
  const factsAt = findLine(lines, FACTS_HEADING, Math.max(table.end, draft.end));
  let facts = factsAt >= 0 ? sectionText(lines, factsAt, FACTS_STOPS).text : null;
  if (factsAt < 0 && draftAt < 0 && table.end < lines.length) {
    // Stellungnahmen carry their answer straight after the table, without a heading.
    facts = sectionText(lines, table.end - 1, FACTS_STOPS).text;
  }

  const documentType = DOC_TYPE.exec(text)?.[1] ?? null;
  const kind = detectDecisionKind({ documentType, title, draftResolution: draft.text, statedRole: null });
  const { impacts, confidence: impactsConfidence } = parseImpacts(lines);
  const tablePublic = table.rows.filter((r) => r.isPublic !== undefined).map((r) => r.isPublic);
  const isPublic = headerPublic ?? (tablePublic.length > 0 ? tablePublic.includes(true) : null);
  const date = releaseDate(lines);
  if (/informations|stellungnahme/i.test(documentType ?? '')) {
    for (const row of table.rows) if (row.role === 'Entscheidung') row.role = 'Kenntnisnahme';
  }

  return {
    reference,
    isPublic,
    decisionKind: kind.value,
    department,
    handler: null,
    date,
    fileReference: null,
    title,
    consultations: table.rows,
    impacts,
    draftResolution: draft.text,
    statementOfFacts: facts,
    confidence: {
      reference: referenceConfidence,
      isPublic: headerPublic !== null ? 0.9 : tablePublic.length > 0 ? 0.7 : 0,
      decisionKind: kind.confidence,
      department: department ? 0.85 : 0,
      handler: 0,
      date: date ? 0.6 : 0,
      fileReference: 0,
      title: title ? 0.85 : 0,
      consultations: fromHead ? 0.6 : table.rows.length > 0 ? 0.85 : tableAt >= 0 ? 0.3 : 0,
      impacts: impactsConfidence,
      draftResolution: draft.text ? 0.85 : 0,
      statementOfFacts: facts ? 0.8 : 0,
    },
  };
}
