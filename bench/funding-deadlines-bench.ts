import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDateMentions } from '../src/domains/funding/deadlines/date-mentions.js';
import { evaluateExtractor, type LabelledItem } from '../src/domains/funding/deadlines/evaluate.js';
import { extractDeadlines } from '../src/domains/funding/deadlines/extract-deadlines.js';
import { normalizeText, splitSentences } from '../src/domains/funding/deadlines/normalize.js';
import type { BenchContext, BenchReport } from './lib/types.js';

/** The naive reading: every full date in the text is a deadline. */
function naiveScores(items: LabelledItem[]): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const found = new Set<string>();
    for (const s of splitSentences(normalizeText(item.text))) {
      for (const m of findDateMentions(s.text)) {
        if (m.year !== null && !m.approximate) {
          found.add(`${m.year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`);
        }
      }
    }
    const want = new Set(item.expected.deadlines);
    for (const d of found) want.has(d) ? tp++ : fp++;
    for (const d of want) if (!found.has(d)) fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

/** Precision/recall of the deadline extractor on the labelled real texts, and its speed. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const file = join(ctx.root, 'test', 'fixtures', 'funding-deadlines', 'labelled.json');
  const { items } = JSON.parse(readFileSync(file, 'utf8')) as { items: LabelledItem[] };
  const r = evaluateExtractor(items);
  const naive = naiveScores(items);
  const started = performance.now();
  let texts = 0;
  while (performance.now() - started < 1000) {
    for (const item of items) extractDeadlines(item.text, { today: item.referenceDate });
    texts += items.length;
  }
  const perSecond = texts / ((performance.now() - started) / 1000);
  for (const m of r.misses)
    ctx.log(`miss ${m.id}: missing ${m.missing.join(',')} extra ${m.extra.join(',')}`);
  return {
    title: `Funding deadlines from free text (${items.length} labelled real texts)`,
    metrics: [
      {
        name: 'precision (confidence ≥ 0.5)',
        value: r.precision,
        unit: '',
        baseline: { label: 'every full date is a deadline', value: naive.precision },
        ratio: r.precision / naive.precision,
        goal: '≥ 0.85',
        met: r.precision >= 0.85,
      },
      {
        name: 'recall',
        value: r.recall,
        unit: '',
        baseline: { label: 'every full date is a deadline', value: naive.recall },
        ratio: r.recall / naive.recall,
        goal: '≥ 0.85',
        met: r.recall >= 0.85,
      },
      { name: 'rolling flag accuracy', value: r.flagAccuracy.rolling, unit: '' },
      { name: 'closed flag accuracy', value: r.flagAccuracy.closed, unit: '' },
      { name: 'throughput', value: perSecond, unit: 'texts/s' },
    ],
    notes: [
      `TP ${r.truePositives}, FP ${r.falsePositives}, FN ${r.falseNegatives}`,
      'The rules were written while looking at this set; treat the figures as an upper bound until a held-out set exists.',
    ],
  };
}
