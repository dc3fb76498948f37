import { describe, expect, it } from 'vitest';
import { parseVorlageText } from './parse-vorlage.js';

// Snippets of real Karlsruhe Vorlagen from the corpus (../shared/corpus), shortened.
const parse = (lines: string[]) => parseVorlageText(lines.join('\n'));

describe('parseKarlsruhe', () => {
  // Corpus file 641552 (2022): the subject heading "Bauantrag" stands where the form type would, the
  // form type is only in the page footer, and the proposal comes after the assessment.
  it('reads a building application: form type from the footer, the late Beschlussvorschlag', () => {
    const { paper, layout } = parse([
      'Gedruckt auf 100 Prozent Recyclingpapier',
      'Bauantrag  ',
      ' ',
      'Vorlage Nr.: 2022/2164 ',
      'Verantwortlich: OV Grö. ',
      'Beratungsfolge dieser Vorlage ',
      'Gremium Termin TOP ö nö Ergebnis ',
      'Ortschaftsrat Grötzingen 26.10.2022 8 ',
      '☒ ☐ ',
      ' ',
      'Bauvorhaben:  Umbau und Erweiterung des Mehrfamilienhauses; ',
      '                          Augustenburgstraße 94, Flurstück 2716 ',
      ' ',
      'Das Bauvorhaben fügt sich in die Umgebung ein und beeinträchtigt das Ortsbild nicht.  ',
      ' ',
      'Beschlussvorschlag: ',
      'Der Ortschaftsrat stimmt der Stellungnahme der Ortsverwaltung und dem Bauantrag zu.  ',
      ' ',
      'Beschlussvorlage ',
    ]);
    expect(layout).toBe('karlsruhe');
    expect(paper.decisionKind).toBe('Beschluss');
    expect(paper.draftResolution).toBe(
      'Der Ortschaftsrat stimmt der Stellungnahme der Ortsverwaltung und dem Bauantrag zu.',
    );
    expect(paper.statementOfFacts).toMatch(/^Bauvorhaben: Umbau .* beeinträchtigt das Ortsbild nicht\.$/s);
    // The subject is only in the "Bauvorhaben:" field; the title is built from it, with less confidence.
    expect(paper.title).toBe(
      'Bauantrag: Umbau und Erweiterung des Mehrfamilienhauses; Augustenburgstraße 94, Flurstück 2716',
    );
    expect(paper.confidence.title).toBe(0.6);
  });

  // Corpus file 23207 (Ortsverwaltung Wettersbach, 2012): explanation first, "Antrag an den
  // Ortschaftsrat" after it.
  it('reads the Antrag an den Ortschaftsrat after the explanation', () => {
    const { paper } = parse([
      'BESCHLUSSVORLAGE ',
      'STADT KARLSRUHE ',
      'Ortsverwaltung Wettersbach ',
      'Gremium:  ',
      'Ortschaftsrat Wettersbach ',
      'Termin:  ',
      'Vorlage Nr.: ',
      'TOP: ',
      '12.06.2012 ',
      '140 ',
      '9 ',
      'öffentlich ',
      'Benennung der Urkundspersonen für die Unterzeichnung von  Sitzungsprotokollen ',
      'des Ortschaftsrates Wettersbach ',
      'Beratungsfolge Sitzung am TOP ö nö Ergebnis ',
      '                          ',
      'Der Ortschaftsrat hat unter Tagesordnungspunkt 1 und 3 der heutigen  ',
      'Ortschaftsratssitzung formell das Ausscheiden des Ortschaftsrates Helmut Bessler ',
      'festgestellt. ',
      ' ',
      'Nach dem Ausscheiden von Herrn Helmut Bessler, der auch Urkundsperson für die ',
      'Unterzeichnung von Sitzungsprotokollen war, ist für ihn ein / eine Nachfolger/-in zu  ',
      'benennen. ',
      ' ',
      'Zukünftige Zusammensetzung der Urkundspersonen: ',
      'Urkundsperson Stellvertretende Urkundsperson ',
      'Tilman Pfannkuch Roland Jourdan ',
      'Peter Hepperle Peter Fehst ',
      'Nils Reinhardt Annette Beese ',
      '',
      ' ',
      ' ',
      'Antrag an den Ortschaftsrat ',
      ' ',
      'Der Ortschaftsrat nimmt von den Vorbemerkungen Kenntnis und stimmt der von den ',
      'Fraktionen  getroffenen  Regelung  bezüglich  der  Unterzeichnung  der  Niederschriften ',
      'des Ortschaftsrates zu. ',
    ]);
    expect(paper.draftResolution).toBe(
      'Der Ortschaftsrat nimmt von den Vorbemerkungen Kenntnis und stimmt der von den Fraktionen getroffenen Regelung bezüglich der Unterzeichnung der Niederschriften des Ortschaftsrates zu.',
    );
    expect(paper.statementOfFacts).toMatch(
      /^Der Ortschaftsrat hat unter Tagesordnungspunkt 1 .* Nils Reinhardt Annette Beese$/s,
    );
    expect(paper.consultations).toEqual([
      { committee: 'Ortschaftsrat Wettersbach', date: '2012-06-12', role: 'Entscheidung' },
    ]);
  });

  const oldHead = (gremium: string, termin: string) => [
    'BESCHLUSSVORLAGE ',
    'STADT KARLSRUHE ',
    'Ortsverwaltung Neureut ',
    'Gremium:  ',
    gremium,
    'Termin:  ',
    'Vorlage Nr.: ',
    'TOP: ',
    ' ',
    termin,
    '      ',
    '3 ',
    'öffentlich ',
    ' ',
  ];

  // Corpus file 10063 (2010): the table lists only the session before the one the head names.
  it('adds the session the head names when the table lists only earlier ones', () => {
    const { paper } = parse([
      ...oldHead('Ortschaftsrat Neureut ', '29.06.2010 '),
      'Theresia Fallenbüchel - Stiftung für Karlsruhe-Neureut ',
      'hier: Änderung der Satzung ',
      ' ',
      'Beratungsfolge Sitzung am TOP ö nö Ergebnis ',
      'Stiftungsratsitzung 13.04.2010 1   Zustimmung ',
      '                          ',
      ' ',
      'Antrag an den Ortschaftsrat  ',
      ' ',
      'Mit Offenlage 12./13.02.2008 wurde die Stiftung gegründet. ',
    ]);
    expect(paper.consultations.map(({ committee, date, role }) => ({ committee, date, role }))).toEqual([
      { committee: 'Stiftungsratsitzung', date: '2010-04-13', role: 'Vorberatung' },
      { committee: 'Ortschaftsrat Neureut', date: '2010-06-29', role: 'Entscheidung' },
    ]);
  });

  // Corpus file 31570 (2009): the head prints 28.04.2008, the table the session 28.04.2009.
  it('takes a table row of the head committee for the same session, whatever date the head prints', () => {
    const { paper } = parse([
      ...oldHead('62. Plenarsitzung Gemeinderat', '28.04.2008 '),
      'Haushaltssatzung/Haushaltsplan 2009/2010: Satzungsbeschluss zur Vorlage und Geneh-',
      'migung durch die Rechtsaufsichtsbehörde ',
      ' ',
      'Beratungsfolge Sitzung am TOP ö nö Ergebnis ',
      'Gemeinderat 28.04.2009 1       ',
      '                        ',
      ' ',
      'Antrag an den Gemeinderat  ',
      ' ',
      'Der Entwurf des Haushaltsplans 2009/2010 wurde am 20.01.2009 eingebracht. ',
    ]);
    expect(paper.consultations.map((c) => [c.committee, c.date, c.role])).toEqual([
      ['Gemeinderat', '2009-04-28', 'Entscheidung'],
    ]);
  });

  // Corpus file 626706 (OV Neureut, 2021): the table row has no date; the routing note names the session.
  it('takes the session from the routing notes when the table prints no date', () => {
    const { paper } = parse([
      'Gedruckt ',
      'auf 100 Prozent Recyclingpapier',
      'Thema ',
      'Gärtnerische Anlegung der Grünfläche Grabener Straße/Ecke ',
      'Teutschneureuter Straße (Teilfläche der öffentlichen Fläche ',
      'Flurstück 155) ',
      'Vorlage Nr.: /2021 ',
      'Verantwortlich Bauamt ',
      'Beratungsfolge dieser Vorlage ',
      'Gremium Termin TOP ö nö Ergebnis ',
      'Ortschaftsrat ',
      ' ',
      '5 ',
      '☒ ☐ ',
      ' ',
      'Beschlussantrag  ',
      'Der Ortschaftsrat Neureut wird um Kenntnisnahme und Zustimmung zu den Vorschlägen der ',
      'Ortsverwaltung gebeten. ',
      ' ',
      'II. Kontierungsobjekt: Sender:  ',
      'III. Auf die Tagesordnung der Sitzung des Ortschaftsrates am 13.07.2021 ',
      'IV. Übersendung der Vorlage an die Mitglieder des Ortschaftsrates oder Ausschusses. ',
    ]);
    expect(paper.consultations).toEqual([
      { committee: 'Ortschaftsrat', date: '2021-07-13', role: 'Entscheidung' },
    ]);
    expect(paper.confidence.consultations).toBe(0.5);
  });
});
