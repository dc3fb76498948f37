import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExtractor, type LabelledItem } from './evaluate.js';

const file = join(process.cwd(), 'test', 'fixtures', 'funding-deadlines', 'labelled.json');
const { items } = JSON.parse(readFileSync(file, 'utf8')) as { items: LabelledItem[] };

describe('deadline extractor on the labelled real texts', () => {
  it('has a labelled set of real texts with both deadlines and non-deadlines', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.expected.deadlines.length > 0).length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.expected.deadlines.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('keeps precision and recall above the floor', () => {
    const r = evaluateExtractor(items);
    expect(r.precision, JSON.stringify(r.misses)).toBeGreaterThanOrEqual(0.85);
    expect(r.recall, JSON.stringify(r.misses)).toBeGreaterThanOrEqual(0.85);
    expect(r.flagAccuracy.rolling).toBeGreaterThanOrEqual(0.9);
    expect(r.flagAccuracy.closed).toBeGreaterThanOrEqual(0.9);
  });
});
