import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import { analyseWord } from './text/stem.js';

type VocabCtx = Pick<AppContext, 'db' | 'dialect'>;

const WORD = /[\p{L}]{3,40}/gu;

/** Counts, per document, each stem and each folded word once. */
export class VocabularyCounter {
  readonly stems = new Map<string, number>();
  readonly words = new Map<string, number>();

  add(text: string): void {
    const seen = new Set<string>();
    for (const m of text.matchAll(WORD)) {
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
    }
    const seenStems = new Set<string>();
    const seenWords = new Set<string>();
    for (const w of seen) {
      const a = analyseWord(w);
      seenStems.add(a.stem);
      seenWords.add(a.folded);
    }
    for (const s of seenStems) this.stems.set(s, (this.stems.get(s) ?? 0) + 1);
    for (const w of seenWords) this.words.set(w, (this.words.get(w) ?? 0) + 1);
  }

  get size(): number {
    return this.stems.size + this.words.size;
  }
}

/**
 * Adds a counter to the stored vocabulary. It only grows (removals do not subtract): it is a
 * lexicon for compound expansion, not an exact statistic, and a rebuild recounts it.
 */
export async function saveVocabulary(ctx: VocabCtx, counter: VocabularyCounter): Promise<void> {
  const all = new Map<string, { s: number; w: number }>();
  for (const [t, n] of counter.stems) all.set(t, { s: n, w: 0 });
  for (const [t, n] of counter.words) {
    const e = all.get(t);
    if (e) e.w = n;
    else all.set(t, { s: 0, w: n });
  }
  const entries = [...all.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (let i = 0; i < entries.length; i += 1000) {
    const rows = entries.slice(i, i + 1000).map(([t, c]) => sql`(${t}, ${c.s}, ${c.w})`);
    await sql`insert into search_terms (term, stem_docs, word_docs) values ${sql.join(rows)}
      on conflict (term) do update set
        stem_docs = search_terms.stem_docs + excluded.stem_docs,
        word_docs = search_terms.word_docs + excluded.word_docs`.execute(ctx.db);
  }
}
