import { collapse } from './text.js';

/**
 * Web pages of council systems print "Label:value" pairs whose values run into the next label, often
 * without a space ("Status:öffentlichAktenzeichen:898/V"), over several lines or, in flattened
 * OParl texts, all on one line. The value of a label is everything up to the next known label.
 */
export function labelledValues(text: string, labels: string[]): Map<string, string> {
  const alternatives = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(`(?<![\\p{L}])(${alternatives})\\s*:`, 'giu');
  const hits = [...text.matchAll(re)];
  const out = new Map<string, string>();
  hits.forEach((m, i) => {
    const label = labels.find((l) => l.toLowerCase() === m[1]!.toLowerCase()) ?? m[1]!;
    if (out.has(label)) return;
    const end = i + 1 < hits.length ? hits[i + 1]!.index : text.length;
    out.set(label, text.slice(m.index + m[0].length, end));
  });
  return out;
}

/** A label's value as one line, or null when empty. */
export function labelledValue(values: Map<string, string>, label: string): string | null {
  const raw = values.get(label);
  if (raw === undefined) return null;
  const v = collapse(raw);
  return v ? v : null;
}

/**
 * ALLRIS prints an "original | current" pair glued together ("BezirksamtBezirksamt",
 * "Antrag zur BeschlussfassungDringliche Vorlage zur Kenntnisnahme"): the current one is the last part.
 */
export function currentOfPair(value: string): string {
  // "Vorlage zur Kenntnisnahme § 15 BezVGVorlage zur Kenntnisnahme § 15 BezVG": the same twice.
  const half = value.length / 2;
  if (Number.isInteger(half) && value.slice(0, half).trim() === value.slice(half).trim())
    return value.slice(half).trim();
  const parts = value.split(/(?<=[a-zäöüß.)])(?=[A-ZÄÖÜ][a-zäöüß])/u);
  return parts.length < 2 ? value : parts.slice(1).join('').trim();
}
