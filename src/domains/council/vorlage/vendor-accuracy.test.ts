import { describe, expect, it } from 'vitest';
import { corpusAvailable } from '../../../../bench/parser-corpus.js';
import { measureVendors, VENDOR_GOAL } from '../../../../bench/parser-vendor-bench.js';
import { calibration } from '../../../../bench/parser-vendor-compare.js';
import { loadVendorCases } from '../../../../bench/parser-vendor-fixtures.js';

// Labelled Vorlagen of five council-system layouts (test/fixtures/vorlagen-vendors, README there).
describe('Vorlage parser accuracy per council-system layout', () => {
  it('has labelled texts of at least five layouts, each with a held-out part', () => {
    const { cases, missingCorpus } = loadVendorCases();
    // The Karlsruhe texts come from ../shared/corpus: without it this test must fail, not skip.
    expect(corpusAvailable(), 'the Karlsruhe corpus ../shared/corpus is missing').toBe(true);
    expect(missingCorpus).toBe(0);
    const vendors = new Set(cases.map((c) => c.vendor));
    expect(vendors.size).toBeGreaterThanOrEqual(5);
    for (const v of vendors)
      expect(
        cases.some((c) => c.vendor === v && c.split === 'heldOut'),
        v,
      ).toBe(true);
  }, 120_000);

  it(`reads ≥ ${VENDOR_GOAL * 100} % of the labelled fields of every layout's held-out texts`, () => {
    const { scores } = measureVendors('heldOut');
    expect(scores.size).toBeGreaterThanOrEqual(5);
    for (const s of scores.values())
      expect(s.correct / s.total, `${s.vendor}:\n${s.failures.join('\n')}`).toBeGreaterThanOrEqual(
        VENDOR_GOAL,
      );
  }, 120_000);

  it('keeps the tuning texts fully read', () => {
    const { scores } = measureVendors('tuning');
    for (const s of scores.values()) expect(s.failures, s.vendor).toEqual([]);
  }, 120_000);

  it('gives no wrong answer a confidence of 0.9 or more, on the texts as printed and flattened', () => {
    const results = (['as-printed', 'lower-flat'] as const).flatMap((variant) =>
      (['tuning', 'heldOut'] as const).flatMap((split) =>
        [...measureVendors(split, variant).scores.values()].flatMap((s) => s.results),
      ),
    );
    const confidentlyWrong = results.filter((r) => r.claimed && !r.correct && r.confidence >= 0.9);
    expect(confidentlyWrong.map((r) => `${r.field}: ${r.detail}`)).toEqual([]);
    // Higher buckets are at least as accurate as the lowest bucket with answers.
    const buckets = calibration(results).filter((b) => b.claims >= 5);
    const top = buckets.at(-1)!;
    expect(top.correct / top.claims).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});
