import { type RawBuilder, sql } from 'kysely';
import type { ResolvedNode } from './resolved.js';

// Stems are letters and digits only; quoting them still keeps tsquery syntax out of user words.
const lexeme = (s: string) => `'${s.replaceAll("'", "''").replaceAll('\\', '')}'`;

/**
 * The tsquery of a resolved query. Stems come from the same Snowball stemmer PostgreSQL's `german`
 * configuration uses, so they are matched with the `simple` configuration (no second stemming);
 * phrases go through `german` so that stop words keep their distance.
 */
export function toTsquery(node: ResolvedNode, opts: { relaxPhrases?: boolean } = {}): RawBuilder<unknown> {
  const relax = opts.relaxPhrases === true;
  switch (node.kind) {
    case 'match': {
      const alts = node.exact.map(lexeme);
      if (node.prefix) alts.push(`${lexeme(node.prefix)}:*`);
      return sql`to_tsquery('simple', ${alts.join(' | ')})`;
    }
    case 'phrase':
      // Relaxed: the phrase's words anywhere (what a GIN index answers without word positions).
      return relax
        ? sql`plainto_tsquery('german', ${node.words.join(' ')})`
        : sql`phraseto_tsquery('german', ${node.words.join(' ')})`;
    case 'or':
      return sql`(${sql.join(
        node.items.map((i) => toTsquery(i, opts)),
        sql` || `,
      )})`;
    case 'not':
      // Under a negation a relaxed phrase would exclude too much: it stays exact.
      return sql`(!! ${toTsquery(node.item)})`;
    case 'and':
      return sql`(${sql.join(
        node.items.map((i) => toTsquery(i, opts)),
        sql` && `,
      )})`;
  }
}

/** Whether the query holds a phrase outside a negation (one whose candidates a relaxed query finds). */
export function hasPositivePhrase(node: ResolvedNode): boolean {
  switch (node.kind) {
    case 'phrase':
      return true;
    case 'or':
    case 'and':
      return node.items.some(hasPositivePhrase);
    default:
      return false;
  }
}
