import type { ResolvedNode } from './query/resolved.js';
import { stem, tokenize } from './text/stem.js';

export interface Highlighter {
  matches(word: string): boolean;
}

function collect(node: ResolvedNode, exact: Set<string>, prefixes: string[]): void {
  if (node.kind === 'match') {
    for (const e of node.exact) exact.add(e);
    if (node.prefix) prefixes.push(node.prefix);
  } else if (node.kind === 'phrase') {
    for (const s of node.stems) exact.add(s);
  } else if (node.kind === 'and' || node.kind === 'or') {
    for (const i of node.items) collect(i, exact, prefixes);
  }
}

/** Which words of a text the query found (exclusions are never highlighted). */
export function highlighterFor(node: ResolvedNode): Highlighter {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  collect(node, exact, prefixes);
  return {
    matches(word) {
      const s = stem(word);
      return exact.has(s) || prefixes.some((p) => s.startsWith(p));
    },
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

const SCAN_CHARS = 100_000;
const WINDOW = 30;

/**
 * A snippet of the original wording around the densest cluster of found words, HTML-escaped, with
 * the found words wrapped in <mark>. Without a match in the text (title hits) it shows the beginning.
 */
export function snippet(text: string, hl: Highlighter, maxChars = 240): string {
  const scanned = text.slice(0, SCAN_CHARS);
  const tokens = tokenize(scanned);
  const hits: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (hl.matches(tokens[i].word)) hits.push(i);
  if (hits.length === 0) {
    const head = scanned.slice(0, maxChars).replace(/\s+/g, ' ').trim();
    return escapeHtml(head) + (scanned.length > maxChars ? ' …' : '');
  }
  let best = hits[0];
  let bestCount = 0;
  for (let a = 0, b = 0; a < hits.length; a++) {
    while (b < hits.length && hits[b] - hits[a] < WINDOW) b++;
    if (b - a > bestCount) {
      bestCount = b - a;
      best = hits[a];
    }
  }
  const first = Math.max(0, best - 6);
  let from = tokens[first].start;
  let to = from;
  const hitSet = new Set(hits);
  let out = '';
  let cursor = from;
  for (let i = first; i < tokens.length && tokens[i].end - from <= maxChars; i++) {
    const t = tokens[i];
    out += escapeHtml(scanned.slice(cursor, t.start));
    out += hitSet.has(i) ? `<mark>${escapeHtml(t.word)}</mark>` : escapeHtml(t.word);
    cursor = t.end;
    to = t.end;
  }
  if (to === from) {
    to = tokens[first].end;
    out = `<mark>${escapeHtml(tokens[first].word)}</mark>`;
  }
  from = tokens[first].start;
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  return prefix + out.replace(/\s+/g, ' ').trim() + suffix;
}
