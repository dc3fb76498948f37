import { describe, expect, it } from 'vitest';
import { parseKarlsruheHeader } from './karlsruhe-header.js';

const head = (s: string) => parseKarlsruheHeader(s.split('|'));

describe('parseKarlsruheHeader', () => {
  it('reads stacked label/value columns (2009–2015 forms)', () => {
    const h = head(
      'BESCHLUSSVORLAGE|STADT KARLSRUHE|Der Oberbürgermeister|Gremium:  |4. Plenarsitzung Gemeinderat|Termin:  |Vorlage Nr.: |TOP: |Verantwortlich:  |17.11.2009 |132 |2 |öffentlich |Dez. 3 |Berufung sachkundiger Einwohnerinnen und Einwohner in ge-|meinderätliche Ausschüsse',
    );
    expect(h).toMatchObject({
      reference: '132',
      department: 'Dez. 3',
      isPublic: true,
      title: 'Berufung sachkundiger Einwohnerinnen und Einwohner in gemeinderätliche Ausschüsse',
      meeting: { committee: 'Gemeinderat', date: '2009-11-17' },
    });
  });

  it('leaves the number open when one value could be Vorlage Nr. or TOP', () => {
    const h = head(
      'Gremium:  |Jugendhilfeausschuss |Termin:  |Vorlage Nr.: |TOP: |Verantwortlich:  |29.11.2011 |2 |öffentlich |Dez. 3 |Anpassung',
    );
    expect(h.reference).toBeNull();
    expect(h.referenceConfidence).toBe(0);
  });

  it('reads the 2020s form with Dienststelle and a title before the table', () => {
    const h = head(
      'Beschlussvorlage |Gedruckt auf 100 Prozent Recyclingpapier|Vorlage Nr.:      2023/0373 |Verantwortlich: Dez. 1 |Dienststelle:      OV  |                        Wettersbach |Umbesetzung der ordentlichen Mitglieder im Ausschuss für Finanzen, |Verwaltung und Wirtschaft',
    );
    expect(h).toMatchObject({
      reference: '2023/0373',
      department: 'Dez. 1 / OV Wettersbach',
      isPublic: null,
      title: 'Umbesetzung der ordentlichen Mitglieder im Ausschuss für Finanzen, Verwaltung und Wirtschaft',
    });
  });

  // Corpus file 147886 (2014): the department's long form stands between the values and the title.
  it('does not take "Dezernat 1" into the title', () => {
    const h = head(
      'BESCHLUSSVORLAGE |STADT KARLSRUHE |Der Oberbürgermeister |Gremium:  1. Plenarsitzung Gemeinderat |Termin:  |Vorlage Nr.: |TOP: | |Verantwortlich:  |29.07.2014 |2014/0004 |5 |öffentlich |Dezernat 1 |Ende der Amtszeit von Herrn Bürgermeister Jäger mit Ablauf des 31.12.2014 - Stellenaus-|schreibung, Wahlverfahren und Festlegung des Termins für die Beigeordnetenwahl  ',
    );
    expect(h.title).toBe(
      'Ende der Amtszeit von Herrn Bürgermeister Jäger mit Ablauf des 31.12.2014 - Stellenausschreibung, Wahlverfahren und Festlegung des Termins für die Beigeordnetenwahl',
    );
    expect(h.department).toBe('Dezernat 1');
  });

  // Corpus file 28257 (Stadtamt Durlach, 2009): the stacked Termin has a two-digit year.
  it('reads a stacked session date with a two-digit year', () => {
    const h = head(
      'BESCHLUSSVORLAGE |STADT KARLSRUHE |Stadtamt Durlach |Gremium:  |Ortschaftsrat Durlach |Termin:  |Vorlage Nr.: |TOP: | | |22.07.09 |      |TOP 10 |öffentlich | |Besetzung der Ausschüsse | ',
    );
    expect(h.meeting).toEqual({ committee: 'Ortschaftsrat Durlach', date: '2009-07-22' });
    expect(h.title).toBe('Besetzung der Ausschüsse');
  });

  // Corpus file 590529: an excerpt from the minutes, filed with the paper like a Vorlage.
  it('takes the agenda item of a minutes excerpt as the title, never the minutes themselves', () => {
    const h = head(
      'NIEDERSCHRIFT |Stadt Karlsruhe |Gremium: 20. Plenarsitzung Gemeinderat |Termin: 26. Januar 2016, 15:30 Uhr | öffentlich |Ort: Bürgersaal des Rathauses |Vorsitzende/r: Oberbürgermeister Dr. Frank Mentrup |13. |Punkt 12 der Tagesordnung: Südumfahrung Hagsfeld |Vorlage: 2015/0793 |dazu: |Änderungsantrag der Stadträte Tilman Pfannkuch, Hermann Brenk, Jan Döring,',
    );
    expect(h.title).toBe('Südumfahrung Hagsfeld');
    expect(h.reference).toBe('2015/0793');
    expect(h.meeting).toEqual({ committee: 'Gemeinderat', date: '2016-01-26' });
  });

  it('leaves the title unknown when the only prose in the head is running text', () => {
    const sentence =
      'Der Vorsitzende ruft Tagesordnungspunkt 12 zur Behandlung auf und verweist auf die Vorberatung.';
    const h = head(`Stadt Karlsruhe|Gremium: Gemeinderat|${Array(6).fill(sentence).join('|')}`);
    expect(h.title).toBeNull();
  });
});
