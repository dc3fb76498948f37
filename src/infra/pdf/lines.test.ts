import { describe, expect, it } from 'vitest';
import { runsToLines } from './lines.js';

describe('runsToLines', () => {
  it('groups runs by baseline, orders them left to right and keeps word gaps', () => {
    const lines = runsToLines([
      { str: 'TOP', x: 300, y: 700.4, width: 20, height: 10 },
      { str: 'Beratungsfolge', x: 50, y: 700, width: 70, height: 10 },
      { str: 'dieser Vorlage', x: 125, y: 700.2, width: 60, height: 10 },
      { str: 'Gemeinderat', x: 50, y: 686, width: 55, height: 10 },
      { str: '16.12.2014', x: 200, y: 686, width: 45, height: 10 },
      { str: 'Betreu', x: 50, y: 672, width: 30, height: 10 },
      { str: 'ung', x: 80, y: 672, width: 15, height: 10 },
      { str: '', x: 0, y: 600, width: 0, height: 0 },
    ]);
    expect(lines).toEqual(['Beratungsfolge dieser Vorlage TOP', 'Gemeinderat 16.12.2014', 'Betreuung']);
  });
});
