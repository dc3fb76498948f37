import { isValidDay, lastDayOfMonth, monthNumber } from './months.js';

export type Approximation = 'end-of-month' | 'mid-month' | 'start-of-month' | null;

/**
 * The project's one date finder: every calendar date in a German (or EU-portal English) text, used by
 * deadline extraction, the hand-kept list's cells and the Vorlage parser (council/vorlage/text.ts).
 */

/** One calendar date written in the text, before any judgement about what it means. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  year: number | null;
  month: number;
  day: number;
  approximate: Approximation;
  time: string | null;
  timeZone: string | null;
}

const word = '[A-Za-zÄÖÜäöüß]{3,10}\\.?';
const patterns: {
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'text' | 'time' | 'timeZone'> | null;
}[] = [
  {
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    read: (m) => exact(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // "15./16.12.2020": two days of one month; the first is the date (a two-day session's start)
    re: /(?<![\d.])(\d{1,2})\.\/\d{1,2}\.\s?(\d{1,2})\.\s?(\d{4}|\d{2}(?!\d))/g,
    read: (m) => exact(fullYear(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // 31.01.2025, 1. 1. 2006, 31.01.25, and year-less 02.07. (a trailing dot is required then);
    // PDF extractors glue page numbers to a four-digit year ("23.08.20181"): the year is still 2018
    re: /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}(?!\d)))?/g,
    read: (m) => exact(m[3] ? fullYear(m[3]) : null, Number(m[2]), Number(m[1])),
  },
  {
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g,
    read: (m) => exact(Number(m[3]), Number(m[2]), Number(m[1])),
  },
  {
    // 31. Januar 2025, 15. März, 3 May 2022, 21 September 2023, 2nd March 2024
    re: new RegExp(
      `(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?(${word})(?:,?\\s*(\\d{4}))?`,
      'g',
    ),
    read: (m) => {
      const month = monthNumber(m[2]);
      return month ? exact(m[3] ? Number(m[3]) : null, month, Number(m[1])) : null;
    },
  },
  {
    // bis Ende März 2026, Mitte Februar, end of September 2026
    re: new RegExp(`\\b(Ende|Mitte|Anfang|end of|mid|beginning of)\\s+(${word})(?:\\s+(\\d{4}))?`, 'gi'),
    read: (m) => {
      const month = monthNumber(m[2]);
      if (!month) return null;
      const year = m[3] ? Number(m[3]) : null;
      const kind = m[1].toLowerCase();
      if (kind === 'ende' || kind === 'end of') {
        return { year, month, day: lastDayOfMonth(year ?? 2001, month), approximate: 'end-of-month' };
      }
      if (kind === 'mitte' || kind === 'mid') return { year, month, day: 15, approximate: 'mid-month' };
      return { year, month, day: 1, approximate: 'start-of-month' };
    },
  },
  {
    // bis Februar 2025 (a month with a year and nothing else)
    re: new RegExp(`\\b(${word})\\s+(\\d{4})\\b`, 'g'),
    read: (m) => {
      const month = monthNumber(m[1]);
      if (!month) return null;
      const year = Number(m[2]);
      return { year, month, day: lastDayOfMonth(year, month), approximate: 'end-of-month' };
    },
  },
];

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

function exact(year: number | null, month: number, day: number) {
  if (year !== null && (year < 1950 || year > 2100)) return null;
  if (!isValidDay(year ?? 2000, month, day)) return null;
  return { year, month, day, approximate: null as Approximation };
}

const zoneWords: [RegExp, string][] = [
  [/^MESZ$|^CEST$/i, '+02:00'],
  [/^MEZ$|^CET$/i, '+01:00'],
  [/^(UTC|GMT)$/i, 'UTC'],
  [/brussels|brüssel/i, 'Europe/Brussels'],
  [/deutscher|berlin/i, 'Europe/Berlin'],
];

const timeAfter =
  /^[\s,]*(?:um|at|,|bis)?\s*(?:(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(?:Uhr|h)?|(\d{1,2})\s*Uhr|(Mitternacht|midnight))\s*(?:\(?\s*(MESZ|MEZ|CEST|CET|UTC|GMT|Brussels(?: local)? time|Brüsseler Zeit|deutscher Zeit)\s*\)?)?/i;

function readTime(rest: string): { time: string | null; timeZone: string | null; length: number } {
  const m = timeAfter.exec(rest);
  if (!m) return { time: null, timeZone: null, length: 0 };
  let time: string;
  if (m[4]) time = '24:00';
  else if (m[3]) time = `${m[3].padStart(2, '0')}:00`;
  else {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 24 || min > 59) return { time: null, timeZone: null, length: 0 };
    time = `${String(h).padStart(2, '0')}:${m[2]}`;
  }
  const zone = m[5] ? (zoneWords.find(([re]) => re.test(m[5].trim()))?.[1] ?? null) : null;
  return { time, timeZone: zone, length: m[0].length };
}

/** All dates in one sentence, left to right, without overlaps (the earliest, longest match wins). */
export function findDateMentions(sentence: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, read } of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const value = read(m);
      if (!value) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: m[0], ...value, time: null, timeZone: null });
    }
  }
  found.sort((a, b) => a.start - b.start);
  for (const f of found) {
    const t = readTime(sentence.slice(f.end, f.end + 60));
    if (t.time) {
      f.time = t.time;
      f.timeZone = t.timeZone;
    }
  }
  return found;
}
