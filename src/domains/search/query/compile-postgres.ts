import { type RawBuilder, sql } from 'kysely';
import type { ResolvedNode } from './resolved.js';

// Stems are letters and digits only; quoting them still keeps tsquery syntax out of user words.
const lexeme = (s: string) => `'${s.replaceAll("'", "''").replaceAll('\\', '')}'`;

/**
 * The tsquery of a resolved query. Stems come from the same Snowball stemmer PostgreSQL's `german`
 * configuration uses, so they are matched with the `simple` configuration (no second stemming);
 * phrases go through `german` so that stop words keep their distance.
 */
export function toTsquery(node: ResolvedNode): RawBuilder<unknown> {
  switch (node.kind) {
    case 'match': {
      const alts = node.exact.map(lexeme);
      if (node.prefix) alts.push(`${lexeme(node.prefix)}:*`);
      return sql`to_tsquery('simple', ${alts.join(' | ')})`;
    }
    case 'phrase':
      return sql`phraseto_tsquery('german', ${node.words.join(' ')})`;
    case 'or':
      return sql`(${sql.join(node.items.map(toTsquery), sql` || `)})`;
    case 'not':
      return sql`(!! ${toTsquery(node.item)})`;
    case 'and':
      return sql`(${sql.join(node.items.map(toTsquery), sql` && `)})`;
  }
}
