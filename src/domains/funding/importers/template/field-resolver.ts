import { stem } from '../../../search/text/stem.js';

export interface FieldOfActionRow {
  key: string | null;
  id: number;
  name: string;
  rules_json: string;
}

/** Maps what an office writes in its `handlungsfelder` column to the key of a field of action. */
export type FieldResolver = (label: string) => string | null;

function forms(label: string): string[] {
  const words = label.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const whole = words.map((w) => stem(w)).join(' ');
  // "Verkehr (inkl. Mobilität und Infrastruktur)" is also called "Verkehr"
  const head =
    label
      .split(/[(–,]/)[0]
      .match(/[\p{L}\p{N}]+/gu)
      ?.map((w) => stem(w))
      .join(' ') ?? '';
  return [...new Set([whole, head].filter(Boolean))];
}

/**
 * Names, keys ("field:fachkraefte", "fachkraefte") and the single-word terms of each field's
 * classifier rules ("Fachkräftesicherung", "Weiterbildung") lead to the field, compared by their
 * stems, so "Fachkraft", "fachkräfte" and "FACHKRÄFTE" all meet. A label two fields claim is left
 * unmapped rather than guessed.
 */
export function fieldResolver(rows: FieldOfActionRow[]): FieldResolver {
  const byForm = new Map<string, Set<string>>();
  const add = (form: string, key: string) => {
    const set = byForm.get(form) ?? new Set<string>();
    set.add(key);
    byForm.set(form, set);
  };
  const names = new Map<string, string>();
  for (const r of rows) {
    const key = r.key ?? String(r.id);
    for (const f of forms(r.name)) names.set(f, key);
    for (const f of forms(key.replace(/^field:/, '').replace(/-/g, ' '))) add(f, key);
    for (const f of forms(key)) add(f, key);
    let rules: { terms?: unknown } = {};
    try {
      rules = JSON.parse(r.rules_json) as { terms?: unknown };
    } catch {
      rules = {};
    }
    for (const t of Array.isArray(rules.terms) ? rules.terms : [])
      if (typeof t === 'string' && !/\s/.test(t.trim())) for (const f of forms(t)) add(f, key);
  }
  return (label) => {
    for (const f of forms(label)) {
      // a field's own name wins over another field's synonym ("Verkehr" is the field, not a term of Mobilität)
      const named = names.get(f);
      if (named) return named;
      const keys = byForm.get(f);
      if (keys?.size === 1) return [...keys][0];
    }
    return null;
  };
}
