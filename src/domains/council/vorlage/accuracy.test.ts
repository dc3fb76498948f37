import { describe, expect, it } from 'vitest';
import {
  HELD_OUT_SCORED,
  measureCorpus,
  measureFixtures,
  measureFixturesViaPdf,
} from '../../../../bench/parser-accuracy-bench.js';
import { corpusAvailable } from '../../../../bench/parser-corpus.js';

describe('Vorlage parser accuracy', () => {
  it('reads ≥ 97 % of the hand-checked fixture fields correctly', () => {
    const tally = measureFixtures();
    expect(tally.overall(), tally.failures.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('reads the fixtures as well when they come as PDFs through the pdf.js pool', async () => {
    const tally = await measureFixturesViaPdf('pdfjs');
    expect(tally.overall(), tally.failures.join('\n')).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  // Floors a little under the measured held-out figures (see the bench), so a regression fails.
  it.runIf(corpusAvailable())(
    'keeps its held-out accuracy against OParl records',
    () => {
      const { tally, papers } = measureCorpus('heldOut');
      expect(papers).toBeGreaterThan(200);
      const rate = Object.fromEntries(tally.fields().map((f) => [f.field, f.correct / f.total]));
      expect(rate.consultations).toBeGreaterThanOrEqual(0.95);
      expect(rate['reference (printed in text)']).toBeGreaterThanOrEqual(0.97);
      expect(rate.decisionKind).toBeGreaterThanOrEqual(0.93);
      expect(rate['title (printed in text)']).toBeGreaterThanOrEqual(0.85);
      expect(tally.overall(HELD_OUT_SCORED)).toBeGreaterThanOrEqual(0.93);
    },
    120_000,
  );
});
