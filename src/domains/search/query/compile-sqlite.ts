import type { ResolvedNode } from './resolved.js';

// Stems contain only letters and digits, but quoting keeps FTS5 from reading them as operators (OR, NEAR).
const q = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The FTS5 MATCH expression of a resolved query. */
export function toFts5(node: ResolvedNode): string {
  switch (node.kind) {
    case 'match': {
      const alts = node.exact.map(q);
      if (node.prefix) alts.push(`${q(node.prefix)} *`);
      return alts.length === 1 ? alts[0] : `(${alts.join(' OR ')})`;
    }
    case 'phrase':
      return q(node.stems.join(' '));
    case 'or':
      return `(${node.items.map(toFts5).join(' OR ')})`;
    case 'not':
      return toFts5(node.item);
    case 'and': {
      const pos = node.items.filter((i) => i.kind !== 'not').map(toFts5);
      const neg = node.items.filter((i) => i.kind === 'not').map(toFts5);
      const base = pos.length === 1 ? pos[0] : `(${pos.join(' AND ')})`;
      return neg.reduce((acc, n) => `(${acc} NOT ${n})`, base);
    }
  }
}
