const entities: Record<string, string> = {
  '&nbsp;': ' ',
  '&#xa0;': ' ',
  '&#160;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&auml;': 'ä',
  '&ouml;': 'ö',
  '&uuml;': 'ü',
  '&Auml;': 'Ä',
  '&Ouml;': 'Ö',
  '&Uuml;': 'Ü',
  '&szlig;': 'ß',
};

/** Plain text from HTML or PDF-extracted prose: tags become breaks, words split at line ends are joined. */
export function normalizeText(input: string): string {
  return input
    .replace(/<!\[CDATA\[|\]\]>/g, ' ')
    .replace(/<(br|\/p|\/li|\/div|\/h\d|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#\w]+;/g, (e) => entities[e] ?? ' ')
    .replace(/\u00a0/g, ' ')
    .replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\s\n]*/g, '\n')
    .trim();
}

const abbreviations =
  /(?:\b(?:z\.B|bzw|ggf|vgl|Nr|Abs|Art|Ziff|ca|inkl|evtl|gem|i\.V\.m|u\.a|d\.h|S|Dr|Fa|Tel|Str|max|min|sog|zzgl|bspw|usw|etc)|\b\p{L})$/u;

/**
 * Sentences with their offsets. A full stop ends a sentence only after a letter or bracket and
 * before a capital letter, so "31. Januar" and "01.01.2025" stay whole; line breaks end sentences
 * only when the next line starts a new thought (capital, bullet) and the line does not end in a
 * comma or connector, because PDF extraction breaks lines in the middle of sentences.
 */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed.replace(/\s*\n\s*/g, ' '), start: start + raw.indexOf(trimmed) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      const before = text.slice(start, i).trimEnd();
      const next = text.slice(i + 1, i + 3);
      if (/[,:;(\-–]$|\b(und|oder|sowie|bis|zum|am|der|die|das|den|dem)$/i.test(before)) continue;
      if (/^[\p{Lu}•·\-–*\d]/u.test(next) || before.length === 0) push(i + 1);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const prev = text[i - 1] ?? '';
    const after = text.slice(i + 1, i + 3);
    if (!/^\s\p{Lu}/u.test(after) && !/^\s*$/.test(after)) continue;
    // A year ends a sentence ("… am 15. Oktober 2025. Später …"); a day number does not.
    if (!/[\p{L})"“”]/u.test(prev) && !/(?<!\d)\d{4}$/.test(text.slice(i - 5, i))) continue;
    if (ch === '.' && abbreviations.test(text.slice(Math.max(start, i - 8), i))) continue;
    push(i + 1);
  }
  push(text.length);
  return out;
}
