import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import { tempDir } from '../../../../test/fixtures/funding/support.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';

const actor = systemActor('test');
const t = tempDir('tpl-');
afterAll(() => t.remove());

const header =
  'aufruf_id;titel;status;foerdergeber_ebene;foerdergeber;verfahren;regionen;frist_1_bezeichnung;frist_1_datum;frist_2_bezeichnung;frist_2_datum;frist_2_uhrzeit';
function write(name: string, content: string | Buffer): string {
  const p = join(t.dir, name);
  writeFileSync(p, content);
  return p;
}

describeEachDb('funding: CSV/XLSX template import', (env) => {
  it('imports good rows and reports each bad row with row, column and reason in both languages', async () => {
    const { db } = env().ctx;
    const csv = [
      header,
      'regio-2;Regio.NRW Transformation, 2. Runde;geschlossen;Land;Land NRW;zweistufig;NRW;Projektskizze;31.01.2025;;;',
      'bad-1;;offen;Land;;;;;32.13.2025;;;25:00',
      'bad-2;=HYPERLINK("http://evil");vielleicht;Mond;;;;;;;;',
    ].join('\r\n');
    const r = await runImport(db, actor, write('nrw-aufrufe.csv', `\uFEFF${csv}`));
    expect(r.importer).toBe('template-csv');
    expect(r.counts).toMatchObject({ new: 1, rejected: 2 });
    expect(r.rowErrors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'titel', reason: 'required value missing', reasonDe: 'Pflichtangabe fehlt' },
        expect.objectContaining({ row: 3, column: 'frist_1_datum' }),
        expect.objectContaining({ row: 3, column: 'frist_2_uhrzeit' }),
        expect.objectContaining({ row: 4, column: 'status' }),
        expect.objectContaining({ row: 4, column: 'foerdergeber_ebene' }),
      ]),
    );
    const call = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_set', '=', 'template:nrw-aufrufe')
      .executeTakeFirstOrThrow();
    expect(call).toMatchObject({
      title: 'Regio.NRW Transformation, 2. Runde',
      status: 'closed',
      stage_model: 'two-stage',
      giver_level: 'Land',
    });
    const rounds = await db.selectFrom('funding_rounds').selectAll().where('call_id', '=', call.id).execute();
    expect(rounds).toMatchObject([{ label: 'Projektskizze', deadline_date: '2025-01-31', origin: 'source' }]);
    const q = await db
      .selectFrom('funding_quarantine')
      .selectAll()
      .where('record_key', '=', 'row 4')
      .executeTakeFirstOrThrow();
    expect(q.reason).toContain('Zeile 4, Spalte status');
  });

  it('reads comma-separated and Windows-1252 files and says what it did', async () => {
    const { db } = env().ctx;
    const latin = Buffer.from(
      'aufruf_id,titel,status,foerdergeber_ebene\r\nw-1,Förderaufruf Grünflächen,offen,Land\r\n',
      'latin1',
    );
    const r = await runImport(db, actor, write('latin.csv', latin));
    expect(r.counts).toMatchObject({ new: 1, rejected: 0 });
    expect(r.notes.join(' ')).toMatch(/Windows-1252/);
    const c = await db
      .selectFrom('funding_calls')
      .select('title')
      .where('source_id', '=', 'w-1')
      .executeTakeFirstOrThrow();
    expect(c.title).toBe('Förderaufruf Grünflächen');
  });

  it('rejects huge cells per row and refuses a file with the wrong delimiter as a whole', async () => {
    const { db } = env().ctx;
    const big = `aufruf_id;titel;status;foerdergeber_ebene\nh-1;${'x'.repeat(25_000)};offen;Land\nh-2;ok;offen;Land\n`;
    const r = await runImport(db, actor, write('big.csv', big));
    expect(r.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(r.rowErrors[0]).toMatchObject({ row: 2, column: 'titel' });
    const q = await db
      .selectFrom('funding_quarantine')
      .select('raw')
      .where('file', '=', 'big.csv')
      .executeTakeFirstOrThrow();
    expect(q.raw.length).toBeLessThan(21_000);
    await expect(
      runImport(db, actor, write('pipes.csv', 'aufruf_id|titel|status|foerdergeber_ebene\na|b|offen|Land\n')),
    ).rejects.toThrow(/Pflichtspalten/);
  });

  it('imports the XLSX form of the template', async () => {
    const { db } = env().ctx;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Aufrufe');
    ws.addRow(['call_id', 'title', 'status', 'giver_level', 'round_1_deadline', 'budget_eur']);
    ws.addRow(['x-1', 'Aufruf aus Excel', 'open', 'Bund', new Date(Date.UTC(2027, 2, 31)), '1.500.000']);
    const r = await runImport(db, actor, write('liste.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(r.importer).toBe('template-xlsx');
    expect(r.counts).toMatchObject({ new: 1, rejected: 0 });
    const c = await db
      .selectFrom('funding_calls')
      .selectAll()
      .where('source_id', '=', 'x-1')
      .executeTakeFirstOrThrow();
    expect(c.budget_eur).toBe(1_500_000);
    const rounds = await db
      .selectFrom('funding_rounds')
      .select('deadline_date')
      .where('call_id', '=', c.id)
      .execute();
    expect(rounds).toEqual([{ deadline_date: '2027-03-31' }]);
  });
});
