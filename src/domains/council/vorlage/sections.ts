import { joinParagraphs } from './text.js';

/** Page furniture that extractors leave inside running text. */
const FURNITURE = [
  /^\s*[–-]\s*\d+\s*[–-]\s*$/,
  /^\s*Seite\s+\d+(\s+von\s+\d+)?\s*$/i,
  /^\s*Ergänzende Erläuterungen(\s+Seite\s+\d+)?\s*$/i,
  /^\s*Gedruckt auf 100 Prozent Recyclingpapier\s*$/i,
];

export function isFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line));
}

/** Index of the first line at or after `from` matching `re`, or -1. */
export function findLine(lines: string[], re: RegExp, from = 0, to = lines.length): number {
  for (let i = from; i < Math.min(to, lines.length); i++) if (re.test(lines[i]!)) return i;
  return -1;
}

/** The text from line `start` (exclusive of its heading part) up to the first line matching a stop. */
export function sectionText(
  lines: string[],
  start: number,
  stops: RegExp[],
  options: { headingRest?: string; maxLines?: number } = {},
): { text: string | null; end: number } {
  const body: string[] = [];
  if (options.headingRest?.trim()) body.push(options.headingRest);
  let i = start + 1;
  const limit = options.maxLines ? Math.min(lines.length, i + options.maxLines) : lines.length;
  for (; i < limit; i++) {
    const line = lines[i]!;
    if (stops.some((re) => re.test(line))) break;
    if (!isFurniture(line)) body.push(line);
  }
  const text = joinParagraphs(body);
  return { text: text.length > 0 ? text : null, end: i };
}
