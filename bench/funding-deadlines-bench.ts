import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateExtractor, type LabelledItem } from '../src/domains/funding/deadlines/evaluate.js';
import { AUTO_ACCEPT } from '../src/domains/funding/deadlines/extract-calls.js';
import { extractDeadlines } from '../src/domains/funding/deadlines/extract-deadlines.js';
import { normalizeText, splitSentences } from '../src/domains/funding/deadlines/normalize.js';
import { findDateMentions } from '../src/infra/text/german-dates.js';
import type { BenchContext, BenchMetric, BenchReport } from './lib/types.js';

interface HeldOutItem extends LabelledItem {
  part: 'A' | 'B';
  expected: LabelledItem['expected'] & { dates: { date: string; kind: string; words: string }[] };
}

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
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

/** Labelled non-deadline dates (starts, validity, stamps, result dates) the extractor kept out of its deadlines. */
function keptOut(items: HeldOutItem[]): { kept: number; total: number } {
  let kept = 0;
  let total = 0;
  for (const item of items) {
    const got = extractDeadlines(item.text, { today: item.referenceDate });
    const deadlines = new Set(got.deadlines.filter((d) => d.confidence >= 0.5).map((d) => d.date));
    for (const d of item.expected.dates.filter((x) => x.kind !== 'deadline')) {
      total++;
      if (!deadlines.has(d.date)) kept++;
    }
  }
  return { kept, total };
}

const load = <T>(root: string, name: string) =>
  (
    JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'funding-deadlines', name), 'utf8')) as {
      items: T[];
    }
  ).items;

const fmt = (x: number) => x.toFixed(2);

/** Precision/recall of the deadline extractor on the tuning set and on the held-out set (parts A, B), and its speed. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const tuning = load<LabelledItem>(ctx.root, 'labelled.json');
  const heldOut = load<HeldOutItem>(ctx.root, 'heldout.json');
  const partA = heldOut.filter((i) => i.part === 'A');
  const partB = heldOut.filter((i) => i.part === 'B');
  const gold = (items: LabelledItem[]) => items.reduce((n, i) => n + i.expected.deadlines.length, 0);

  const r = evaluateExtractor(tuning);
  const naive = naiveScores(tuning);
  const h = evaluateExtractor(heldOut);
  const hA = evaluateExtractor(partA);
  const hB = evaluateExtractor(partB);
  const hNaive = naiveScores(heldOut);
  const out = keptOut(heldOut);
  const karlsruhe = load<LabelledItem>(ctx.root, 'karlsruhe-funding-2026-12.json');
  const k = evaluateExtractor(karlsruhe);
  const kAuto = evaluateExtractor(karlsruhe, AUTO_ACCEPT);
  const kNaive = naiveScores(karlsruhe);
  const rAuto = evaluateExtractor(tuning, AUTO_ACCEPT);
  const hAuto = evaluateExtractor(heldOut, AUTO_ACCEPT);

  const started = performance.now();
  let texts = 0;
  while (performance.now() - started < 1000) {
    for (const item of tuning) extractDeadlines(item.text, { today: item.referenceDate });
    texts += tuning.length;
  }
  const perSecond = texts / ((performance.now() - started) / 1000);
  // Misses are printed for the tuning set and part A only: part B's errors are not looked at.
  for (const m of [...r.misses, ...hA.misses])
    ctx.log(`miss ${m.id}: missing ${m.missing.join(',')} extra ${m.extra.join(',')}`);
  if (hB.misses.length) ctx.log(`part B: ${hB.misses.length} misses (not printed: part B stays unseen)`);

  const pr = (
    label: string,
    e: ReturnType<typeof evaluateExtractor>,
    base: { precision: number; recall: number },
    goal: boolean,
  ): BenchMetric[] => [
    {
      name: `${label} precision (confidence ≥ 0.5)`,
      value: e.precision,
      unit: '',
      baseline: { label: 'every full date is a deadline', value: base.precision },
      ratio: base.precision ? e.precision / base.precision : undefined,
      ...(goal ? { goal: '≥ 0.85', met: e.precision >= 0.85 } : {}),
    },
    {
      name: `${label} recall`,
      value: e.recall,
      unit: '',
      baseline: { label: 'every full date is a deadline', value: base.recall },
      ratio: base.recall ? e.recall / base.recall : undefined,
      ...(goal ? { goal: '≥ 0.85', met: e.recall >= 0.85 } : {}),
    },
  ];
  return {
    title: `Funding deadlines from free text (tuning set ${tuning.length} texts, held-out ${heldOut.length} real funding texts)`,
    metrics: [
      ...pr(`tuning set (${tuning.length} texts, ${gold(tuning)} deadlines)`, r, naive, true),
      ...pr(`held-out A+B (${heldOut.length} texts, ${gold(heldOut)} deadlines)`, h, hNaive, true),
      {
        name: `held-out part A precision / recall (${partA.length} texts, ${gold(partA)} deadlines)`,
        value: hA.precision,
        unit: `/ ${fmt(hA.recall)}`,
      },
      {
        name: `held-out part B precision / recall (${partB.length} texts, ${gold(partB)} deadlines)`,
        value: hB.precision,
        unit: `/ ${fmt(hB.recall)}`,
      },
      { name: 'held-out: labelled non-deadline dates kept out', value: out.kept, unit: `of ${out.total}` },
      {
        name: `precision / recall at auto-accept (confidence ≥ ${AUTO_ACCEPT}): tuning`,
        value: rAuto.precision,
        unit: `/ ${fmt(rAuto.recall)}`,
      },
      {
        name: `precision / recall at auto-accept (confidence ≥ ${AUTO_ACCEPT}): held-out A+B`,
        value: hAuto.precision,
        unit: `/ ${fmt(hAuto.recall)}`,
      },
      {
        name: `Karlsruhe funding sentences, held out (${karlsruhe.length} texts, ${gold(karlsruhe)} deadlines): false alarms at auto-accept`,
        value: kAuto.falsePositives,
        unit: `(recall ${fmt(kAuto.recall)})`,
      },
      {
        name: 'Karlsruhe funding sentences, held out: precision / recall (confidence ≥ 0.5)',
        value: k.precision,
        unit: `/ ${fmt(k.recall)}`,
        baseline: { label: 'every full date is a deadline: precision', value: kNaive.precision },
        ratio: kNaive.precision ? k.precision / kNaive.precision : undefined,
      },
      {
        name: 'rolling flag accuracy (tuning / held-out)',
        value: r.flagAccuracy.rolling,
        unit: `/ ${fmt(h.flagAccuracy.rolling)}`,
      },
      {
        name: 'closed flag accuracy (tuning / held-out)',
        value: r.flagAccuracy.closed,
        unit: `/ ${fmt(h.flagAccuracy.closed)}`,
      },
      { name: 'throughput', value: perSecond, unit: 'texts/s' },
    ],
    notes: [
      `tuning set: TP ${r.truePositives}, FP ${r.falsePositives}, FN ${r.falseNegatives}; the rules were written while looking at it, so these figures are an upper bound`,
      `held-out: TP ${h.truePositives}, FP ${h.falsePositives}, FN ${h.falseNegatives} (A: ${hA.truePositives}/${hA.falsePositives}/${hA.falseNegatives}, B: ${hB.truePositives}/${hB.falsePositives}/${hB.falseNegatives})`,
      'held-out set: every programme/call text in shared/funding not in the tuning set (EU F&T notices and tender descriptions, FDB fields, nrw-facts.md lines), labelled by reading before the extractor ran on it (test/fixtures/funding-deadlines/README.md)',
      "which figure is after looking: part A's errors were looked at first — it had none, so no rule was changed because of the held-out set; part B was not looked at before this run. Both parts are therefore before any held-out tuning; part B alone is the cleanest figure",
      `easy: the naive baseline already reaches ${fmt(hNaive.precision)} / ${fmt(hNaive.recall)} on the held-out set (its only non-deadline dates are month-only result dates and two stamps), so it separates the extractor from the naive reading far less than the tuning set does`,
      `Karlsruhe funding sentences (labelled 2026-12-08 before the extractor ran, never tuned on): TP ${k.truePositives}, FP ${k.falsePositives}, FN ${k.falseNegatives} at 0.5; at auto-accept FP ${kAuto.falsePositives}. 48 of 50 hold only non-deadline dates: a false-alarm test on real council prose, not a recall estimate`,
      'issue 10 asks for ≥ 150 unseen real funding texts: ../shared holds no more (its funding texts are all in the sets above) and public pages may not be copied into the repository; the phrasings the issue lists are tests (src/domains/funding/deadlines/issue-phrasings.test.ts), written and fixed after the Karlsruhe labels were committed',
      "small: 6 held-out deadlines, one error moves a part's precision or recall by 0.25–0.33; most EU notices reuse portal phrasings that the tuning set also contains, and the held-out set has no start or validity dates and no German deadline sentence (shared/funding has none left) — it shows the rules do not break on unseen real texts, not a precise rate",
    ],
  };
}
