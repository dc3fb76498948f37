import { z } from 'zod';
import { stem } from '../text/stem.js';

const rulesSchema = z.object({
  terms: z.array(z.string()).default([]),
  phrases: z.array(z.string()).default([]),
  exclusions: z.array(z.string()).default([]),
});

/** A word or phrase of a rule, stemmed the way the search index is. */
export interface Pattern {
  source: string;
  stems: string[];
  /** Single words also match compounds they begin ("Radweg" → "Radwegenetz"); "Kita*" asks for it explicitly. */
  prefix: boolean;
}

export interface CompiledField {
  id: number;
  name: string;
  include: Pattern[];
  exclude: Pattern[];
}

/** Stems shorter than this would begin too many unrelated words. */
const MIN_IMPLICIT_PREFIX = 5;

function pattern(source: string): Pattern | null {
  const explicit = source.trim().endsWith('*');
  const words = source.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const stems = words.map(stem);
  const single = stems.length === 1;
  return {
    source: source.trim(),
    stems,
    prefix: single && (explicit || stems[0].length >= MIN_IMPLICIT_PREFIX),
  };
}

/** Reads a field's rules JSON ({terms, phrases, exclusions}); broken JSON yields no rules rather than an error. */
export function compileField(id: number, name: string, rulesJson: string): CompiledField {
  let parsed: z.infer<typeof rulesSchema> = { terms: [], phrases: [], exclusions: [] };
  try {
    const r = rulesSchema.safeParse(JSON.parse(rulesJson));
    if (r.success) parsed = r.data;
  } catch {
    // keep the empty rules: a field with unreadable rules classifies nothing
  }
  const compile = (list: string[]) => list.map(pattern).filter((p): p is Pattern => p !== null);
  return {
    id,
    name,
    include: [...compile(parsed.terms), ...compile(parsed.phrases)],
    exclude: compile(parsed.exclusions),
  };
}
