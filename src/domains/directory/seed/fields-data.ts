import type { FieldRules } from '../schemas.js';

export interface SeedField {
  key: string;
  parentKey?: string;
  name: string;
  description?: string;
  rules: FieldRules;
}

/**
 * The fields of action named by the workshop of 19.07.2018 (seed). The term rules are a starting
 * set for the classifier, written for this demo and meant to be edited by the office.
 */
export const fields: SeedField[] = [
  {
    key: 'field:integrierte-raumentwicklung',
    name: 'Integrierte Raumentwicklung',
    description:
      'Das entscheidende Handlungsfeld, abgeleitet aus dem übergeordneten Ziel: Entwicklung des ' +
      'Wirtschaftsraums Düsseldorf – Kreis Mettmann.',
    rules: {
      terms: [
        'Raumentwicklung',
        'Regionalentwicklung',
        'Strukturpolitik',
        'Wirtschaftsraum',
        'Strukturwandel',
      ],
      phrases: ['integrierte Raumentwicklung', 'regionale Zusammenarbeit', 'regionale Entwicklung'],
      exclusions: [],
    },
  },
  {
    key: 'field:planung',
    parentKey: 'field:integrierte-raumentwicklung',
    name: 'Planung',
    rules: {
      terms: ['Regionalplan', 'Flächennutzungsplan', 'Bebauungsplan', 'Bauleitplanung', 'Gewerbefläche'],
      phrases: ['Entwicklung von Gewerbeflächen', 'regionaler Flächennutzungsplan'],
      exclusions: ['Haushaltsplan', 'Stellenplan', 'Dienstplan'],
    },
  },
  {
    key: 'field:verkehr',
    parentKey: 'field:integrierte-raumentwicklung',
    name: 'Verkehr (inkl. Mobilität und Infrastruktur)',
    rules: {
      terms: ['Verkehr', 'ÖPNV', 'Nahverkehr', 'Radverkehr', 'Verkehrsentwicklungsplan'],
      phrases: ['öffentlicher Personennahverkehr'],
      exclusions: ['Zahlungsverkehr'],
    },
  },
  {
    key: 'field:mobilitaet',
    parentKey: 'field:verkehr',
    name: 'Mobilität',
    rules: {
      terms: ['Mobilität', 'Elektromobilität', 'Carsharing', 'Radschnellweg', 'Pendler', 'Mobilstation'],
      phrases: ['betriebliches Mobilitätsmanagement'],
      exclusions: [],
    },
  },
  {
    key: 'field:infrastruktur',
    parentKey: 'field:verkehr',
    name: 'Infrastruktur',
    rules: {
      terms: ['Infrastruktur', 'Verkehrsinfrastruktur', 'Schienennetz', 'Brückensanierung', 'Logistik'],
      phrases: ['Ausbau der Infrastruktur'],
      exclusions: ['IT-Infrastruktur'],
    },
  },
  {
    key: 'field:digitalisierung',
    parentKey: 'field:integrierte-raumentwicklung',
    name: 'Digitalisierung',
    rules: {
      terms: ['Digitalisierung', 'Breitband', 'Glasfaser', 'E-Government', 'Onlinezugangsgesetz'],
      phrases: ['Smart City', 'digitale Verwaltung', 'Ausbau des Breitbandnetzes'],
      exclusions: [],
    },
  },
  {
    key: 'field:fachkraefte',
    parentKey: 'field:integrierte-raumentwicklung',
    name: 'Fachkräfte',
    rules: {
      terms: ['Fachkräfte', 'Fachkräftesicherung', 'Ausbildung', 'Weiterbildung', 'Qualifizierung'],
      phrases: ['Fachkräftemangel', 'duale Ausbildung'],
      exclusions: ['Fachkraft für Arbeitssicherheit'],
    },
  },
];
