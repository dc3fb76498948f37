import { describe, expect, it } from 'vitest';
import { countFacets, FACET_SAMPLE, sampleBuckets } from './facet-count.js';
import { SAMPLE_BUCKETS } from './fts-meta.js';

const row = (body: string, year: number, fields: number[]) => ({
  doc_type: 'paper',
  body_name: body,
  committee: null,
  paper_type: 'Antrag',
  year,
  fields_of_action: JSON.stringify(fields),
});

describe('facet counting', () => {
  it('counts every facet of the rows, fields of action one by one', () => {
    const rows = [row('Haan', 2020, [1, 2]), row('Haan', 2021, [2]), row('Hilden', 2021, [])];
    const facets = countFacets(rows);
    const get = (facet: string, value: string | number) =>
      facets.find((f) => f.facet === facet && f.value === value)?.n;
    expect(get('body', 'Haan')).toBe(2);
    expect(get('year', 2021)).toBe(2);
    expect(get('field', 2)).toBe(2);
    expect(get('paperType', 'Antrag')).toBe(3);
    expect(facets.some((f) => f.facet === 'committee')).toBe(false);
  });

  it('scales a sample to the total and keeps a value seen once at 1 or more', () => {
    const rows = [...Array.from({ length: 99 }, () => row('Haan', 2020, [])), row('Hilden', 2020, [])];
    const facets = countFacets(rows, 10_000);
    expect(facets.find((f) => f.value === 'Haan')?.n).toBe(9_900);
    expect(facets.find((f) => f.value === 'Hilden')?.n).toBe(100);
    expect(countFacets([row('Haan', 2020, [])], 0.2).find((f) => f.value === 'Haan')?.n).toBe(1);
  });

  it('chooses enough id buckets for a sample of about FACET_SAMPLE matches', () => {
    expect(sampleBuckets(FACET_SAMPLE * SAMPLE_BUCKETS).n).toBe(1);
    expect(sampleBuckets(10_000).n).toBe(Math.ceil((SAMPLE_BUCKETS * FACET_SAMPLE) / 10_000));
    expect(sampleBuckets(10).n).toBe(SAMPLE_BUCKETS);
    expect(sampleBuckets(300_000).tokens).toEqual(['m_s0', 'm_s1']);
  });
});
