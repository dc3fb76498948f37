// Field accuracy of the Vorlage parser per council-system layout (labelled texts in
// test/fixtures/vorlagen-vendors), on the tuning and the held-out part, on the texts as they are and on
// a lower-cased one-line variant (how more! rubin's OParl File.text arrives); and the calibration of
// the confidences: accuracy of the parser's answers per confidence bucket.
import { parseVorlageText } from '../src/domains/council/vorlage/parse-vorlage.js';
import type { BenchContext, BenchMetric, BenchReport } from './lib/types.js';
import { corpusAvailable, loadSplit } from './parser-corpus.js';
import { calibration, type FieldResult, scoreVendorCase, VENDOR_FIELDS } from './parser-vendor-compare.js';
import { loadVendorCases, lowerFlatVariant, type VendorCase } from './parser-vendor-fixtures.js';

export const VENDOR_GOAL = 0.97;

export interface VendorScore {
  vendor: string;
  papers: number;
  correct: number;
  total: number;
  results: FieldResult[];
  failures: string[];
}

export type Variant = 'as-printed' | 'lower-flat';

export function scoreCases(cases: VendorCase[], variant: Variant = 'as-printed'): Map<string, VendorScore> {
  const byVendor = new Map<string, VendorScore>();
  for (const c of cases) {
    const text = variant === 'lower-flat' ? lowerFlatVariant(c.text) : c.text;
    const results = scoreVendorCase(parseVorlageText(text).paper, c.expected);
    const s = byVendor.get(c.vendor) ?? {
      vendor: c.vendor,
      papers: 0,
      correct: 0,
      total: 0,
      results: [],
      failures: [],
    };
    s.papers++;
    for (const r of results) {
      s.total++;
      if (r.correct) s.correct++;
      else s.failures.push(`${c.vendor}/${c.name} ${r.field}: ${r.detail}`);
    }
    s.results.push(...results);
    byVendor.set(c.vendor, s);
  }
  return byVendor;
}

export function measureVendors(split: 'tuning' | 'heldOut', variant: Variant = 'as-printed') {
  const { cases, missingCorpus } = loadVendorCases();
  return {
    scores: scoreCases(
      cases.filter((c) => c.split === split),
      variant,
    ),
    missingCorpus,
  };
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

function vendorMetrics(label: string, scores: Map<string, VendorScore>, goal: boolean): BenchMetric[] {
  const rows: BenchMetric[] = [];
  for (const s of [...scores.values()].sort((a, b) => a.vendor.localeCompare(b.vendor))) {
    const value = pct(s.correct, s.total);
    const metric: BenchMetric = {
      name: `${label}: ${s.vendor} (${s.papers} papers, ${s.correct}/${s.total} fields)`,
      value,
      unit: '%',
    };
    if (goal) {
      metric.goal = `≥ ${VENDOR_GOAL * 100} %`;
      metric.met = value >= VENDOR_GOAL * 100;
    }
    rows.push(metric);
  }
  return rows;
}

function perField(label: string, scores: Map<string, VendorScore>): BenchMetric[] {
  const all = [...scores.values()].flatMap((s) => s.results);
  return VENDOR_FIELDS.map((field) => {
    const rs = all.filter((r) => r.field === field);
    const ok = rs.filter((r) => r.correct).length;
    return { name: `${label}, field ${field} (${ok}/${rs.length})`, value: pct(ok, rs.length), unit: '%' };
  });
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const tuning = measureVendors('tuning');
  const heldOut = measureVendors('heldOut');
  const heldOutFlat = measureVendors('heldOut', 'lower-flat');
  const tuningFlat = measureVendors('tuning', 'lower-flat');
  ctx.log(`${heldOut.scores.size} layouts; Karlsruhe cases without corpus: ${heldOut.missingCorpus}`);
  const metrics: BenchMetric[] = [
    ...vendorMetrics('held-out', heldOut.scores, true),
    ...vendorMetrics('tuning', tuning.scores, false),
    ...perField('held-out', heldOut.scores),
    ...vendorMetrics('held-out, lower-case one-line variant', heldOutFlat.scores, false),
    ...vendorMetrics('tuning, lower-case one-line variant', tuningFlat.scores, false),
  ];
  const all = [
    ...[...tuning.scores.values(), ...heldOut.scores.values()].flatMap((s) => s.results),
    ...[...tuningFlat.scores.values(), ...heldOutFlat.scores.values()].flatMap((s) => s.results),
  ];
  for (const b of calibration(all)) {
    if (b.claims === 0) continue;
    metrics.push({
      name: `calibration: answers with confidence ${b.label} (${b.correct}/${b.claims} right, mean confidence ${b.meanConfidence.toFixed(2)})`,
      value: pct(b.correct, b.claims),
      unit: '%',
    });
  }
  const wrongReferences = all.filter((r) => r.field === 'reference' && r.claimed && !r.correct);
  metrics.push({
    name: `wrong references answered with confidence ≥ 0.9 (of ${wrongReferences.length} wrong)`,
    value: wrongReferences.filter((r) => r.confidence >= 0.9).length,
    unit: 'papers',
    goal: '0',
    met: wrongReferences.every((r) => r.confidence < 0.9),
  });
  if (corpusAvailable()) {
    // The same question on the whole Karlsruhe corpus: references OParl prints in the text as truth.
    const split = loadSplit();
    const samples = [...split.dev, ...split.heldOut].filter(
      (x) => x.paper.reference && /[/-]/.test(x.paper.reference) && x.text.includes(x.paper.reference),
    );
    let confident = 0;
    let confidentWrong = 0;
    for (const x of samples) {
      const p = parseVorlageText(x.text).paper;
      if (p.reference === null || p.confidence.reference < 0.9) continue;
      confident++;
      if (p.reference !== x.paper.reference) confidentWrong++;
    }
    metrics.push({
      name: `Karlsruhe corpus: references read with confidence ≥ 0.9 that differ from OParl's printed reference (of ${confident}, ${samples.length} papers)`,
      value: confidentWrong,
      unit: 'papers',
    });
  }
  return {
    title: 'Vorlage parser: accuracy per council-system layout',
    metrics,
    notes: [
      'labelled texts: test/fixtures/vorlagen-vendors (README there: sources, labelling rules, split); fields reference, title, date, isPublic, department, decisionKind, consultations (committee, date and role of every printed row, all or nothing)',
      'held-out = every third text per layout (the last one where a layout has fewer than three); not run through the parser before this measurement',
      'lower-case one-line variant: each real text lower-cased and flattened to one line (more! rubin File.text style), scored against the same labels; no real more! rubin, SD.NET or Regisafe text could be found',
      'calibration counts every non-null answer of the parser on all texts and both variants',
    ],
  };
}
