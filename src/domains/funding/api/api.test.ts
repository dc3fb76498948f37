import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { sharedFunding } from '../../../../test/fixtures/funding/support.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';

const list = [
  'aufruf_id;titel;status;foerdergeber_ebene;antragsberechtigte;regionen;handlungsfelder;frist_1_datum',
  'later;Später Aufruf;offen;Land;Kommune;Kreis Mettmann;field:mobilitaet;31.03.2027',
  'sooner;=HYPERLINK("http://x","Früher Aufruf");offen;Land;"Kommune; Verein";NRW;field:digitalisierung;15.01.2027',
].join('\n');

function multipart(fileName: string, content: string) {
  const boundary = '----regiolotse-test';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDb('funding API', (env) => {
  beforeAll(async () => {
    const { db } = env().ctx;
    // the list names fields of action by key; the import maps them to the directory's fields
    const at = new Date().toISOString();
    for (const [key, name] of [
      ['field:mobilitaet', 'Mobilität'],
      ['field:digitalisierung', 'Digitalisierung'],
    ])
      await db
        .insertInto('fields_of_action')
        .values({
          key,
          name,
          parent_id: null,
          description: null,
          rules_json: '{}',
          sort_order: 0,
          source: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await runImport(db, systemActor('test'), sharedFunding('fdb-xml-export'));
    await runImport(db, systemActor('test'), sharedFunding('eu-ft-portal', 'grantsTenders_sample.json'));
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'api-')), 'liste.csv');
    writeFileSync(file, list);
    await runImport(db, systemActor('test'), file);
  });

  const get = (url: string, headers?: Record<string, string>) =>
    env().app.inject({ method: 'GET', url, headers });

  it('lists calls sorted by next deadline and filters them', async () => {
    const all = await get('/api/funding/calls?limit=100');
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(10);
    expect(body.items.slice(0, 2).map((c: { identifier: string }) => c.identifier)).toEqual([
      'sooner',
      'later',
    ]);
    expect(body.items[0].nextDeadline).toBe('2027-01-15');
    const ids = async (qs: string) =>
      (await get(`/api/funding/calls?limit=100&${qs}`))
        .json()
        .items.map((c: { identifier: string | null; title: string }) => c.identifier ?? c.title);
    expect((await ids('giverLevel=EU')).length).toBe(6);
    expect(await ids('giverLevel=Land&fieldOfAction=field:mobilitaet')).toEqual(['later']);
    expect(await ids('applicant=Verein')).toEqual(['sooner']);
    expect(await ids('region=Kreis%20Mettmann')).toEqual(['later']);
    expect(await ids('deadlineFrom=2022-05-01&deadlineTo=2022-05-31')).toEqual([
      'ERASMUS-EDU-2022-ECHE-CERT-FP',
    ]);
    expect(await ids('q=einstiegsgeld')).toEqual(['Einstiegsgeld']);
    expect(await ids('status=forthcoming')).toEqual([]);
    expect((await get('/api/funding/calls?q=%25_%5C')).statusCode).toBe(200);
    expect((await get('/api/funding/calls?limit=abc')).statusCode).toBe(400);
    expect((await get('/api/funding/calls?deadlineFrom=yesterday')).statusCode).toBe(400);
    expect((await get('/api/funding/calls?status=maybe')).statusCode).toBe(400);
  });

  it('exports the selection as CSV and XLSX without live formulas', async () => {
    const csv = await get('/api/funding/calls?giverLevel=Land&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""Früher Aufruf"")"`);
    const xlsx = await get('/api/funding/calls?giverLevel=Land&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(2).value).toBe('Titel');
    expect(ws.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x","Früher Aufruf")`);
    expect(ws.getRow(2).getCell(2).formula).toBeUndefined();
    expect(ws.rowCount).toBe(3);
  });

  it('shows a call with rounds, history, programme text as given and attribution', async () => {
    const { items } = (await get('/api/funding/calls?q=einstiegsgeld')).json();
    const res = await get(`/api/funding/calls/${items[0].id}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.programme.textIsVerbatim).toBe(true);
    expect(c.programme.attribution).toMatch(
      /^Einstiegsgeld von Bundesministerium für Wirtschaft und Energie, lizensiert unter CC BY-ND 4.0, Quelle: https:\/\/www.foerderdatenbank.de\//,
    );
    expect(c.programme.body).toContain('<h2>Ziel und Gegenstand</h2>');
    expect(c.history.map((h: { kind: string }) => h.kind)).toContain('first_seen');
    const eu = (await get('/api/funding/calls?q=ECHE')).json().items[0];
    const detail = (await get(`/api/funding/calls/${eu.id}`)).json();
    expect(detail.rounds).toHaveLength(5);
    expect(detail.programme.title).toBe('Erasmus+ (ERASMUS+)');
    expect((await get('/api/funding/calls/999999')).statusCode).toBe(404);
    expect((await get('/api/funding/calls/abc')).statusCode).toBe(400);
  });

  it('lists programmes and shows one with its calls', async () => {
    const res = await get('/api/funding/programmes?giverLevel=Bund');
    expect(res.json().total).toBe(2);
    const p = res.json().items.find((x: { title: string }) => x.title === 'Einstiegsgeld');
    const d = (await get(`/api/funding/programmes/${p.id}`)).json();
    expect(d.calls).toHaveLength(1);
    expect(d.contacts.length).toBeGreaterThan(0);
    expect(d.attribution).toContain('CC BY-ND 4.0');
  });

  it('lets office staff create and edit by hand, with versions, audit and visibility', async () => {
    const office = await signIn(env(), { role: 'office' });
    const reader = await signIn(env(), { role: 'reader' });
    const app = env().app;
    const body = { title: 'Eigener Aufruf', status: 'open', giverLevel: 'other', isPublic: false };
    expect((await app.inject({ method: 'POST', url: '/api/funding/calls', payload: body })).statusCode).toBe(
      401,
    );
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/funding/calls',
          payload: body,
          headers: reader.headers,
        })
      ).statusCode,
    ).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/funding/calls',
      payload: body,
      headers: office.headers,
    });
    expect(created.statusCode).toBe(201);
    const call = created.json();
    expect((await get(`/api/funding/calls/${call.id}`)).statusCode).toBe(404);
    expect((await get(`/api/funding/calls/${call.id}`, { cookie: office.headers.cookie })).statusCode).toBe(
      200,
    );
    const patch = (version: number) =>
      app.inject({
        method: 'PATCH',
        url: `/api/funding/calls/${call.id}`,
        payload: { version, title: 'Umbenannt' },
        headers: office.headers,
      });
    expect((await patch(call.version + 5)).statusCode).toBe(409);
    const ok = await patch(call.version);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Umbenannt', version: call.version + 1 });
    expect(ok.json().history.find((h: { kind: string }) => h.kind === 'changed').changes.title).toEqual({
      before: 'Eigener Aufruf',
      after: 'Umbenannt',
    });
    const round = await app.inject({
      method: 'POST',
      url: `/api/funding/calls/${call.id}/rounds`,
      payload: {
        label: 'Skizze',
        deadlineDate: '2027-06-30',
        deadlineTime: '12:00',
        deadlineKind: 'outline',
      },
      headers: office.headers,
    });
    expect(round.statusCode).toBe(201);
    expect(round.json()).toMatchObject({ origin: 'manual', reviewStatus: 'confirmed' });
    const eu = (await get('/api/funding/calls?q=ECHE')).json().items[0];
    const euDetail = (await get(`/api/funding/calls/${eu.id}`)).json();
    const imported = await app.inject({
      method: 'PATCH',
      url: `/api/funding/calls/${eu.id}`,
      payload: { version: euDetail.version, title: 'x' },
      headers: office.headers,
    });
    expect(imported.json().code).toBe('IMPORTED_RECORD');
    const r0 = euDetail.rounds[0];
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/funding/rounds/${r0.id}`,
      payload: { version: r0.version, deadlineDate: '2030-01-01' },
      headers: office.headers,
    });
    expect(edit.json().code).toBe('NOT_MANUAL_ROUND');
    const confirm = await app.inject({
      method: 'PATCH',
      url: `/api/funding/rounds/${r0.id}`,
      payload: { version: r0.version, reviewStatus: 'confirmed' },
      headers: office.headers,
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().reviewStatus).toBe('confirmed');
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select(['entity_type', 'action'])
      .where('entity_type', 'like', 'funding_%')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity_type: 'funding_call', action: 'create' },
        { entity_type: 'funding_call', action: 'update' },
        { entity_type: 'funding_round', action: 'update' },
      ]),
    );
    const prog = await app.inject({
      method: 'POST',
      url: '/api/funding/programmes',
      payload: { title: 'Eigenes Programm', giverLevel: 'Land' },
      headers: office.headers,
    });
    expect(prog.statusCode).toBe(201);
  });

  it('serves the list template, the quarantine and the upload import with progress', async () => {
    const csv = await get('/api/funding/template.csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^aufruf_id;titel;/);
    const xlsx = await get('/api/funding/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Aufrufe', 'Hinweise']);
    const office = await signIn(env(), { role: 'office' });
    expect((await get('/api/funding/quarantine')).statusCode).toBe(401);
    const up = multipart(
      'upload.csv',
      'aufruf_id;titel;status;foerdergeber_ebene\nu-1;Hochgeladen;offen;Bund\nu-2;;offen;Bund\n',
    );
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/funding/import',
      payload: up.payload,
      headers: { ...up.headers, ...office.headers },
    });
    expect(res.statusCode).toBe(202);
    await env().ctx.jobs.runUntilIdle();
    const job = (await get(`/api/jobs/${res.json().jobId}`, { cookie: office.headers.cookie })).json();
    expect(job.error).toBeNull();
    expect(job.status).toBe('done');
    const stored = await env().ctx.jobs.get(res.json().jobId);
    expect(JSON.parse(stored?.result ?? '{}').counts).toMatchObject({ new: 1, rejected: 1 });
    // The import page reads the outcome (counts and the rejected rows with their reasons) here.
    const outcome = await get(`/api/funding/import/${res.json().jobId}`, { cookie: office.headers.cookie });
    expect(outcome.json()).toMatchObject({
      status: 'done',
      error: null,
      result: {
        importer: 'template-csv',
        counts: { new: 1, rejected: 1 },
        rowErrors: [expect.objectContaining({ row: 3 })],
      },
    });
    const partner = await signIn(env(), { role: 'partner' });
    expect(
      (await get(`/api/funding/import/${res.json().jobId}`, { cookie: partner.headers.cookie })).statusCode,
    ).toBe(403);
    expect((await get('/api/funding/import/999999', { cookie: office.headers.cookie })).statusCode).toBe(404);
    const q = (
      await get('/api/funding/quarantine?source=template', { cookie: office.headers.cookie })
    ).json();
    expect(q.items[0]).toMatchObject({ file: 'upload.csv', recordKey: 'row 3' });
    expect(await env().ctx.db.selectFrom('funding_uploads').selectAll().execute()).toEqual([]);
  });
});
