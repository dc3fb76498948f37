/**
 * Name search that behaves the same on SQLite and PostgreSQL without collations or extensions:
 * names are folded once when written, queries when asked. German spellings meet in the middle:
 * "Düsseldorf", "Duesseldorf" and "Dusseldorf" all find the city; "Straße" and "Strasse" match.
 */
function baseFold(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('de-DE').replaceAll('ß', 'ss');
}

function stripMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** ä → ae, ö → oe, ü → ue (the transliteration German writers use). */
export function foldTransliterated(s: string): string {
  return stripMarks(baseFold(s).replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue'));
}

/** ä → a, é → e (what people type when they skip the umlaut). */
export function foldPlain(s: string): string {
  return stripMarks(baseFold(s));
}

/** The stored search column: both spellings, so a query in either form is a substring. */
export function searchColumnValue(name: string, ...more: (string | null | undefined)[]): string {
  const all = [name, ...more].filter((x): x is string => !!x);
  const variants = new Set(all.flatMap((x) => [foldTransliterated(x), foldPlain(x)]));
  return ` ${[...variants].join(' | ')} `;
}

/** Query tokens as LIKE patterns; every token must match. Folded text has no % or _ to escape. */
export function searchPatterns(query: string | undefined): string[] {
  if (!query) return [];
  return foldTransliterated(query)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => `%${t}%`);
}
