import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import {
  copyFdbExport,
  FDB_CONTENT,
  sharedFunding,
  tempDir,
} from '../../../../test/fixtures/funding/support.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { streamXlsx, XLSX_CELL_LIMIT } from '../export/xlsx.js';
import { runImport } from '../run-import.js';

const actor = systemActor('test');
const euFile = sharedFunding('eu-ft-portal', 'grantsTenders_sample.json');
const euRecords = () =>
  JSON.parse(readFileSync(euFile, 'utf8')) as { fundingData: { GrantTenderObj: Record<string, unknown>[] } };

/** Limits and bad bytes: every record is stored within limits, with only http(s) links, nothing changed silently. */
describeEachDb('funding: limits and bad bytes on import', (env) => {
  it('rejects a record with a 5,000,000-character title or description, with the reason; the rest is imported', async () => {
    const { db } = env().ctx;
    const data = euRecords();
    const recs = data.fundingData.GrantTenderObj;
    recs[0].title = 'T'.repeat(5_000_000);
    recs[2].descriptionTender = 'D'.repeat(5_000_000);
    const t = tempDir('eu-');
    try {
      const path = join(t.dir, 'grantsTenders.json');
      writeFileSync(path, JSON.stringify(data));
      const r = await runImport(db, actor, path);
      expect(r.counts).toMatchObject({ new: 4, rejected: 2 });
      const q = await db
        .selectFrom('funding_quarantine')
        .select(['record_key', 'reason', 'raw'])
        .where('source', '=', 'eu-ft')
        .orderBy('record_key')
        .execute();
      const reasons = q.map((x) => x.reason).join(' | ');
      expect(reasons).toContain('title has 5.000.000 characters (limit 1.000)');
      expect(reasons).toContain('description has 5.000.');
      expect(reasons).toContain('Titel hat 5.000.000 Zeichen');
      expect(q.every((x) => x.raw.length < 25_000)).toBe(true);
      const longest = await db
        .selectFrom('funding_calls')
        .select((eb) => eb.fn.max(eb.fn('length', ['title'])).as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(longest.n)).toBeLessThanOrEqual(1_000);
    } finally {
      t.remove();
    }
  });

  it('takes NUL and lone surrogates out with a note, drops javascript: links, notes invalid UTF-8 per record', async () => {
    const { db } = env().ctx;
    const data = euRecords();
    const recs = data.fundingData.GrantTenderObj;
    const ids = recs.map((r) => String(r.identifier));
    recs[0].title = 'Erasmus\u0000 Charta';
    recs[1].title = 'Solidarity \ud800 Corps';
    recs[2].url = 'javascript:alert(document.cookie)';
    recs[3].title = 'MARKER-BAD-BYTES';
    const t = tempDir('eu-');
    try {
      const path = join(t.dir, 'grantsTenders.json');
      // invalid UTF-8 (a lone 0xFF byte) inside one record's title
      const json = Buffer.from(JSON.stringify(data), 'utf8');
      const at = json.indexOf('MARKER-BAD-BYTES');
      writeFileSync(path, Buffer.concat([json.subarray(0, at), Buffer.from([0xff]), json.subarray(at)]));
      const r = await runImport(db, actor, path);
      expect(r.counts.rejected).toBe(0);
      expect(r.counts.new + r.counts.changed + r.counts.unchanged).toBe(6);
      expect(r.notes.join(' ')).toMatch(/not valid utf-8/);
      const call = (id: string) =>
        db.selectFrom('funding_calls').selectAll().where('source_id', '=', id).executeTakeFirstOrThrow();
      const nul = await call(ids[0]);
      expect(nul.title).toBe('Erasmus Charta');
      expect(nul.import_notes).toMatch(/removed 1 NUL character/);
      const sur = await call(ids[1]);
      expect(sur.title).toBe('Solidarity \ufffd Corps');
      expect(sur.import_notes).toMatch(/unpaired UTF-16 surrogate/);
      const js = await call(ids[2]);
      expect(js.source_url).toBeNull();
      expect(js.links).not.toMatch(/javascript/i);
      expect(js.import_notes).toMatch(/not an http\(s\) address/);
      const bad = await call(ids[3]);
      expect(bad.title).toBe('\ufffdMARKER-BAD-BYTES');
      expect(bad.import_notes).toMatch(/not valid utf-8/);
      expect((await call(ids[4])).import_notes ?? '').not.toMatch(/utf-8/);
    } finally {
      t.remove();
    }
  });

  it('rejects an FDB programme whose verbatim text has invalid UTF-8 bytes instead of storing it altered', async () => {
    const { db } = env().ctx;
    const copy = copyFdbExport();
    try {
      const file = join(copy.dir, ...FDB_CONTENT, 'Foerderprogramm', 'Bund', 'BMAS', 'einstiegsgeld.xml');
      const xml = readFileSync(file);
      const at = xml.indexOf('Einstieg in die');
      writeFileSync(file, Buffer.concat([xml.subarray(0, at), Buffer.from([0xc3, 0x28]), xml.subarray(at)]));
      const r = await runImport(db, actor, copy.dir);
      expect(r.counts).toMatchObject({ new: 1, rejected: 1 });
      const q = await db
        .selectFrom('funding_quarantine')
        .select('reason')
        .where('record_key', 'like', '%einstiegsgeld')
        .executeTakeFirstOrThrow();
      expect(q.reason).toMatch(/not valid utf-8/);
      const stored = await db
        .selectFrom('funding_programmes')
        .select('body')
        .where('source', '=', 'fdb')
        .execute();
      expect(stored.every((p) => !(p.body ?? '').includes('\ufffd'))).toBe(true);
    } finally {
      copy.remove();
    }
  });

  it('refuses javascript: links and oversized titles through the write API', async () => {
    const office = await signIn(env(), { role: 'office' });
    const post = (payload: Record<string, unknown>) =>
      env().app.inject({ method: 'POST', url: '/api/funding/calls', headers: office.headers, payload });
    const base = { title: 'Aufruf', status: 'open', giverLevel: 'Land' };
    for (const bad of [
      { links: [{ label: 'x', url: 'javascript:alert(1)' }] },
      { sourceUrl: 'javascript:alert(1)' },
      { links: [{ label: 'x', url: 'data:text/html,<b>' }] },
      { title: 'T'.repeat(5_000_000) },
    ]) {
      const res = await post({ ...base, ...bad });
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const ok = await post({ ...base, links: [{ label: 'Land', url: 'https://www.land.nrw/foerderung' }] });
    expect(ok.statusCode).toBe(201);
  });
});

it('cuts an XLSX cell at the 32,767-character limit with a visible mark', async () => {
  async function* rows() {
    yield ['x'.repeat(100_000), 1];
  }
  const chunks: Buffer[] = [];
  const stream = streamXlsx({ name: 'T', header: ['v', 'n'] }, rows(), (err) => {
    throw err;
  });
  for await (const c of stream) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const v = String(wb.worksheets[0].getCell('A2').value);
  expect(v.length).toBe(XLSX_CELL_LIMIT);
  expect(v.endsWith('[gekürzt / cut]')).toBe(true);
});
