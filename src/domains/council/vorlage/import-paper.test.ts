import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadFixtures } from '../../../../bench/parser-fixtures.js';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { systemActor } from '../../access/actor.js';
import { ImportPaperError, importParsedPaper } from './import-paper.js';
import { parseVorlageText } from './parse-vorlage.js';

const fixture = loadFixtures().find((f) => f.name.includes('149946'))!;
const bytes = new Uint8Array(readFileSync(fixture.textPath));
const { paper } = parseVorlageText(Buffer.from(bytes).toString('utf8'));
const actor = systemActor('test');

describeEachDb('vorlage import', (env) => {
  it('creates a local paper with its Beratungsfolge, indexes it and updates it on re-import', async () => {
    const { db } = env().ctx;
    const first = await importParsedPaper(env().ctx, actor, { paper, fileBytes: bytes });
    expect(first).toMatchObject({ mode: 'created', consultations: 3 });
    const row = await db
      .selectFrom('council_papers')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      reference: '2014/0327',
      paper_date: '2014-12-05',
      decision_kind: 'Beschluss',
      is_public: 1,
    });
    expect(JSON.parse(row.impacts_json!)).toEqual(paper.impacts);
    const cons = await db
      .selectFrom('council_consultations')
      .select(['name', 'role'])
      .where('paper_oparl_id', '=', first.oparlId)
      .orderBy('oparl_id')
      .execute();
    expect(cons.map((c) => [c.name, c.role])).toEqual([
      ['Ausschuss für Wirtschaftsförderung', 'Vorberatung'],
      ['Hauptausschuss', 'Vorberatung'],
      ['Gemeinderat', 'Entscheidung'],
    ]);
    const doc = await db
      .selectFrom('search_documents')
      .select(['title', 'text'])
      .where('doc_type', '=', 'paper')
      .where('source_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(doc.title).toBe(paper.title);
    expect(doc.text).toContain('Kreativpark Alter Schlachthof');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'council_paper')
      .execute();
    expect(audit.map((a) => a.action)).toContain('create');

    const again = await importParsedPaper(env().ctx, actor, { paper, fileBytes: bytes });
    expect(again).toMatchObject({ id: first.id, mode: 'updated' });
    const count = await db
      .selectFrom('council_consultations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('paper_oparl_id', '=', first.oparlId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('fills the parsed fields of an OParl paper with the same reference and leaves its OParl data alone', async () => {
    const { db } = env().ctx;
    const now = new Date().toISOString();
    const source = await db
      .insertInto('council_sources')
      .values({
        system_url: 'https://oparl.example/system',
        name: 'Beispiel',
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
    const other = { ...paper, reference: '2099/0001' };
    const inserted = await db
      .insertInto('council_papers')
      .values({
        oparl_id: 'https://oparl.example/paper/1',
        source_id: source.id,
        body_oparl_id: null,
        name: 'OParl-Name',
        raw_json: '{}',
        oparl_created: null,
        oparl_modified: null,
        deleted: 0,
        quirks_json: null,
        is_public: 1,
        owner_organization_id: null,
        created_at: now,
        updated_at: now,
        reference: '2099/0001',
        paper_date: '2099-01-02',
        paper_type: 'Beschlussvorlage',
        main_file_oparl_id: null,
        under_direction_of_json: null,
        decision_kind: null,
        file_reference: null,
        departments_json: null,
        draft_resolution: null,
        statement_of_facts: null,
        impacts_json: null,
        parse_confidence_json: null,
        parsed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const result = await importParsedPaper(env().ctx, actor, {
      paper: other,
      fileBytes: new Uint8Array([1, 2, 3]),
    });
    expect(result).toMatchObject({ id: inserted.id, mode: 'enriched' });
    const row = await db
      .selectFrom('council_papers')
      .selectAll()
      .where('id', '=', inserted.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'OParl-Name', paper_date: '2099-01-02', decision_kind: 'Beschluss' });
    expect(row.draft_resolution).toContain('Wachstums- und Festigungszentrums');
    // The OParl record comes back so that the route can say which source each field comes from.
    expect(result.oparl).toEqual({
      reference: '2099/0001',
      name: 'OParl-Name',
      date: '2099-01-02',
      paperType: 'Beschlussvorlage',
    });
    const detail = await env().app.inject({
      method: 'GET',
      url: `/api/papers/${inserted.id}`,
      headers: (await signIn(env(), { role: 'office' })).headers,
    });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().fieldSources).toMatchObject({
      reference: 'oparl',
      title: 'oparl',
      date: 'oparl',
      paperType: 'oparl',
      decisionKind: 'text',
      draftResolution: 'text',
    });
  });

  it('refuses an unknown body', async () => {
    await expect(
      importParsedPaper(env().ctx, actor, { paper, fileBytes: bytes, bodyName: 'Nirgendwo' }),
    ).rejects.toBeInstanceOf(ImportPaperError);
  });
});
