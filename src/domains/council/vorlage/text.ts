import { findDateMentions } from '../../../infra/text/german-dates.js';

/** Text helpers shared by the layout parsers; all work on text as PDF extractors emit it. */

// "15./16.12.2020" is a two-day session; extractors that drop spaces glue digits to the year. Kept as a
// pattern for cutting dates out of header lines; finding a date is findGermanDate's.
export const NUMERIC_DATE = /(?<!\d)(?<!\d\.)(\d{1,2})\.(?:\/\d{1,2}\.)?\s?(\d{1,2})\.\s?(\d{4}|\d{2}(?!\d))/;

/** Line endings, no-break spaces and soft hyphens differ between extractors; unify them once. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\f/g, '\n');
}

export function toIsoDate(day: number, month: number, year: number): string | null {
  const y = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > 31 || y < 1950 || y > 2100) return null;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (d.getUTCDate() !== day) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * First date with a year in `s`: "23.08.2018", "15./16.12.2020" (first day) or "17. Juli 2014"; found
 * by the project's one date finder (infra/text/german-dates.ts).
 */
export function findGermanDate(s: string): { iso: string; index: number; length: number } | null {
  for (const m of findDateMentions(s)) {
    if (m.year === null || m.approximate !== null) continue;
    const iso = toIsoDate(m.day, m.month, m.year);
    if (iso) return { iso, index: m.start, length: m.end - m.start };
  }
  return null;
}

export function parseGermanDate(s: string): string | null {
  return findGermanDate(s)?.iso ?? null;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Joins lines wrapped by the PDF layout. A trailing hyphen followed by a lower-case word is a
 * hyphenation ("Betreu-" + "ung"), before a capital it is a compound ("Baden-" + "Württemberg"),
 * before a conjunction an elision ("Kultur-" + "und").
 */
export function joinWrapped(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const wordHyphen = /[A-Za-zÄÖÜäöüß]-$/.test(out) && !/^(und|oder|bzw|sowie)\b/.test(line);
    if (wordHyphen && /^[a-zäöüß]/.test(line)) out = out.slice(0, -1) + line;
    else if (wordHyphen && /^[A-ZÄÖÜ]/.test(line)) out += line;
    else out = `${out} ${line}`;
  }
  return collapse(out);
}

/** Joins wrapped lines but keeps paragraph breaks (blank lines) as "\n\n". */
export function joinParagraphs(lines: string[]): string {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') {
      if (paragraphs[paragraphs.length - 1]!.length > 0) paragraphs.push([]);
    } else {
      paragraphs[paragraphs.length - 1]!.push(line);
    }
  }
  return paragraphs
    .map((p) => joinWrapped(p))
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** Letters and digits only, lower case: for comparing titles and committee names across extractors. */
export function comparable(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Labels that start a line in a Vorlage; a flattened text gets its line breaks back before them. */
const LINE_LABELS =
  /\s+(?=(?:betreff|status|initiator|verfasser|drucksache-art|vorlage-art|federführend|federführende dienststelle|bezüglich|beratungsfolge|sachverhalt|sachdarstellung|anlagen|beschlussvorschlag|beschlussantrag|beschlußantrag|begründung|eingereicht von|vorlage nr|vorlage-nr|drucksache nr|aktenzeichen|fachbereich|bearbeiter(?:\/in|in)?|datum|finanzielle auswirkungen?|gremium|termin|verantwortlich|dienststelle|antrag an den|beschlussvorlage|informationsvorlage|mitteilungsvorlage|beschlußvorlage|vorlage an|(?:[x☒]\s+)?(?:nicht\s*)?öffentliche sitzung)\b)/giu;

/**
 * A text without line structure (OParl File.text of some systems: one line, sometimes all lower case)
 * gets a line break before each known label, so that the line-based readers see
 * labels, table rows and values as they would in an extracted PDF. Texts with lines stay as they are.
 */
export function unflatten(text: string): string {
  const breaks = (text.match(/\n/g) ?? []).length;
  if (text.length < 400 || breaks > text.length / 400) return text;
  return text.replace(LINE_LABELS, '\n').trim();
}
