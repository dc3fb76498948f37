import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithExpected, Tally } from '../../../../bench/parser-compare.js';
import { loadFixtures } from '../../../../bench/parser-fixtures.js';
import { parseVorlageText } from './parse-vorlage.js';
import { paperFieldNames, parsedPaperSchema } from './schemas.js';

const fixtures = loadFixtures();

describe('parseVorlageText on the real Vorlagen', () => {
  it('has a hand-checked reading for the seed and every file in shared/vorlagen', () => {
    expect(fixtures.length).toBe(7);
  });

  for (const f of fixtures) {
    it(`reads ${f.name} field by field`, () => {
      const { paper, layout } = parseVorlageText(readFileSync(f.textPath, 'utf8'));
      expect(layout).toBe(f.layout);
      expect(parsedPaperSchema.parse(paper)).toEqual(paper);
      const tally = new Tally();
      compareWithExpected(tally, f.name, paper, f.expected);
      expect(tally.failures).toEqual([]);
      // Lost checkbox states must not look certain.
      if (Object.values(paper.impacts).includes('unknown'))
        expect(paper.confidence.impacts).toBeLessThan(0.5);
      for (const field of paperFieldNames) {
        const value = paper[field];
        if (value === null) expect(paper.confidence[field]).toBe(0);
      }
    });
  }
});

describe('parseVorlageText on unknown layouts', () => {
  const text = [
    'Gemeinde Musterstadt',
    'Beschlussvorlage',
    'Drucksache Nr. BV/2023/117',
    'Federführung: Bauamt        Sachbearbeiterin: Erika Muster',
    'Datum: 14. März 2023   Aktenzeichen: 621.41',
    'nicht öffentlich',
    'Betreff: Sanierung der Grundschule Nord',
    '',
    'Beratungsfolge',
    'Bauausschuss 28.03.2023 Vorberatung',
    'Gemeinderat 18.04.2023 Entscheidung',
    '',
    'Beschlussvorschlag:',
    'Der Gemeinderat beschließt die Sanierung der Grundschule Nord.',
    '',
    'Begründung:',
    'Das Dach ist undicht.',
    'Die Heizung ist 40 Jahre alt.',
  ].join('\n');

  it('reads labelled fields and leaves what the text does not say as null', () => {
    const { paper, layout } = parseVorlageText(text);
    expect(layout).toBe('generic');
    expect(paper).toMatchObject({
      reference: 'BV/2023/117',
      isPublic: false,
      decisionKind: 'Beschluss',
      department: 'Bauamt',
      handler: 'Erika Muster',
      date: '2023-03-14',
      fileReference: '621.41',
      title: 'Sanierung der Grundschule Nord',
      consultations: [
        { committee: 'Bauausschuss', date: '2023-03-28', role: 'Vorberatung' },
        { committee: 'Gemeinderat', date: '2023-04-18', role: 'Entscheidung' },
      ],
      draftResolution: 'Der Gemeinderat beschließt die Sanierung der Grundschule Nord.',
      statementOfFacts: 'Das Dach ist undicht. Die Heizung ist 40 Jahre alt.',
    });
    expect(paper.impacts).toEqual({
      financial: 'unknown',
      personnel: 'unknown',
      organisational: 'unknown',
      keyFigures: 'unknown',
    });
    expect(paper.confidence.impacts).toBe(0);
  });

  it('returns nulls with zero confidence for text that is no Vorlage', () => {
    const { paper } = parseVorlageText('Einladung zum Sommerfest\n\nWir grillen am Samstag.');
    expect(paper.reference).toBeNull();
    expect(paper.consultations).toEqual([]);
    expect(paper.confidence.reference).toBe(0);
    expect(paper.confidence.consultations).toBe(0);
  });
});
