import { describe, expect, it } from 'vitest';
import { searchColumnValue, searchPatterns } from './search-text.js';

const matches = (name: string, query: string) => {
  const stored = searchColumnValue(name);
  return searchPatterns(query).every((p) => stored.includes(p.slice(1, -1)));
};

describe('German name folding', () => {
  it.each([
    ['Düsseldorf', 'düsseldorf'],
    ['Düsseldorf', 'DUESSELDORF'],
    ['Düsseldorf', 'dusseldorf'],
    ['Wülfrath', 'wuelf'],
    ['Straßenverkehrsamt', 'strassen'],
    ['Strassenverkehrsamt', 'straßen'],
    ['Amt für Wirtschaftsförderung', 'wirtschaftsfoerderung amt'],
    ['Café Müller', 'cafe muller'],
  ])('%s is found by "%s"', (name, query) => {
    expect(matches(name, query)).toBe(true);
  });

  it('does not find unrelated names', () => {
    expect(matches('Ratingen', 'velbert')).toBe(false);
    expect(matches('Hilden', 'hilden haan')).toBe(false);
  });

  it('turns punctuation and LIKE wildcards into nothing', () => {
    expect(searchPatterns('%_')).toEqual([]);
    expect(searchPatterns("IHK-Düsseldorf's")).toEqual(['%ihk%', '%duesseldorf%', '%s%']);
  });
});
