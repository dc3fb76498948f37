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

const ASCII = /^[a-z0-9]*$/;

/** Case, ß and umlauts folded the same way for index and query (ä→a, ß→ss). */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower.replaceAll('ß', 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

interface Analysed {
  stem: string;
  folded: string;
}

// Keyed by the word as written: corpora repeat their words a lot, and Snowball is the costly part.
const cache = new Map<string, Analysed>();

export function analyseWord(word: string): Analysed {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase().replaceAll('ß', 'ss');
  const a = { stem: fold(german.stem(lower)), folded: fold(word) };
  if (cache.size > 500_000) cache.clear();
  cache.set(word, a);
  return a;
}

/** The Snowball German stem of one word, folded. */
export function stem(word: string): string {
  return analyseWord(word).stem;
}

/** The stemmed token stream of a text, space separated, positions preserved for phrases. */
export function stemText(text: string): string {
  const words = text.match(WORD);
  if (!words) return '';
  let out = '';
  for (const w of words) out += out ? ` ${stem(w)}` : stem(w);
  return out;
}
