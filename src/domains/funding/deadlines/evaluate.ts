import { extractDeadlines } from './extract-deadlines.js';

export interface LabelledItem {
  id: string;
  source: string;
  referenceDate: string;
  text: string;
  expected: { deadlines: string[]; rolling: boolean | null; closed: boolean | null };
  note?: string;
}

export interface EvaluationResult {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  flagAccuracy: { rolling: number; closed: number };
  misses: { id: string; missing: string[]; extra: string[] }[];
}

/**
 * Precision and recall over (text, date) pairs: a deadline counts when the extractor reports that
 * day with at least `minConfidence`. Rolling/closed flags are scored where the label decides them.
 */
export function evaluateExtractor(items: LabelledItem[], minConfidence = 0.5): EvaluationResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const flags = { rolling: [0, 0], closed: [0, 0] };
  const misses: EvaluationResult['misses'] = [];
  for (const item of items) {
    const got = extractDeadlines(item.text, { today: item.referenceDate });
    const found = new Set(got.deadlines.filter((d) => d.confidence >= minConfidence).map((d) => d.date));
    const want = new Set(item.expected.deadlines);
    const missing = [...want].filter((d) => !found.has(d));
    const extra = [...found].filter((d) => !want.has(d));
    tp += want.size - missing.length;
    fn += missing.length;
    fp += extra.length;
    if (missing.length || extra.length) misses.push({ id: item.id, missing, extra });
    for (const flag of ['rolling', 'closed'] as const) {
      const expected = item.expected[flag];
      if (expected === null) continue;
      flags[flag][1]++;
      if (got[flag] === expected) flags[flag][0]++;
      else
        misses.push({ id: `${item.id} (${flag})`, missing: [String(expected)], extra: [String(got[flag])] });
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    flagAccuracy: {
      rolling: flags.rolling[1] ? flags.rolling[0] / flags.rolling[1] : 1,
      closed: flags.closed[1] ? flags.closed[0] / flags.closed[1] : 1,
    },
    misses,
  };
}
