import { describe, expect, it } from 'vitest';
import { parseImpacts, readCheckboxGroup } from './impacts.js';

describe('readCheckboxGroup', () => {
  it.each([
    ['Ja ☐ Nein ☒', 'no'],
    ['Ja ☒ Nein ☐', 'yes'],
    ['☐ nein ☒ ja', 'yes'],
    ['☒ nein ☐ ja', 'no'],
    ['Finanzielle Auswirkungen (bitte ankreuzen)    nein x ja', 'yes'],
    ['x nein ja', 'no'],
  ])('%s → %s', (segment, value) => {
    const reading = readCheckboxGroup(segment);
    expect(reading.value).toBe(value);
    expect(reading.confidence).toBeGreaterThanOrEqual(0.75);
  });

  it.each([
    'Finanzielle Auswirkung ja nein noch nicht zu übersehen',
    'Finanzielle Auswirkungen                       nein          ja',
    'Ja ☒ Nein ☒',
    'Ja ☐ Nein ☐',
  ])('cannot tell from "%s"', (segment) => {
    const reading = readCheckboxGroup(segment);
    expect(reading.value).toBe('unknown');
    expect(reading.confidence).toBeLessThan(0.5);
  });
});

describe('parseImpacts', () => {
  it('finds the tick row below a label wrapped over two lines', () => {
    const lines = [
      'Finanzielle ',
      'Auswirkungen ',
      'Gesamtkosten  ',
      'der Maßnahme ',
      'Ja ☐ Nein ☒ ',
      'Personelle Auswirkung ☒ ja ☐ nein',
    ];
    const { impacts } = parseImpacts(lines);
    expect(impacts.financial).toBe('no');
    expect(impacts.personnel).toBe('yes');
    expect(impacts.organisational).toBe('unknown');
  });
});
