import { parseConsultationTable, parseRoutingNotes } from './consultation-table.js';
import { detectDecisionKind } from './decision-kind.js';
import { parseImpacts } from './impacts.js';
import { parseKarlsruheHeader } from './karlsruhe-header.js';
import type { Consultation, ParsedPaper } from './schemas.js';
import { findLine, sectionText } from './sections.js';
import { comparable, findGermanDate, joinWrapped } from './text.js';

/**
 * Stadt Karlsruhe forms (2009–2024): a label column ("Vorlage Nr.:", "Verantwortlich:") whose values
 * the extractor often prints below all labels, the title, then the Beratungsfolge table, the
 * Antrag/Beschlussantrag, a finance box and "Ergänzende Erläuterungen" on the following pages.
 */

/** The form type; the 2020s forms repeat it in every page footer, also below a subject heading such as "Bauantrag". */
const FORM_TYPE = /^\s*(BESCHLUSSVORLAGE|Beschlussvorlage|INFORMATIONSVORLAGE|Informationsvorlage)\s*$/m;
const DOC_TYPE =
  /^\s*(BESCHLUSSVORLAGE|Beschlussvorlage|INFORMATIONSVORLAGE|Informationsvorlage|Stellungnahme zur Anfrage|Stellungnahme zum Antrag|Bauantrag|Bauvoranfrage)\b/m;
/** Building applications name their subject only in the "Bauvorhaben:" field. */
const BUILDING = /^\s*Bauvorhaben\s*:\s*(.*)$/;

function buildingTitle(lines: string[], heading: string): string | null {
  const at = lines.findIndex((l) => BUILDING.test(l));
  if (at < 0) return null;
  const parts = [BUILDING.exec(lines[at]!)![1]!];
  for (
    let i = at + 1;
    i < lines.length && i <= at + 3 && lines[i]!.trim() && /^\s{6,}\S/.test(lines[i]!);
    i++
  )
    parts.push(lines[i]!);
  const subject = joinWrapped(parts);
  return subject ? `${heading}: ${subject}` : null;
}

/**
 * The proposal names who decides ("Der Gemeinderat beschließt …"): a Gemeinderat row that was only
 * taken to prepare (its date unread, or an information row dated after it) is the deciding session.
 */
function gemeinderatDecides(rows: Consultation[], draft: string | null): void {
  if (
    !draft ||
    !/^\s*(?:\d\.\s*)?Der Gemeinderat\s+(beschließt|stimmt|genehmigt|ermächtigt|bewilligt|beauftragt|wählt|bestellt|beruft|nimmt|erklärt)/.test(
      draft,
    )
  )
    return;
  const gr = rows.filter((r) => /^Gemeinderat$/i.test(r.committee));
  if (gr.length !== 1 || gr[0]!.role === 'Entscheidung' || gr[0]!.result === 'vorberaten') return;
  const row = gr[0]!;
  for (const r of rows)
    if (
      r !== row &&
      r.role === 'Entscheidung' &&
      (row.date === null || (r.date !== null && r.date <= row.date))
    )
      r.role = 'Vorberatung';
  if (!rows.some((r) => r.role === 'Entscheidung')) row.role = 'Entscheidung';
}
/**
 * Without a proposal right below the table, some forms put it after the explanation: building
 * applications ("Beschlussvorschlag:") and the Ortschaftsrat forms ("Antrag an den Ortschaftsrat").
 */
const LATE_DRAFT_HEADING =
  /^\s*(?:Beschlussvorschlag\s*:?|Antrag an den (?:Gemeinderat|Ortschaftsrat)\b.*)\s*$/;
const DRAFT_HEADING =
  /^\s*(Antrag an den (?:Gemeinderat|Ortschaftsrat|Ausschuss|Hauptausschuss|Bauausschuss|Planungsausschuss)\b.*|Beschlussantrag.*|Beschluss\s*|Antrag\s*|Information \(Kurzfassung\)\s*|Information\s*)$/;
const DRAFT_STOPS = [
  /^\s*Finanzielle/i,
  /^\s*Ergänzende Erläuterungen\s*(Seite\s*\d+)?\s*$/i,
  /^\s*[–-]\s*2\s*[–-]\s*$/,
];
const FACTS_HEADING = /^\s*Ergänzende Erläuterungen\s*(Seite\s*\d+)?\s*$/i;
// The last page repeats the resolution in full ("Beschluss:" / "Antrag an den Gemeinderat").
const FACTS_STOPS = [
  /^\s*Beschluss\s*:\s*$/,
  LATE_DRAFT_HEADING,
  /^\s*Antrag an den (?:Gemeinderat|Ortschaftsrat)\b/,
  /^\s*Hauptamt\s*[-–]\s*Ratsangelegenheiten/,
  /^\s*Anlagen?\s*(:|\(|$)/,
];

function releaseDate(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/Hauptamt\s*[-–]\s*Ratsangelegenheiten/.test(lines[i]!)) {
      return findGermanDate(`${lines[i]} ${lines[i + 1] ?? ''}`)?.iso ?? null;
    }
  }
  return null;
}

/**
 * The old forms name the session the Vorlage goes to in the head ("Gremium: Ortschaftsrat Neureut",
 * "Termin: 29.06.2010") and list only the sessions before it in the table ("Stiftungsratsitzung
 * 13.04.2010 … Zustimmung"). The head session then is a consultation of its own; when it comes after
 * every row it decides, and a row that was taken as the decision only for being the last prepared it.
 * A table row of the same committee is that session, also under another date (a typo in the head).
 */
function addHeadMeeting(rows: Consultation[], meeting: { committee: string; date: string }): void {
  // The same committee in the table is the same session (the head may print a mistyped date).
  const committee = comparable(meeting.committee);
  if (rows.some((r) => r.date === meeting.date || comparable(r.committee) === committee)) return;
  const latest = rows.every((r) => r.date === null || r.date < meeting.date);
  if (latest) for (const r of rows) if (r.role === 'Entscheidung') r.role = 'Vorberatung';
  rows.push({ ...meeting, role: latest ? 'Entscheidung' : 'Vorberatung' });
}

export function parseKarlsruhe(lines: string[], text: string): ParsedPaper {
  const tableAt = findLine(lines, /Beratungsfolge/);
  const header = lines.slice(0, tableAt < 0 ? Math.min(lines.length, 40) : tableAt);
  const head = parseKarlsruheHeader(header);
  const { reference, referenceConfidence, department, isPublic: headerPublic } = head;

  const table = tableAt >= 0 ? parseConsultationTable(lines, tableAt) : { rows: [], end: header.length };
  const fromHead = table.rows.length === 0 && head.meeting !== null;
  if (head.meeting && fromHead) table.rows.push({ ...head.meeting, role: 'Entscheidung' });
  else if (head.meeting) addHeadMeeting(table.rows, head.meeting);
  const fromNotes = table.rows.length === 0;
  if (fromNotes) table.rows.push(...parseRoutingNotes(lines));
  let draftAt = findLine(lines, DRAFT_HEADING, table.end, table.end + 6);
  const late = draftAt < 0 ? findLine(lines, LATE_DRAFT_HEADING, table.end) : -1;
  const draft =
    draftAt >= 0
      ? sectionText(lines, draftAt, DRAFT_STOPS, { maxLines: 80 })
      : late >= 0
        ? sectionText(
            lines,
            late,
            [...DRAFT_STOPS, FORM_TYPE, /^\s*Beschluss\s*:\s*$/, /^\s*Anlagen?\s*(:|\(|$)/],
            { maxLines: 40 },
          )
        : { text: null, end: -1 };
  if (draftAt < 0 && late >= 0 && draft.text) draftAt = late;
  const factsAt = findLine(lines, FACTS_HEADING, Math.max(table.end, draft.end));
  let facts = factsAt >= 0 ? sectionText(lines, factsAt, FACTS_STOPS).text : null;
  if (factsAt < 0 && (draftAt < 0 || draftAt === late) && table.end < lines.length) {
    // Stellungnahmen carry their answer straight after the table, without a heading.
    facts = sectionText(lines, table.end - 1, FACTS_STOPS).text;
  }

  const heading = DOC_TYPE.exec(text)?.[1] ?? null;
  const building = heading === 'Bauantrag' || heading === 'Bauvoranfrage';
  const documentType = heading === null || building ? (FORM_TYPE.exec(text)?.[1] ?? heading) : heading;
  const title = head.title ?? (building ? buildingTitle(lines, heading!) : null);
  gemeinderatDecides(table.rows, draft.text);
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
      title: head.title ? 0.85 : title ? 0.6 : 0,
      consultations: fromHead
        ? 0.6
        : fromNotes && table.rows.length > 0
          ? 0.5
          : table.rows.length > 0
            ? 0.85
            : tableAt >= 0
              ? 0.3
              : 0,
      impacts: impactsConfidence,
      draftResolution: draft.text ? 0.85 : 0,
      statementOfFacts: facts ? 0.8 : 0,
    },
  };
}
