import type { Consultation } from './schemas.js';
import { collapse, findGermanDate, joinWrapped } from './text.js';

/**
 * The Karlsruhe "Beratungsfolge dieser Vorlage" table after extraction: each row is
 * "<Gremium> <Termin> <TOP> <ö/nö marks> <Ergebnis>", but long committee names wrap onto lines before
 * the date and marks/results fall onto lines after it.
 */

/** Header words, also when the extractor glued them together ("GremiumTerminTOPönöErgebnis"). */
const HEADER = /^(?:beratungsfolge|dieser|vorlage|gremium|termin|top|ö|nö|n|ergebnis|sitzung|am)+$/i;
const STOP =
  /^\s*(antrag an|antrag\s*$|beschlussantrag|beschlussvorschlag|beschluss\s*:?\s*$|beschluss \(|information\b|finanzielle|bauvorhaben|ergänzende|sachverhalt|kurzfassung|vorlage nr|stellungnahme|anlage)/i;
const RESULT =
  /^(?:x\s+)?(vorberaten|genehmigt|so gewählt|gewählt|so beschlossen|beschlossen|abgesetzt|zurückgestellt|vertagt|abgelehnt|verwiesen|zugestimmt|einstimmig|mehrheitlich|(?:zur\s+)?kenntnis|zustimmung|erledigt|behandelt|beraten|ohne)/i;
const MARKS_ONLY = /^[\s☒☐■□xX]*$/;
const TOP = /^\d{1,3}(?:\.\d{1,2})*[a-z]?$/;
const ROLE_WORD =
  /\b(Kenntnisnahme|Entscheidung|Vorberatung|Beratung|Anhörung|Empfehlung|Beschluss|Beschlussfassung)\b/i;

interface Row {
  committee: string;
  date: string | null;
  agendaItem?: string;
  marks: string[];
  result: string[];
  role: string | null;
  isPublic?: boolean;
}

function dateLineAt(lines: string[], i: number): { name: string; rest: string; iso: string } | null {
  const line = lines[i]!;
  const found = findGermanDate(line);
  if (!found || found.index > 90 || line.trim().length > 140) return null;
  const name = line.slice(0, found.index).trim();
  // "Mit Urteil vom 18. Juli 2023 …" is the prose after the table, not a committee row.
  if (/\b(vom|am|bis|ab|zum|seit|dem)$/i.test(name)) return null;
  return { name, rest: line.slice(found.index + found.length), iso: found.iso };
}

/** Would this text line start the name of the next row (the row's date line begins with its date)? */
function startsNextName(lines: string[], i: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < lines.length && seen < 3; j++) {
    if (MARKS_ONLY.test(lines[j]!)) continue;
    seen++;
    const d = dateLineAt(lines, j);
    if (d) return d.name === '';
  }
  return false;
}

function takeRest(row: Row, rest: string): void {
  const publicWord = /(?<![\wäöü])(nicht\s*öffentlich|nichtöffentlich|öffentlich)(?![\wäöü])/i.exec(rest);
  if (publicWord) {
    row.isPublic = !/nicht/i.test(publicWord[1]!);
    rest = rest.replace(publicWord[0], ' ');
  }
  const role = ROLE_WORD.exec(rest);
  if (role && /öffentlich/i.test(publicWord?.[0] ?? '')) {
    row.role = role[1]!;
    rest = rest.replace(role[0], ' ');
  }
  for (const token of rest.trim().split(/\s+/).filter(Boolean)) {
    if (/^[☒☐■□xX]$/.test(token)) row.marks.push(token);
    else if (!row.agendaItem && row.result.length === 0 && TOP.test(token)) row.agendaItem = token;
    else row.result.push(token);
  }
}

function publicFromMarks(marks: string[]): boolean | undefined {
  const glyphs = marks.filter((m) => /[☒☐■□]/.test(m));
  if (glyphs.length !== 2 || marks.length !== 2) return undefined;
  const [o, no] = glyphs.map((g) => /[☒■]/.test(g));
  if (o === no) return undefined;
  return o;
}

/** Returns the rows and the index of the line after the table. */
export function parseConsultationTable(
  lines: string[],
  start: number,
): { rows: Consultation[]; end: number } {
  const rows: Row[] = [];
  let nameBuffer: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (
      i === start ||
      (rows.length === 0 && nameBuffer.length === 0 && HEADER.test(trimmed.replace(/\s+/g, '')))
    )
      continue;
    if (STOP.test(trimmed)) break;
    const current = rows[rows.length - 1];
    if (MARKS_ONLY.test(trimmed)) {
      if (current) current.marks.push(...trimmed.split(/\s+/).filter(Boolean));
      continue;
    }
    const dated = dateLineAt(lines, i);
    if (dated) {
      const row: Row = {
        committee: joinWrapped([...nameBuffer, dated.name]),
        date: dated.iso,
        marks: [],
        result: [],
        role: null,
      };
      nameBuffer = [];
      takeRest(row, dated.rest);
      if (row.committee) rows.push(row);
      continue;
    }
    if (current && !current.agendaItem && current.result.length === 0 && TOP.test(trimmed.split(/\s+/)[0]!)) {
      takeRest(current, trimmed);
      continue;
    }
    if (RESULT.test(trimmed) && current && nameBuffer.length === 0) {
      takeRest(current, trimmed);
      continue;
    }
    if (trimmed.length <= 70 && startsNextName(lines, i)) {
      nameBuffer.push(trimmed);
      continue;
    }
    if (current && nameBuffer.length === 0 && trimmed.length <= 60) {
      takeRest(current, trimmed);
      continue;
    }
    break;
  }
  return { rows: assignRoles(rows), end: i };
}

/** The table names no role; the row decided last is the decision, earlier ones prepare it. */
function assignRoles(rows: Row[]): Consultation[] {
  const dates = rows.map((r) => r.date).filter((d): d is string => d !== null);
  const last = dates.sort().at(-1);
  return rows.map((r) => {
    const result = collapse(r.result.join(' '));
    let role = r.role;
    if (!role) {
      // A session that dropped the item neither prepared nor decided it.
      if (/abgesetzt|vertagt|zurückgestellt/i.test(result)) role = null;
      else if (/vorberat/i.test(result)) role = 'Vorberatung';
      else role = r.date === last ? 'Entscheidung' : 'Vorberatung';
    }
    const out: Consultation = { committee: r.committee, date: r.date, role };
    if (r.agendaItem) out.agendaItem = r.agendaItem;
    if (result) out.result = result;
    const isPublic = r.isPublic ?? publicFromMarks(r.marks);
    if (isPublic !== undefined) out.isPublic = isPublic;
    return out;
  });
}

/**
 * The clerk's routing notes at the end of a Karlsruhe Vorlage ("III. Auf die Tagesordnung der Sitzung
 * des Ortschaftsrates am 13.07.2021"). A fallback for forms whose table prints no session date; the
 * committee comes in the genitive and is given back in the nominative ("Ortschaftsrat").
 */
const ROUTING_NOTE =
  /^\s*[IVX]+[a-z]?\.\s*Auf die Tagesordnung der Sitzung (?:des|der)\s+(.+?)\s+am\s+(.+)$/i;

export function nominative(genitive: string): string {
  const [first = '', ...rest] = genitive.trim().split(/\s+/);
  let word = first;
  if (/(ss|rat)es$/i.test(word)) word = word.slice(0, -2);
  else if (/[^s]s$/i.test(word) && !/-/.test(word)) word = word.slice(0, -1);
  return [word, ...rest].join(' ');
}

export function parseRoutingNotes(lines: string[]): Consultation[] {
  const rows: { committee: string; date: string }[] = [];
  for (const line of lines) {
    const m = ROUTING_NOTE.exec(line);
    const date = m ? findGermanDate(m[2]!) : null;
    if (!m || !date || date.index > 0) continue;
    rows.push({ committee: nominative(collapse(m[1]!)), date: date.iso });
  }
  const last = rows
    .map((r) => r.date)
    .sort()
    .at(-1);
  return rows.map((r) => ({ ...r, role: r.date === last ? 'Entscheidung' : 'Vorberatung' }));
}
