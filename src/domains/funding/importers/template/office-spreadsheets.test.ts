import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../../test/helpers/context.js';
import { nowIso } from '../../../../infra/db/columns.js';
import { systemActor } from '../../../access/actor.js';
import { fields as seedFields } from '../../../directory/seed/fields-data.js';
import { runImport } from '../../run-import.js';
import { decodeOfficeText, decodeWindows1252 } from '../decode.js';
import { readAmount, readDay, readPercent, readTime, readWord } from './cell-values.js';
import { fieldResolver } from './field-resolver.js';

const actor = systemActor('test');
const HEAD = [
  'aufruf_id',
  'titel',
  'status',
  'foerdergeber_ebene',
  'budget_eur',
  'foerderquote_prozent',
  'handlungsfelder',
  'link',
  'frist_1_datum',
  'frist_1_uhrzeit',
];

describe('cells as offices type them', () => {
  it('reads amounts, percentages, dates, times and status words', () => {
    expect(readAmount('2,5 Mio. €')).toBe(2_500_000);
    expect(readAmount('2,5 Millionen Euro')).toBe(2_500_000);
    expect(readAmount('60.000.000,00 €')).toBe(60_000_000);
    expect(readAmount('500 T€')).toBe(500_000);
    expect(readAmount('bis zu 200.000 €')).toBe(200_000);
    expect(readAmount('EUR 1.2 million')).toBe(1_200_000);
    expect(readAmount('60000000')).toBe(60_000_000);
    expect(readAmount('viel Geld')).toBeNull();
    expect(readPercent('80 %')).toBe(80);
    expect(readPercent('80,5%')).toBe(80.5);
    expect(readPercent('120 %')).toBeNull();
    expect(readDay('15.03.27')).toBe('2027-03-15');
    expect(readDay('15.3.2027')).toBe('2027-03-15');
    expect(readDay('15. März 2027')).toBe('2027-03-15');
    expect(readDay('2027-03-15')).toBe('2027-03-15');
    expect(readDay('15.03.2027, 12 Uhr')).toBe('2027-03-15');
    expect(readDay('März 2027')).toBeNull();
    expect(readDay('31.02.2027')).toBeNull();
    expect(readDay('bald')).toBeNull();
    expect(readTime('12 Uhr')).toBe('12:00');
    expect(readTime('12.00 Uhr')).toBe('12:00');
    expect(readTime('9:30')).toBe('09:30');
    expect(readTime('17h')).toBe('17:00');
    expect(readTime('12')).toBeNull();
    expect(readTime('25:00')).toBeNull();
    const words = { offen: 'open', laeuft: 'open', 'in vorbereitung': 'forthcoming' };
    expect(readWord('Läuft', words)).toBe('open');
    expect(readWord('läuft bis 30.06.', words)).toBe('open');
    expect(readWord('In Vorbereitung', words)).toBe('forthcoming');
    expect(readWord('vielleicht', words)).toBeNull();
  });

  it('decodes Windows-1252 punctuation and UTF-16 with or without a byte order mark', () => {
    const cp = Buffer.from([0x84, 0x41, 0x93, 0x20, 0x96, 0x20, 0x35, 0x80]);
    expect(decodeWindows1252(cp)).toBe('„A“ – 5€');
    const notes: string[] = [];
    expect(decodeOfficeText(cp, notes)).toBe('„A“ – 5€');
    expect(notes[0]).toMatch(/Windows-1252/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Förderung\t–', 'utf16le')]);
    const n2: string[] = [];
    expect(decodeOfficeText(utf16, n2)).toBe('Förderung\t–');
    expect(n2[0]).toMatch(/UTF-16LE/);
    expect(decodeOfficeText(Buffer.from('aufruf_id\ttitel', 'utf16le'), [])).toBe('aufruf_id\ttitel');
  });

  it('maps field-of-action names, keys and synonyms; leaves what two fields claim or none names unmapped', () => {
    const rows = seedFields.map((f, i) => ({
      id: i + 1,
      key: f.key,
      name: f.name,
      rules_json: JSON.stringify(f.rules),
    }));
    const resolve = fieldResolver(rows);
    expect(resolve('Fachkräfte')).toBe('field:fachkraefte');
    expect(resolve('fachkraft')).toBe('field:fachkraefte');
    expect(resolve('Weiterbildung')).toBe('field:fachkraefte');
    expect(resolve('Verkehr')).toBe('field:verkehr');
    expect(resolve('Mobilität')).toBe('field:mobilitaet');
    expect(resolve('ÖPNV')).toBe('field:verkehr');
    expect(resolve('field:digitalisierung')).toBe('field:digitalisierung');
    expect(resolve('Breitband')).toBe('field:digitalisierung');
    expect(resolve('Tourismus')).toBeNull();
  });
});

describeEachDb('funding: office spreadsheets', (env) => {
  const seedFieldRows = async () => {
    const { db } = env().ctx;
    const have = await db.selectFrom('fields_of_action').select('key').execute();
    if (have.some((h) => h.key === 'field:fachkraefte')) return;
    const at = nowIso();
    for (const [i, f] of seedFields.entries())
      await db
        .insertInto('fields_of_action')
        .values({
          key: f.key,
          parent_id: null,
          name: f.name,
          description: null,
          rules_json: JSON.stringify(f.rules),
          sort_order: i,
          source: 'seed',
          created_at: at,
          updated_at: at,
        })
        .execute();
  };

  it('reads a Windows-1252 CSV with –, €, „ “ intact', async () => {
    const { db } = env().ctx;
    await seedFieldRows();
    const t = tempDir('cp1252-');
    try {
      const path = join(t.dir, 'liste-1252.csv');
      const text = `${HEAD.join(';')}\r\nW-1;„Stadt – Land“ 5 Mio. €;offen;Land;2,5 Mio. €;80 %;Fachkräfte;;15.03.27;12 Uhr\r\n`;
      // encode as Windows-1252: Latin-1 for the plain letters, the table for the punctuation
      const cp = Buffer.from(
        [...text].map((ch) => ({ '„': 0x84, '“': 0x93, '–': 0x96, '€': 0x80 })[ch] ?? ch.charCodeAt(0)),
      );
      writeFileSync(path, cp);
      const r = await runImport(db, actor, path);
      expect(r.counts, JSON.stringify(r.rowErrors)).toMatchObject({ new: 1, rejected: 0 });
      expect(r.notes.join(' ')).toMatch(/Windows-1252/);
      const call = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'W-1')
        .executeTakeFirstOrThrow();
      expect(call.title).toBe('„Stadt – Land“ 5 Mio. €');
      expect(call.budget_eur).toBe(2_500_000);
      expect(call.funding_rate_percent).toBe(80);
      expect(JSON.parse(call.fields_of_action)).toEqual(['field:fachkraefte']);
      const round = await db
        .selectFrom('funding_rounds')
        .select(['deadline_date', 'deadline_time'])
        .where('call_id', '=', call.id)
        .executeTakeFirstOrThrow();
      expect(round).toEqual({ deadline_date: '2027-03-15', deadline_time: '12:00' });
    } finally {
      t.remove();
    }
  });

  it('reads an Excel "Unicode-Text" file (UTF-16LE, tabs) and names the encoding', async () => {
    const { db } = env().ctx;
    const t = tempDir('utf16-');
    try {
      const path = join(t.dir, 'unicode.txt');
      const text = `${HEAD.join('\t')}\r\nU-1\tGründung – „Start“\tläuft\tBund\t\t\tMobilität; Tourismus\t\t\t\r\n`;
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const r = await runImport(db, actor, path);
      expect(r.counts, JSON.stringify(r.rowErrors)).toMatchObject({ new: 1, rejected: 0 });
      expect(r.notes.join(' ')).toMatch(/UTF-16LE/);
      expect(r.notes.join(' ')).toMatch(/Tourismus \(1\)/);
      const call = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'U-1')
        .executeTakeFirstOrThrow();
      expect(call.title).toBe('Gründung – „Start“');
      expect(call.status).toBe('open');
      expect(JSON.parse(call.fields_of_action)).toEqual(['field:mobilitaet']);
      expect(call.import_notes).toMatch(/nicht zugeordnet: Tourismus/);
      // the mapped key is what the list filter and matching use
      const list = await env().app.inject({
        method: 'GET',
        url: '/api/funding/calls?fieldOfAction=field:mobilitaet',
      });
      expect(list.json().items.map((i: { title: string }) => i.title)).toContain('Gründung – „Start“');
    } finally {
      t.remove();
    }
  });

  it('reads an XLSX with a percent cell, a time cell, a hyperlink cell and typed amounts and dates', async () => {
    const { db } = env().ctx;
    await seedFieldRows();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Aufrufe');
    ws.addRow(HEAD);
    const row = ws.addRow([
      'X-1',
      'Digitale Verwaltung',
      'Läuft',
      'EU',
      '2,5 Mio. €',
      0.8,
      'Digitalisierung',
      null,
      '15.03.27',
      null,
    ]);
    row.getCell(6).numFmt = '0%';
    row.getCell(8).value = { text: 'zum Aufruf', hyperlink: 'https://www.efre.nrw/aufruf' };
    row.getCell(10).value = new Date(Date.UTC(1899, 11, 30, 12, 0));
    row.getCell(10).numFmt = 'hh:mm';
    const row2 = ws.addRow([
      'X-2',
      'Zweiter Aufruf',
      'in Vorbereitung',
      'Land',
      '500 T€',
      '75 %',
      '',
      null,
      new Date(Date.UTC(2027, 5, 30)),
      '17:00',
    ]);
    row2.getCell(2).value = { text: 'Zweiter Aufruf', hyperlink: 'https://www.land.nrw/foerderung' };
    const t = tempDir('xlsx-');
    try {
      const path = join(t.dir, 'liste.xlsx');
      await wb.xlsx.writeFile(path);
      const r = await runImport(db, actor, path);
      expect(r.counts, JSON.stringify(r.rowErrors)).toMatchObject({ new: 2, rejected: 0 });
      const one = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'X-1')
        .executeTakeFirstOrThrow();
      expect(one).toMatchObject({
        status: 'open',
        giver_level: 'EU',
        budget_eur: 2_500_000,
        funding_rate_percent: 80,
        source_url: 'https://www.efre.nrw/aufruf',
      });
      expect(JSON.parse(one.fields_of_action)).toEqual(['field:digitalisierung']);
      const r1 = await db
        .selectFrom('funding_rounds')
        .select(['deadline_date', 'deadline_time'])
        .where('call_id', '=', one.id)
        .executeTakeFirstOrThrow();
      expect(r1).toEqual({ deadline_date: '2027-03-15', deadline_time: '12:00' });
      const two = await db
        .selectFrom('funding_calls')
        .selectAll()
        .where('source_id', '=', 'X-2')
        .executeTakeFirstOrThrow();
      expect(two).toMatchObject({
        status: 'forthcoming',
        budget_eur: 500_000,
        funding_rate_percent: 75,
        source_url: 'https://www.land.nrw/foerderung',
      });
    } finally {
      t.remove();
    }
  });
});
