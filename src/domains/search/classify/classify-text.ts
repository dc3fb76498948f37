import { stem, tokenize } from '../text/stem.js';
import type { CompiledField, Pattern } from './rules.js';

export interface Classification {
  fieldId: number;
  score: number;
  /** The words of the document (original spelling) that matched, most frequent first. */
  matchedTerms: string[];
}

interface Analysed {
  words: string[];
  stems: string[];
  titleTokens: number;
}

const MAX_CHARS = 200_000;

export function analyse(title: string, text: string): Analysed {
  const t = tokenize(title);
  const all = [...t, ...tokenize(text.slice(0, MAX_CHARS))];
  return { words: all.map((x) => x.word), stems: all.map((x) => stem(x.word)), titleTokens: t.length };
}

function at(a: Analysed, p: Pattern, i: number): boolean {
  if (p.stems.length === 1) {
    const s = a.stems[i];
    return p.prefix ? s.startsWith(p.stems[0]) : s === p.stems[0];
  }
  for (let k = 0; k < p.stems.length; k++) if (a.stems[i + k] !== p.stems[k]) return false;
  return true;
}

/**
 * Rules of a field of action applied to a document: each occurrence of a term or phrase counts
 * (three times in the title); any exclusion vetoes the field. A field needs one title hit or two
 * hits in the text, so a single passing mention does not classify a long document.
 */
export function classifyAnalysed(a: Analysed, fields: CompiledField[]): Classification[] {
  const out: Classification[] = [];
  for (const f of fields) {
    if (f.include.length === 0) continue;
    let vetoed = false;
    for (let i = 0; i < a.stems.length && !vetoed; i++) vetoed = f.exclude.some((p) => at(a, p, i));
    if (vetoed) continue;
    let score = 0;
    const found = new Map<string, number>();
    for (let i = 0; i < a.stems.length; i++) {
      for (const p of f.include) {
        if (!at(a, p, i)) continue;
        score += i < a.titleTokens ? 3 : 1;
        const phrase = a.words.slice(i, i + p.stems.length).join(' ');
        found.set(phrase, (found.get(phrase) ?? 0) + 1);
      }
    }
    if (score < 2) continue;
    const matchedTerms = [...found.entries()]
      .sort((x, y) => y[1] - x[1])
      .map(([w]) => w)
      .slice(0, 20);
    out.push({ fieldId: f.id, score, matchedTerms });
  }
  return out;
}
