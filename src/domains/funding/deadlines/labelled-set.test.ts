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

interface HeldOutItem extends LabelledItem {
  part: 'A' | 'B';
  expected: LabelledItem['expected'] & { dates: { date: string; kind: string }[] };
}
const heldOut = (
  JSON.parse(
    readFileSync(join(process.cwd(), 'test', 'fixtures', 'funding-deadlines', 'heldout.json'), 'utf8'),
  ) as {
    items: HeldOutItem[];
  }
).items;
const shared = (...p: string[]) => join(process.cwd(), '..', 'shared', 'funding', ...p);

describe('deadline extractor on the held-out real funding texts', () => {
  it('holds unaltered source texts, none of them in the tuning set, with consistent labels', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(20);
    const tuningTexts = new Set(items.map((i) => i.text));
    const eu = JSON.parse(readFileSync(shared('eu-ft-portal', 'grantsTenders_sample.json'), 'utf8'))
      .fundingData.GrantTenderObj as Record<string, unknown>[];
    const euFields = new Set<string>();
    for (const o of eu) {
      for (const li of (o.latestInfos as { content: string }[]) ?? []) euFields.add(li.content);
      if (typeof o.descriptionTender === 'string') euFields.add(o.descriptionTender);
      for (const lot of (o.lots as { description?: string }[]) ?? [])
        if (lot.description) euFields.add(lot.description);
    }
    const fdb = readFileSync(
      shared(
        'fdb-xml-export',
        'BMWI',
        'FDB',
        'Content',
        'DE',
        'Foerderprogramm',
        'Bund',
        'BA',
        'eingliederungszuschuss-bund.xml',
      ),
      'utf8',
    )
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    const facts = readFileSync(shared('nrw-facts.md'), 'utf8');
    for (const item of heldOut) {
      expect(tuningTexts.has(item.text), item.id).toBe(false);
      if (item.source.includes('eu-ft-portal')) expect(euFields.has(item.text), item.id).toBe(true);
      else if (item.source.includes('fdb-xml-export')) expect(fdb.includes(item.text), item.id).toBe(true);
      else expect(facts.includes(item.text), item.id).toBe(true);
      const kinds = item.expected.dates.filter((d) => d.kind === 'deadline').map((d) => d.date);
      expect(kinds.sort(), item.id).toEqual([...item.expected.deadlines].sort());
    }
  });

  it('keeps precision and recall above the floor on both parts', () => {
    for (const part of ['A', 'B']) {
      const r = evaluateExtractor(heldOut.filter((i) => i.part === part));
      expect(r.precision, `${part} ${JSON.stringify(r.misses)}`).toBeGreaterThanOrEqual(0.66);
      expect(r.recall, `${part} ${JSON.stringify(r.misses)}`).toBeGreaterThanOrEqual(0.66);
    }
  });
});

describe('deadline extractor on the Karlsruhe funding sentences (labelled 2026-12-08, held out)', () => {
  const kaItems = (
    JSON.parse(
      readFileSync(
        join(process.cwd(), 'test', 'fixtures', 'funding-deadlines', 'karlsruhe-funding-2026-12.json'),
        'utf8',
      ),
    ) as { items: LabelledItem[] }
  ).items;
  it('holds 50 unaltered sentences of the corpus, none in the other sets', () => {
    expect(kaItems.length).toBe(50);
    const others = new Set([...items, ...heldOut].map((i) => i.text));
    for (const i of kaItems) expect(others.has(i.text), i.id).toBe(false);
  });
  it('reports no council date as an auto-accepted deadline, and finds the two stated ones for review', () => {
    const auto = evaluateExtractor(kaItems, 0.75);
    expect(auto.falsePositives, JSON.stringify(auto.misses)).toBe(0);
    const review = evaluateExtractor(kaItems, 0.5);
    expect(review.recall, JSON.stringify(review.misses)).toBe(1);
    expect(review.falsePositives, JSON.stringify(review.misses)).toBeLessThanOrEqual(1);
  });
});
