import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ParsedItem, ParsedSource } from '../../model.js';
import { isoDate } from '../time.js';
import { nrwPlaceName } from './nrw-ags.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj, k: string): string | null => {
  const v = o[k];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};

const F = {
  beneficiary: 'Name des Begünstigten',
  project: 'Bezeichnung des Vorhabens',
  summary: 'Zusammenfassung des Vorhabens',
  start: 'Durchführungs-beginn',
  end: 'Durchführungs-ende',
  amount: 'bewilligte förderfähige Gesamtinvestition',
  ags: 'Gebietskennziffer',
  country: 'Land',
  code: 'EU-Interventions-kategorie',
  codeLabel: 'Bezeichnung der EU-Interventionskategorie',
} as const;

export function looksLikeEfreList(data: unknown): boolean {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    isObj(data[0]) &&
    F.beneficiary in data[0] &&
    F.project in data[0]
  );
}

/** "€ 833851.95", "833.851,95 €" → 833851.95 */
export function parseEuro(v: string): number | null {
  let s = v.replace(/[€\s]|EUR/g, '');
  if (/,\d{1,2}$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * EFRE.NRW "Liste der Vorhaben" as published by OpenSpending (JSON array, German column names).
 * Reference data of funded projects; the list has no id, so beneficiary + project + start (+ occurrence) make one.
 */
export function parseEfreNrw(data: unknown, location: string): ParsedSource {
  if (!Array.isArray(data)) throw new Error('EFRE.NRW list must be a JSON array');
  const rows: unknown[] = data;
  const file = basename(location);
  async function* items(): AsyncGenerator<ParsedItem> {
    const seen = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      const key = `row ${i + 1}`;
      const reject = (reason: string): ParsedItem => ({
        kind: 'rejected',
        key,
        file,
        raw: JSON.stringify(row),
        reason,
      });
      if (!isObj(row)) {
        yield reject('row is not an object');
        continue;
      }
      const beneficiary = str(row, F.beneficiary);
      const project = str(row, F.project);
      if (!beneficiary) {
        yield reject(`"${F.beneficiary}" missing`);
        continue;
      }
      if (!project) {
        yield reject(`"${F.project}" missing`);
        continue;
      }
      const startRaw = str(row, F.start);
      const endRaw = str(row, F.end);
      const start = startRaw ? isoDate(startRaw) : null;
      const end = endRaw ? isoDate(endRaw) : null;
      if (startRaw && !start) {
        yield reject(`"${F.start}" is not a date: ${startRaw}`);
        continue;
      }
      if (endRaw && !end) {
        yield reject(`"${F.end}" is not a date: ${endRaw}`);
        continue;
      }
      const amountRaw = str(row, F.amount);
      const amount = amountRaw ? parseEuro(amountRaw) : null;
      if (amountRaw && amount === null) {
        yield reject(`"${F.amount}" is not an amount: ${amountRaw}`);
        continue;
      }
      const ags = str(row, F.ags);
      if (ags && !/^\d{8}$/.test(ags)) {
        yield reject(`"${F.ags}" is not an 8-digit AGS: ${ags}`);
        continue;
      }
      // The official list repeats beneficiary + project + start for distinct operations (e.g. several
      // "KWK-Modellkommune" rows); the occurrence number keeps each one its own stable id.
      const base = createHash('sha1')
        .update(`${beneficiary}\u0000${project}\u0000${start ?? ''}`)
        .digest('hex');
      const occurrence = (seen.get(base) ?? 0) + 1;
      seen.set(base, occurrence);
      const sourceId = occurrence === 1 ? base : `${base}-${occurrence}`;
      yield {
        kind: 'funded_project',
        key: sourceId,
        project: {
          sourceId,
          sourceUrl: 'https://www.efre.nrw.de/fileadmin/16-01-22_DN_Liste_der_Vorhaben_20151231.xlsx',
          beneficiary,
          projectName: project,
          summary: str(row, F.summary),
          startDate: start,
          endDate: end,
          totalEligibleEur: amount,
          ags,
          municipalityName: ags ? nrwPlaceName(ags) : null,
          country: str(row, F.country),
          interventionCode: str(row, F.code),
          interventionLabel: str(row, F.codeLabel),
          programmeCci: '2014DE16RFOP009',
          fundingPeriod: '2014-2020',
        },
      };
    }
  }
  return {
    importer: 'efre-nrw-json',
    source: 'efre-nrw',
    sourceSet: `efre-nrw:${file}`,
    full: true,
    total: rows.length,
    items: items(),
    notes: [],
  };
}
