import { describe, expect, it } from 'vitest';
import { parseConsultationTable } from './consultation-table.js';
import { parseVorlageText } from './parse-vorlage.js';
import { isReferenceLike, referenceConfidence } from './reference.js';

const rows = (lines: string[]) =>
  parseConsultationTable(
    ['Beratungsfolge dieser Vorlage', 'Gremium Termin TOP ö nö Ergebnis', ...lines],
    0,
  ).rows.map((r) => [r.committee, r.date, r.role]);

// The failures reported in issue 11, rebuilt from the strings quoted there (the papers themselves are
// not in this repository): more! rubin File.text (one line, lower case) and unseen Karlsruhe forms.
describe('more! rubin File.text (one line, lower case)', () => {
  const text = [
    'stadt castrop-rauxel der bürgermeister beschlussvorlage vorlage nr. 2015/euv/034 fachbereich: euv stadtbetrieb',
    'x öffentliche sitzung nichtöffentliche sitzung betreff: neufassung der gebührensatzung für die abfallentsorgung',
    `sachverhalt: ${'der verwaltungsrat hat die kalkulation geprüft und empfiehlt die neufassung. '.repeat(30)}`,
    'beratungsfolge: verwaltungsrat euv 25.11.2015 7 rat der stadt 10.12.2015 12',
  ].join(' ');

  it('reads the number, not its year, and the subject, not everything after "Betreff:"', () => {
    const { paper } = parseVorlageText(text);
    expect(paper.reference).toBe('2015/EUV/034');
    // Labelled and well-formed, but the text came flattened: likely, not certain.
    expect(paper.confidence.reference).toBe(0.75);
    expect(paper.title).toBe('neufassung der gebührensatzung für die abfallentsorgung');
    expect(paper.isPublic).toBe(true);
    expect(paper.decisionKind).toBe('Beschluss');
    expect(paper.department).toBe('euv stadtbetrieb');
    expect(paper.consultations.map((r) => [r.committee, r.date, r.agendaItem])).toEqual([
      ['verwaltungsrat euv', '2015-11-25', '7'],
      ['rat der stadt', '2015-12-10', '12'],
    ]);
  });

  it('never takes a bare year for a paper number', () => {
    expect(isReferenceLike('2015')).toBe(false);
    expect(isReferenceLike('2015/EUV/034')).toBe(true);
    expect(referenceConfidence('2015', true)).toBe(0);
    expect(referenceConfidence('435', true)).toBeLessThan(0.9);
    const { paper } = parseVorlageText('Vorlage Nr. 2015\nBetreff: Haushalt');
    expect(paper.reference).toBeNull();
    expect(paper.confidence.reference).toBe(0);
  });
});

describe('Karlsruhe tables beyond the tuned layouts', () => {
  it('splits a role glued to the committee and keeps "Anhörung" as printed (2026 forms)', () => {
    expect(
      rows([
        'Ortschaftsrat Durlach - Anhörung 05.03.2026 2',
        'Hauptausschuss - Vorberatung 10.03.2026 4',
        'Gemeinderat - Entscheidung 24.03.2026 7',
      ]),
    ).toEqual([
      ['Ortschaftsrat Durlach', '2026-03-05', 'Anhörung'],
      ['Hauptausschuss', '2026-03-10', 'Vorberatung'],
      ['Gemeinderat', '2026-03-24', 'Entscheidung'],
    ]);
  });

  it('keeps two committees printed as a column above their dates as two rows', () => {
    expect(rows(['AföE', 'Gemeinderat', '03.02.2023 5  X vorberaten', '28.02.2023 15 X   '])).toEqual([
      ['AföE', '2023-02-03', 'Vorberatung'],
      ['Gemeinderat', '2023-02-28', 'Entscheidung'],
    ]);
  });

  it('reads a mistyped date cell as the row date instead of swallowing the next row', () => {
    expect(
      rows(['Hauptausschuss 19.07.2022 3', 'Gemeinderat 26.7.02022 5', 'Ortschaftsrat Durlach 20.07.2022 4']),
    ).toEqual([
      ['Hauptausschuss', '2022-07-19', 'Vorberatung'],
      ['Gemeinderat', '2022-07-26', 'Entscheidung'],
      ['Ortschaftsrat Durlach', '2022-07-20', 'Vorberatung'],
    ]);
  });

  it('reads the ö/nö column from the blanks around a lone tick', () => {
    const table = parseConsultationTable(
      [
        'Beratungsfolge dieser Vorlage',
        'Gremium Termin TOP ö nö Ergebnis',
        'Hauptausschuss 09.07.2019 12 ',
        'x ',
        'Gemeinderat 16.07.2019 3 ',
        'x   ',
        'Beschlussantrag',
      ],
      0,
    ).rows;
    expect(table.map((r) => r.isPublic)).toEqual([false, true]);
  });

  it('gives the Gemeinderat that the proposal names as deciding the decision', () => {
    const { paper } = parseVorlageText(
      [
        'Beschlussvorlage',
        'Vorlage Nr.: 2022/0815',
        'Verantwortlich: Dez. 6',
        'Sanierung der Turnhalle',
        'Beratungsfolge dieser Vorlage',
        'Gremium Termin TOP ö nö Ergebnis',
        'Bauausschuss 15.07.2022 3',
        'Gemeinderat 26.7.20222 5',
        'Beschlussantrag',
        'Der Gemeinderat beschließt die Sanierung der Turnhalle.',
      ].join('\n'),
    );
    expect(paper.consultations.map((r) => [r.committee, r.role])).toEqual([
      ['Bauausschuss', 'Vorberatung'],
      ['Gemeinderat', 'Entscheidung'],
    ]);
  });
});
