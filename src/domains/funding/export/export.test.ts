import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { makeCall } from '../alerts/test-data.js';
import { csvLine, isFormulaLike, safeCell, toCsv } from './cells.js';
import { streamXlsx } from './xlsx.js';

const hostile = [
  '=1+1',
  ' =1+1',
  '\u00a0=HYPERLINK("http://x")',
  '\u3000+1',
  '\n@SUM(A1)',
  '\r\n-2+3',
  '\u0000=1',
  '\u0085=1',
  '\u200b=1',
  '\ufeff@x',
  '\t\t=1',
  '\tplain after tab',
  '\rplain after CR',
  '＝1+1',
  '  ＋1',
];
const harmless = ['Radverkehr', 'a=b', 'E-Mail', ' text', '', '1 + 1 = 2', 'x@example.org'];

describe('formula-injection escaping of export cells', () => {
  it('marks cells that start with = + - @ after blanks, control or zero-width characters, and tab/CR', () => {
    for (const v of hostile) expect([v, isFormulaLike(v)]).toEqual([v, true]);
    for (const v of harmless) expect([v, isFormulaLike(v)]).toEqual([v, false]);
    expect(safeCell(' =1+1')).toBe("' =1+1");
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBe('');
  });

  it('CSV: every hostile cell starts with an apostrophe inside its quotes', () => {
    const csv = toCsv(
      ['v'],
      hostile.map((v) => [v]),
    );
    expect(csv.startsWith('\uFEFFv\r\n')).toBe(true);
    for (const v of hostile) {
      const line = csvLine([v]);
      expect(line.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvLine([' =1+1', 'ok'])).toBe("' =1+1;ok");
    expect(csvLine(['\t=1'])).toBe(`"'\t=1"`);
  });

  it('XLSX (streamed): hostile cells are text with the apostrophe, never formulas', async () => {
    async function* rows() {
      for (const v of hostile) yield [v, 42];
    }
    const chunks: Buffer[] = [];
    const stream = streamXlsx({ name: 'T', header: ['v', 'n'] }, rows(), (err) => {
      throw err;
    });
    for await (const c of stream) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('v');
    hostile.forEach((v, i) => {
      const cell = ws.getRow(i + 2).getCell(1);
      expect(cell.formula).toBeUndefined();
      // XML turns CR LF into LF and drops NUL; what matters is the apostrophe in front
      expect(String(cell.value).startsWith("'")).toBe(true);
      expect(String(cell.value).slice(-2)).toBe(v.slice(-2));
      expect(ws.getRow(i + 2).getCell(2).value).toBe(42);
    });
  });
});

describeEachDb('call export: whole filtered list without a cap, or exactly a selection', (env) => {
  const TOTAL = 1234;
  let ids: number[] = [];
  const get = (url: string, headers: Record<string, string> = {}) =>
    env().app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    const { db } = env().ctx;
    const at = nowIso();
    for (let i = 0; i < TOTAL; i += 200) {
      const rows = Array.from({ length: Math.min(200, TOTAL - i) }, (_, k) => {
        const n = i + k;
        return {
          source: 'test',
          source_set: 'bulk',
          source_id: `bulk-${n}`,
          source_url: null,
          content_hash: String(n),
          first_seen_at: at,
          last_seen_at: at,
          withdrawn_at: null,
          created_at: at,
          updated_at: at,
          programme_id: null,
          call_kind: 'grant',
          identifier: `BULK-${String(n).padStart(5, '0')}`,
          title: n === 7 ? ' =HYPERLINK("http://evil")' : `Massenaufruf ${String(n).padStart(5, '0')}`,
          text: null,
          status: 'open' as const,
          stage_model: 'single-stage' as const,
          giver_level: 'EU' as const,
          giver_name: 'Exportprobe',
          budget_eur: null,
          funding_rate_percent: null,
          min_grant_eur: null,
          max_grant_eur: null,
          eligible_applicants: '[]',
          regions: '[]',
          fields_of_action: '[]',
          links: '[]',
          licence: null,
          attribution: null,
          text_is_verbatim: 0,
          import_notes: null,
          is_public: 1,
          owner_organization_id: null,
        };
      });
      const inserted = await db.insertInto('funding_calls').values(rows).returning('id').execute();
      ids.push(...inserted.map((r) => r.id));
    }
    ids = ids.sort((a, b) => a - b);
  });

  it('streams every row of the filtered list as CSV and XLSX (more than the old 500/page limits)', async () => {
    const csv = await get('/api/funding/calls?q=Exportprobe&format=csv&limit=500');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('foerderaufrufe.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(TOTAL + 1);
    expect(lines.some((l) => l.includes(`"' =HYPERLINK(""http://evil"")"`))).toBe(true);
    const xlsx = await get('/api/funding/calls?q=Exportprobe&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(TOTAL + 1);
  });

  it('exports exactly the chosen ids (in list order), never a call the actor may not see', async () => {
    const { db } = env().ctx;
    const hidden = await makeCall(db, { title: 'Nichtöffentlich', isPublic: false, owner: 999_999 });
    const reader = await signIn(env(), { role: 'reader' });
    const chosen = [ids[900], ids[3], ids[3], ids[500], hidden];
    const post = (payload: object, headers: Record<string, string> = reader.headers) =>
      env().app.inject({ method: 'POST', url: '/api/funding/calls/export', headers, payload });
    const res = await post({ format: 'csv', ids: chosen });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('foerderaufrufe-auswahl.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.map((l) => Number(l.split(';')[0])).slice(1)).toEqual([ids[3], ids[500], ids[900]]);
    expect(res.body).not.toContain('Nichtöffentlich');
    const xlsx = await post({ format: 'xlsx', ids: chosen });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(4);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe(ids[3]);
    // the office sees the restricted call and gets it too
    const office = await signIn(env(), { role: 'office' });
    const all = await post({ format: 'csv', ids: [hidden] }, office.headers);
    expect(all.body).toContain('Nichtöffentlich');
    expect((await post({ format: 'csv', ids: [] })).statusCode).toBe(400);
    expect((await post({ format: 'pdf', ids: [1] })).statusCode).toBe(400);
  });
});
