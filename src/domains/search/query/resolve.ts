import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { stem } from '../text/stem.js';
import { germanStopwords } from '../text/stopwords.js';
import type { QueryNode } from './ast.js';
import { compoundsOf, MIN_COMPOUND_STEM } from './compounds.js';
import type { CompoundMode, ResolvedNode } from './resolved.js';

function isStopword(n: QueryNode): boolean {
  return n.kind === 'term' && !n.prefix && germanStopwords.has(n.word.toLowerCase());
}

/** Stems every word and expands plain words to the compounds they begin (see compounds.ts). */
export async function resolveQuery(
  db: Kysely<DB>,
  node: QueryNode,
  mode: CompoundMode = 'lexicon',
): Promise<ResolvedNode> {
  switch (node.kind) {
    case 'term': {
      const s = stem(node.word);
      if (node.prefix) return { kind: 'match', word: node.word, exact: [], prefix: s };
      if (mode === 'prefix' && s.length >= MIN_COMPOUND_STEM) {
        return { kind: 'match', word: node.word, exact: [], prefix: s };
      }
      const extra = mode === 'lexicon' ? await compoundsOf(db, s) : [];
      return { kind: 'match', word: node.word, exact: [s, ...extra], prefix: null };
    }
    case 'phrase':
      return { kind: 'phrase', words: node.words, stems: node.words.map(stem) };
    case 'not':
      return { kind: 'not', item: await resolveQuery(db, node.item, mode) };
    case 'or': {
      const items: ResolvedNode[] = [];
      for (const i of node.items) items.push(await resolveQuery(db, i, mode));
      return { kind: 'or', items };
    }
    case 'and': {
      // Stop words are not in PostgreSQL's index; dropping them on both databases keeps results equal.
      const kept = node.items.filter((i) => !isStopword(i));
      const use = kept.some((i) => i.kind !== 'not') ? kept : node.items;
      const items: ResolvedNode[] = [];
      for (const i of use) items.push(await resolveQuery(db, i, mode));
      return items.length === 1 ? items[0] : { kind: 'and', items };
    }
  }
}
