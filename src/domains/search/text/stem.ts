import snowball from 'snowball-stemmers';

const german = snowball.newStemmer('german');

/** A word of the original text with its character offsets (for highlighting). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Case, ß and umlauts folded the same way for index and query (ä→a, ß→ss). */
export function fold(word: string): string {
  return word.toLowerCase().replaceAll('ß', 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

const cache = new Map<string, string>();

/** The Snowball German stem of one word, folded; cached because corpora repeat words a lot. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replaceAll('ß', 'ss');
  const hit = cache.get(lower);
  if (hit !== undefined) return hit;
  const s = fold(german.stem(lower));
  if (cache.size > 200_000) cache.clear();
  cache.set(lower, s);
  return s;
}

/** The stemmed token stream of a text, space separated, positions preserved for phrases. */
export function stemText(text: string): string {
  const words = text.match(WORD);
  if (!words) return '';
  return words.map(stem).join(' ');
}
