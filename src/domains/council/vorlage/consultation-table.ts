import { normalizeRole } from './paper.js';
import type { Consultation } from './schemas.js';
import { collapse, findGermanDate, joinWrapped, toIsoDate } from './text.js';

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
  /** Which column a lone tick stands in, read from the blanks around it (see columnOfTick). */
  publicHint?: boolean;
}

/** A committee cell that carries its role: "Hauptausschuss - Vorberatung" (2026 forms). */
const GLUED_ROLE =
  /^(.*\S)\s+[-–]\s+(Vorberatung|Entscheidung|Anhörung|Kenntnisnahme|Empfehlung|Beschlussfassung)$/i;
/** A mistyped date cell ("26.7.02022"): still the row's date column, never the start of a name. */
const MISTYPED_DATE = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{5,8})(?!\d)/;

/**
 * Extractors keep the blanks between table cells. A tick one blank after the TOP and followed by the
 * empty cells "nö" and "Ergebnis" ("9 x   ") is in the ö column, after a wider gap ("5  X vorberaten")
 * in the nö column. Without a TOP before it, a tick
 * followed by the two empty cells "nö" and "Ergebnis" ("X   ") is in the ö column, a tick with at most
 * one blank after it ("x ", " X ") in the nö column. Anything else is not read.
 */
export function columnOfTick(raw: string): boolean | undefined {
  const line = raw.replace(/\n/g, '');
  if ((line.match(/(?<![\wäöü])[xX☒](?![\wäöü])/g) ?? []).length !== 1) return undefined;
  const m = /^(\s*)(?:(\d{1,3}(?:\.\d{1,2})*(?:\s?[a-wyz])?)(\s+))?[xX☒](\s*)(.*)$/.exec(line);
  if (!m) return undefined;
  const [, lead = '', top, gap = '', trail = '', after = ''] = m;
  // "3 X" with nothing after it may be a trimmed line: the ö column shows by the empty cells after it.
  if (top) return gap.length >= 2 ? false : trail.length >= 2 && !after.trim() ? true : undefined;
  if (after.trim()) return undefined;
  if (trail.length >= 3) return true;
  if (trail.length <= 1) return false;
  return lead.length > 0 ? false : undefined;
}

function dateLineAt(lines: string[], i: number): { name: string; rest: string; iso: string | null } | null {
  const line = lines[i]!;
  let found: { iso: string | null; index: number; length: number } | null = findGermanDate(line);
  const typo = MISTYPED_DATE.exec(line);
  // "07.03.201715" is a date glued to its TOP, read as such; only a year that starts with 0 is a typo.
  if (typo && (!found || (typo.index <= found.index && typo[3]!.startsWith('0')))) {
    // "26.7.02022": a zero slipped in before the year; anything else stays unread (null), but the cell is a date.
    const year = /^0(\d{4})$/.exec(typo[3]!)?.[1];
    const iso = year ? toIsoDate(+typo[1]!, +typo[2]!, +year) : null;
    found = { iso, index: typo.index, length: typo[0].length };
  }
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
  if (row.publicHint === undefined) row.publicHint = columnOfTick(rest);
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
  let glyphs = marks.filter((m) => /[☒☐■□]/.test(m));
  if (glyphs.length !== marks.length) return undefined;
  // Empty table rows below print their own box pairs ("☐ ☐"): the row's pair is the first one.
  if (glyphs.length > 2 && glyphs.length % 2 === 0 && glyphs.slice(2).every((g) => /[☐□]/.test(g)))
    glyphs = glyphs.slice(0, 2);
  if (glyphs.length !== 2) return undefined;
  const [o, no] = glyphs.map((g) => /[☒■]/.test(g));
  if (o === no) return undefined;
  return o;
}

/**
 * Buffered name lines are rows of their own (not the halves of a wrapped name) when each is a whole
 * committee name; "Ausschuss Umwelt und" / "Verkehrsangelegenheiten" is one wrapped name.
 */
function isStandaloneName(buffer: string[]): boolean {
  return buffer.every((line) => STANDALONE.test(line.trim()));
}

/** A whole committee name on one line: ends with a body word, or is an abbreviation ("AföE", "PlA"). */
const STANDALONE =
  /^(?:[\p{L}-]*(?:rat|ausschuss|ausschuß|beirat|kommission|versammlung|konferenz)(?:\s+\p{Lu}[\p{L}-]+)?|\p{Lu}[\p{L}]{0,2}\p{Lu}[\p{L}]{0,3})$/u;

/** Returns the rows and the index of the line after the table. */
export function parseConsultationTable(
  lines: string[],
  start: number,
): { rows: Consultation[]; end: number } {
  const rows: Row[] = [];
  let nameBuffer: string[] = [];
  // Names printed as a column above their date lines ("Gemeinderat" / "AföE" / dates): one per date line.
  let pendingNames: string[] = [];
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
      if (current) {
        current.marks.push(...trimmed.split(/\s+/).filter(Boolean));
        if (current.publicHint === undefined && current.marks.length === 1)
          current.publicHint = columnOfTick(line);
      }
      continue;
    }
    const dated = dateLineAt(lines, i);
    if (dated) {
      let name: string;
      if (dated.name === '' && nameBuffer.length >= 2 && isStandaloneName(nameBuffer)) {
        [name = '', ...pendingNames] = nameBuffer;
      } else if (dated.name === '' && nameBuffer.length === 0 && pendingNames.length > 0) {
        name = pendingNames.shift()!;
      } else {
        if (nameBuffer.length > 0 && dated.name !== '' && isStandaloneName(nameBuffer)) {
          // "Gemeinderat" on a line of its own, then "AföE 03.02.2023": two rows, the first without a date.
          rows.push({ committee: joinWrapped(nameBuffer), date: null, marks: [], result: [], role: null });
          nameBuffer = [];
        }
        name = joinWrapped([...nameBuffer, dated.name]);
      }
      const glued = GLUED_ROLE.exec(name);
      const row: Row = {
        committee: glued ? glued[1]! : name,
        date: dated.iso,
        marks: [],
        result: [],
        role: glued ? normalizeRole(glued[2]!) : null,
      };
      nameBuffer = [];
      takeRest(row, dated.rest);
      if (row.committee) rows.push(row);
      continue;
    }
    if (current && !current.agendaItem && current.result.length === 0 && TOP.test(trimmed.split(/\s+/)[0]!)) {
      takeRest(current, line);
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
    const isPublic = r.isPublic ?? publicFromMarks(r.marks) ?? r.publicHint;
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
