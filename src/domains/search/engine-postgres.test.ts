import { describe, expect, it } from 'vitest';
import { phraseSampleLevel, recentYears } from './engine-postgres.js';
import { hasPositivePhrase } from './query/compile-postgres.js';

const probeRow = (year: number | null) => ({
  doc_type: 'paper',
  body_name: null,
  committee: null,
  paper_type: null,
  year,
  fields_of_action: '[]',
});
const probe = (perYear: Record<number, number>, undated = 0) => [
  ...Object.entries(perYear).flatMap(([y, n]) => Array.from({ length: n }, () => probeRow(Number(y)))),
  ...Array.from({ length: undated }, () => probeRow(null)),
];

// The probe is 1/256 of the matches: 10 probe rows stand for about 2,560 matches.
describe('the recent years that hold the newest matches (PostgreSQL)', () => {
  it('goes back until about three times the wanted number is covered', () => {
    expect(
      recentYears(
        probe({ 2024: 10, 2023: 10, 2022: 10, 2021: 10, 2020: 10, 2019: 10, 2018: 10 }),
        2_000,
        2024,
      ),
    ).toEqual([2024, 2023, 2022]);
    expect(recentYears(probe({ 2024: 30, 2023: 10, 2022: 20 }), 2_000, 2024)).toEqual([2024]);
  });

  it('always reaches up to the newest year in the table, even one the probe did not see', () => {
    expect(recentYears(probe({ 2020: 30, 2019: 30, 2018: 30 }), 2_000, 2031)).toEqual([
      2031, 2030, 2029, 2028, 2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020,
    ]);
  });

  it('gives up (null: read everything) when the window would be every year, over half the set, or the set is too small', () => {
    expect(recentYears(probe({ 2024: 5, 2023: 5, 2022: 5 }), 2_000, 2024)).toBeNull();
    expect(recentYears(probe({ 2024: 5, 2023: 30 }), 2_000, 2024)).toBeNull();
    expect(recentYears(probe({}, 40), 2_000, 2024)).toBeNull();
    expect(recentYears([], 20, 2024)).toBeNull();
    expect(recentYears(probe({ 2024: 20, 2023: 10, 2022: 10 }), 2_000, 2024)).toBeNull();
  });
});

describe('phrases with many candidates (PostgreSQL)', () => {
  it('samples the stratum that holds at least about 1,000 candidates', () => {
    expect(phraseSampleLevel(8_001)).toBe(1);
    expect(phraseSampleLevel(16_000)).toBe(2);
    expect(phraseSampleLevel(60_000)).toBe(2);
    expect(phraseSampleLevel(64_000)).toBe(3);
    expect(phraseSampleLevel(5_000_000)).toBe(4);
  });

  it('relaxes only phrases outside a negation', () => {
    const phrase = {
      kind: 'phrase' as const,
      words: ['Antrag', 'Gemeinderat'],
      stems: ['antrag', 'gemeinderat'],
    };
    const word = { kind: 'match' as const, word: 'Stadt', exact: ['stadt'], prefix: null };
    expect(hasPositivePhrase(phrase)).toBe(true);
    expect(hasPositivePhrase({ kind: 'and', items: [word, { kind: 'or', items: [word, phrase] }] })).toBe(
      true,
    );
    expect(hasPositivePhrase({ kind: 'and', items: [word, { kind: 'not', item: phrase }] })).toBe(false);
    expect(hasPositivePhrase(word)).toBe(false);
  });
});
