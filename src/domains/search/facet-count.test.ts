import { describe, expect, it } from 'vitest';
import { countFacets, EXACT_TOTAL_MAX, FACET_SAMPLE, planCounting, sampleLevel } from './facet-count.js';
import { metaTokens } from './fts-meta.js';

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

  it('samples at the level that holds FACET_SAMPLE / 2 to 2 × FACET_SAMPLE matches', () => {
    expect(sampleLevel(2_000)).toBe(1);
    expect(sampleLevel((FACET_SAMPLE / 2) * 16)).toBe(2);
    expect(sampleLevel((FACET_SAMPLE / 2) * 16 - 1)).toBe(1);
    expect(sampleLevel(100_000)).toBe(3);
    expect(sampleLevel(300_000)).toBe(4);
    expect(sampleLevel(10_000_000)).toBe(4);
    expect(planCounting(0)).toEqual({ exactTotal: true, facetLevel: null });
    expect(planCounting(EXACT_TOTAL_MAX / 256)).toEqual({ exactTotal: true, facetLevel: null });
    expect(planCounting(1_000)).toEqual({ exactTotal: false, facetLevel: sampleLevel(256_000) });
  });

  it('puts about 1/4^L of the documents into sample level L, nested, whatever their id pattern', () => {
    const levels = (id: number) =>
      metaTokens({ ...row('Haan', 2020, []), id, is_public: 1, owner_organization_id: null }).filter((t) =>
        t.startsWith('m_s'),
      );
    const n = 40_000;
    const count = [0, 0, 0, 0, 0];
    const byResidue = [0, 0, 0, 0];
    for (let id = 1; id <= n; id++) {
      const l = levels(id);
      for (const t of l) count[Number(t.slice(3))]++;
      if (l.includes('m_s1')) byResidue[id % 4]++;
      // nested: level L implies every coarser level
      expect(l).toEqual(['m_s1', 'm_s2', 'm_s3', 'm_s4'].slice(0, l.length));
    }
    for (let level = 1; level <= 3; level++) {
      expect(Math.abs(count[level] - n / 4 ** level) / (n / 4 ** level)).toBeLessThan(0.1);
    }
    // ids in a period of 4 (a paper, its two files, its meeting) spread over the sample evenly
    for (const r of byResidue) expect(Math.abs(r - n / 16) / (n / 16)).toBeLessThan(0.1);
  });
});
