import { findDateMentions } from '../../../../infra/text/german-dates.js';
import { isoDate as strictIsoDate } from '../time.js';

/**
 * Cell values as offices type them in their own lists, read rather than rejected: amounts with
 * "Mio."/"Tsd."/"€", percentages with "%", German dates with a two-digit year or a month name,
 * times as "12 Uhr". Each reader returns null when the cell is not what it should be.
 */

const scales: [RegExp, number][] = [
  [/\b(?:mrd|milliarden?|bn|billion)\b\.?/, 1e9],
  [/\b(?:mio|millionen?|mill|million|millions|m)\b\.?/, 1e6],
  [/\b(?:tsd|tausend|k|t)\b\.?/, 1e3],
];

/** "2,5 Mio. €" → 2500000, "60.000.000,00 €" → 60000000, "500 T€" → 500000, "EUR 1.2 million" → 1200000. */
export function readAmount(cell: string): number | null {
  let s = cell
    .toLowerCase()
    .replace(/\u00a0/g, ' ')
    .replace(/^(?:bis zu|bis|max\.?|maximal|höchstens|ca\.?|circa|rund|etwa|insgesamt)\s+/, '')
    .replace(/€|\beur(?:o)?\b/g, ' ')
    .trim();
  let factor = 1;
  for (const [re, f] of scales) {
    if (re.test(s)) {
      factor = f;
      s = s.replace(re, ' ');
      break;
    }
  }
  s = s.replace(/\s+/g, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let n: number;
  if (s.includes(',') && s.includes('.')) {
    // the later one is the decimal mark: "60.000.000,00" or "1,200.50"
    n =
      s.lastIndexOf(',') > s.lastIndexOf('.')
        ? Number(s.replace(/\./g, '').replace(',', '.'))
        : Number(s.replace(/,/g, ''));
  } else if (s.includes(',')) {
    n = /^\d{1,3}(,\d{3}){2,}$/.test(s) ? Number(s.replace(/,/g, '')) : Number(s.replace(',', '.'));
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    n = Number(s.replace(/\./g, ''));
  } else n = Number(s);
  if (!Number.isFinite(n)) return null;
  return Math.round(n * factor * 100) / 100;
}

/** "80 %", "80%", "80,5 %", "80" → percent (0–100); null when not a percentage. */
export function readPercent(cell: string): number | null {
  const s = cell
    .replace(/\u00a0/g, ' ')
    .trim()
    .replace(/\s*(?:%|prozent|v\.\s?h\.)$/i, '');
  if (!/^\d{1,3}(?:[.,]\d+)?$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return n >= 0 && n <= 100 ? n : null;
}

/**
 * A calendar day: 15.03.2027, 15.03.27, 15.3.27, 2027-03-15 (with or without time), 15. März 2027,
 * 15/03/2027. The whole cell must be one exact date with a year (found by the project's one date
 * finder, deadlines/date-mentions.ts); "März 2027" alone is not a day.
 */
export function readDay(cell: string): string | null {
  const s = cell.replace(/\u00a0/g, ' ').trim();
  const strict = strictIsoDate(s);
  if (strict) return strict;
  const mentions = findDateMentions(s);
  if (mentions.length !== 1) return null;
  const m = mentions[0];
  if (m.year === null || m.approximate !== null) return null;
  const rest = `${s.slice(0, m.start)}${s.slice(m.end)}`.replace(/^[\s,]*(?:den|am)?\s*|[\s,]+$/gi, '');
  if (rest !== '' && !/^(?:um\s+)?\d{1,2}([:.]\d{2})?\s*(?:uhr|h)?$/i.test(rest)) return null;
  return `${m.year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`;
}

/** "12:00", "12 Uhr", "12.00 Uhr", "17h", "9:30 Uhr MEZ" → "HH:MM"; null when not a time of day. */
export function readTime(cell: string): string | null {
  const m =
    /^(?:um\s+)?(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*(?:uhr|h)?(?:\s*\(?(?:mez|mesz|cet|cest)\)?)?$/i.exec(
      cell.replace(/\u00a0/g, ' ').trim(),
    );
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (!m[2] && !/uhr|h/i.test(cell)) return null;
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Lower case, umlauts folded, punctuation and spaces collapsed: "Läuft!" and "laeuft" meet. */
export function foldWord(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * One of a closed set of words, as offices write it: the whole cell, else its first words
 * ("läuft bis 30.06." → läuft). `words` are given folded (see foldWord).
 */
export function readWord<T>(cell: string, words: Record<string, T>): T | null {
  const f = foldWord(cell);
  if (f in words) return words[f];
  const parts = f.split(' ');
  for (let n = Math.min(3, parts.length - 1); n >= 1; n--) {
    const head = parts.slice(0, n).join(' ');
    if (head in words) return words[head];
  }
  return null;
}
