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
});
