import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { garbagePdf, makeTextPdf } from '../../../../bench/pdf-make.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { nowIso } from '../../../infra/db/columns.js';

const shared = join(process.cwd(), '..', 'shared');
const karlsruhe = readFileSync(join(shared, 'vorlagen', 'karlsruhe_file-149946_paper-33762.txt'));
const seedText = readFileSync(join(shared, 'seed', '000_8d16cf350a602a70.txt'), 'utf8');

function upload(file: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const boundary = '----regiolotse-vorlage-test';
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const payload = Buffer.concat([
    Buffer.from(
      `${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDb('POST /api/papers/import', (env) => {
  let office: Record<string, string>;
  let seedPdf: Uint8Array;
  const post = (body: ReturnType<typeof upload>, headers: Record<string, string> = office) =>
    env().app.inject({
      method: 'POST',
      url: '/api/papers/import',
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });

  beforeAll(async () => {
    office = (await signIn(env(), { role: 'office' })).headers;
    seedPdf = await makeTextPdf(seedText);
  });

  it('stores a real Karlsruhe text Vorlage with its Beratungsfolge and confidences', async () => {
    const res = await post(upload(karlsruhe, 'vorlage.txt'));
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ mode: 'created', source: 'text', layout: 'karlsruhe' });
    expect(out.paper.reference).toBe('2014/0327');
    expect(out.paper.consultations.map((c: { committee: string }) => c.committee)).toEqual([
      'Ausschuss für Wirtschaftsförderung',
      'Hauptausschuss',
      'Gemeinderat',
    ]);
    expect(out.paper.confidence.reference).toBeGreaterThan(0.5);
    const page = await env().app.inject({ method: 'GET', url: `/api/papers/${out.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().reference).toBe('2014/0327');
    // An uploaded paper without OParl record: every field comes from the Vorlage text.
    expect(out.fieldSources).toMatchObject({ reference: 'text', title: 'text', consultations: 'text' });
    expect(out.conflicts).toEqual([]);
    expect(page.json().fieldSources).toMatchObject({
      reference: 'text',
      title: 'text',
      department: 'text',
      consultations: 'text',
      paperType: null,
    });
    const again = await post(upload(karlsruhe, 'vorlage.txt'));
    expect(again.json()).toMatchObject({ id: out.id, mode: 'updated' });
  });

  it('reads a PDF made with pdf-lib and files it under the named body', async () => {
    const { db } = env().ctx;
    const now = nowIso();
    const source = await db
      .insertInto('council_sources')
      .values({
        system_url: 'https://example.org/oparl',
        name: 'Test',
        oparl_version: null,
        last_sync_started_at: null,
        last_sync_finished_at: null,
        last_sync_status: null,
        last_error: null,
        counts_json: null,
        error_count: 0,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('council_bodies')
      .values({
        oparl_id: 'https://example.org/oparl/body/1',
        source_id: source.id,
        body_oparl_id: null,
        name: 'Landeshauptstadt Düsseldorf',
        short_name: 'Düsseldorf',
        ags: null,
        website: null,
        system_oparl_id: null,
        raw_json: '{}',
        oparl_created: null,
        oparl_modified: null,
        deleted: 0,
        quirks_json: null,
        is_public: 1,
        owner_organization_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const res = await post(upload(seedPdf, 'vorlage.pdf', { body: 'Düsseldorf' }));
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ source: 'pdf', mode: 'created' });
    expect(out.pages).toBeGreaterThan(0);
    expect(out.paper).toMatchObject({
      reference: '10/036/2018',
      date: '2018-08-23',
      handler: 'Girard, Marcel',
    });
    // Ticks are lost in extracted text: the parser says so instead of guessing.
    expect(out.paper.impacts.financial).toBe('unknown');
    const row = await db
      .selectFrom('council_papers')
      .select(['body_oparl_id', 'owner_organization_id'])
      .where('id', '=', out.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ body_oparl_id: 'https://example.org/oparl/body/1', owner_organization_id: null });
    const unknownBody = await post(upload(seedPdf, 'vorlage.pdf', { body: 'Nirgendwo' }));
    expect(unknownBody.statusCode).toBe(400);
    expect(unknownBody.json()).toMatchObject({ code: 'BODY_NOT_FOUND' });
  });

  it('refuses garbage, broken PDFs, empty and binary files with a German and English message', async () => {
    const random = garbagePdf().slice(9);
    const cases: [Uint8Array, string, string][] = [
      [random, 'x.txt', 'NOT_A_VORLAGE'],
      [garbagePdf(), 'x.pdf', 'PDF_CORRUPT'],
      [new Uint8Array(0), 'leer.txt', 'NOT_A_VORLAGE'],
      [Buffer.from('Einkaufsliste: Milch, Brot\n'), 'liste.txt', 'NOT_A_VORLAGE'],
      [Buffer.from([0xff, 0xfe, 0x41, 0x42]), 'x.txt', 'NOT_A_VORLAGE'],
    ];
    for (const [bytes, name, code] of cases) {
      const res = await post(upload(bytes, name));
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body.code).toMatch(code === 'PDF_CORRUPT' ? /^PDF_/ : code);
      expect(body.message).toBeTruthy();
      expect(body.messageDe).toBeTruthy();
      expect(body.messageDe).not.toBe(body.message);
    }
    const count = await env()
      .ctx.db.selectFrom('council_papers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('answers 401 to anonymous visitors and 403 to readers; a partner becomes the owner', async () => {
    const anon = await post(upload(karlsruhe, 'vorlage.txt'), {});
    expect(anon.statusCode).toBe(401);
    const reader = (await signIn(env(), { role: 'reader' })).headers;
    expect((await post(upload(karlsruhe, 'vorlage.txt'), reader)).statusCode).toBe(403);
    const noCsrf = await post(upload(karlsruhe, 'vorlage.txt'), { cookie: office.cookie! });
    expect(noCsrf.statusCode).toBe(403);

    const now = nowIso();
    const org = await env()
      .ctx.db.insertInto('organizations')
      .values({
        name: 'Stadt Hilden',
        name_search: 'stadt hilden',
        kind: 'partner',
        is_public: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const partner = (await signIn(env(), { role: 'partner', organizationId: org.id })).headers;
    const text = Buffer.from(seedText.replace('10/036/2018', '10/099/2018'));
    const res = await post(upload(text, 'eigene.txt'), partner);
    expect(res.statusCode, res.body).toBe(200);
    const row = await env()
      .ctx.db.selectFrom('council_papers')
      .select('owner_organization_id')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.owner_organization_id).toBe(org.id);
  });
});
