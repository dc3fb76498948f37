import { describe, expect, it } from 'vitest';
import { nominative, parseConsultationTable, parseRoutingNotes } from './consultation-table.js';

const parse = (text: string) => parseConsultationTable(text.split('\n'), 0).rows;

describe('parseConsultationTable', () => {
  it('joins committee names wrapped before the date and reads TOP, ö/nö boxes and result', () => {
    const rows = parse(
      [
        'Beratungsfolge dieser Vorlage',
        'Gremium Termin TOP ö nö Ergebnis',
        'Ausschuss für Umwelt und',
        'Gesundheit',
        '24.11.2021 6',
        '☐ ☒',
        'vorberaten',
        'Gemeinderat 15./16.12.2021 21 ☒ ☐ genehmigt',
        'Beschlussantrag (Kurzfassung)',
        'Der Gemeinderat beschließt am 01.01.2022 etwas.',
      ].join('\n'),
    );
    expect(rows).toEqual([
      {
        committee: 'Ausschuss für Umwelt und Gesundheit',
        date: '2021-11-24',
        role: 'Vorberatung',
        agendaItem: '6',
        result: 'vorberaten',
        isPublic: false,
      },
      {
        committee: 'Gemeinderat',
        date: '2021-12-15',
        role: 'Entscheidung',
        agendaItem: '21',
        result: 'genehmigt',
        isPublic: true,
      },
    ]);
  });

  it('reads tables whose spaces the extractor dropped', () => {
    const rows = parse(
      'BeratungsfolgedieserVorlage\nGremiumTerminTOPönöErgebnis\nHauptausschuss07.03.201715Xvorberaten\nGemeinderat14.03.201720Xgenehmigt\nBeschlussantrag',
    );
    expect(rows.map((r) => [r.committee, r.date, r.role])).toEqual([
      ['Hauptausschuss', '2017-03-07', 'Vorberatung'],
      ['Gemeinderat', '2017-03-14', 'Entscheidung'],
    ]);
  });

  it('leaves ö/nö open when only an x of unknown column is printed', () => {
    const rows = parse('Beratungsfolge dieser Vorlage\nBauausschuss 11.05.2023 3 X\nBeschlussantrag');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.isPublic).toBeUndefined();
  });

  it('stops at prose and returns no rows for an empty table', () => {
    const rows = parse(
      'Beratungsfolge Sitzung am TOP ö nö Ergebnis\nDer Ortschaftsrat hat unter Tagesordnungspunkt 1 und 3 der heutigen Sitzung beschlossen, dass',
    );
    expect(rows).toEqual([]);
  });
});

// The clerk's routing notes at the end of Karlsruhe Vorlagen (corpus files 626706, 8079, 10187).
describe('parseRoutingNotes', () => {
  it('reads the sessions a Vorlage is put on the agenda of, committee in the nominative', () => {
    const lines = [
      'II. Kontierungsobjekt: Sender:',
      ' Empfänger:',
      'II. Auf die Tagesordnung der Sitzung des Jugendhilfeausschusses am 29.11.2011. ',
      'III. Auf die Tagesordnung der Sitzung des Gemeinderats am 13.12.2011. ',
      'IV. Übersendung der Vorlage an die Mitglieder des Ortschaftsrates oder Ausschusses. ',
    ];
    expect(parseRoutingNotes(lines)).toEqual([
      { committee: 'Jugendhilfeausschuss', date: '2011-11-29', role: 'Vorberatung' },
      { committee: 'Gemeinderat', date: '2011-12-13', role: 'Entscheidung' },
    ]);
  });

  it('gives the genitive forms back in the nominative and leaves names without a case ending', () => {
    expect(nominative('Ortschaftsrates')).toBe('Ortschaftsrat');
    expect(nominative('Personalausschusses')).toBe('Personalausschuss');
    expect(nominative('Gemeinderats')).toBe('Gemeinderat');
    expect(nominative('OR-Neureut')).toBe('OR-Neureut');
    expect(nominative('Ausschusses für Umwelt und Gesundheit')).toBe('Ausschuss für Umwelt und Gesundheit');
  });

  it('ignores a note without a date', () => {
    expect(parseRoutingNotes(['III. Auf die Tagesordnung der Sitzung des Ortschaftsrates am'])).toEqual([]);
  });
});
