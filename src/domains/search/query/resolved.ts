/**
 * A query after stemming and compound expansion: what both database compilers and the
 * highlighter work from.
 */
export type ResolvedNode =
  | { kind: 'match'; word: string; exact: string[]; prefix: string | null }
  | { kind: 'phrase'; words: string[]; stems: string[] }
  | { kind: 'and'; items: ResolvedNode[] }
  | { kind: 'or'; items: ResolvedNode[] }
  | { kind: 'not'; item: ResolvedNode };

/** How a plain word reaches compounds: not at all, every index term it begins, or lexicon-checked ones. */
export type CompoundMode = 'none' | 'prefix' | 'lexicon';
