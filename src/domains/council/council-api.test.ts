import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { loadFixtures } from '../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../test/oparl-server/server.js';
import { councilMigrations } from './migrations.js';
import { syncSource } from './oparl/sync-source.js';

const client = { timeoutMs: 5_000, retries: 1, backoffMs: 5, politenessDelayMs: 0, concurrencyPerHost: 2 };

let source: OParlTestServer;
beforeAll(async () => {
  source = await startOParlServer(loadFixtures(), {
    pageSize: 50,
    faults: { invalidObjects: ['0001/papers'] },
  });
});
afterAll(async () => source.close());

describeEachDb('council API', (env) => {
  let hidden: { id: number; oparl_id: string };
  let shown: { id: number; oparl_id: string };
  let karlsruhe: number;
  beforeAll(async () => {
    const { ctx } = env();
    await syncSource(ctx, source.systemUrl, { client });
    // A paper with consultations and files, made non-public, and one that stays public.
    const withConsultations = await ctx.db
      .selectFrom('council_papers as p')
      .innerJoin('council_consultations as c', 'c.paper_oparl_id', 'p.oparl_id')
      .innerJoin('council_files as f', 'f.parent_oparl_id', 'p.oparl_id')
      .select(['p.id', 'p.oparl_id'])
      .where('f.is_public', '=', 1)
      .groupBy(['p.id', 'p.oparl_id'])
      .orderBy('p.id')
      .limit(2)
      .execute();
    [hidden, shown] = withConsultations;
    await ctx.db.updateTable('council_papers').set({ is_public: 0 }).where('id', '=', hidden.id).execute();
    karlsruhe = (
      await ctx.db
        .selectFrom('council_bodies')
        .select('id')
        .where('name', '=', 'Stadt Karlsruhe')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('shows a public paper with its consultation timeline, files and source link', async () => {
    const res = await env().app.inject({ method: 'GET', url: `/api/papers/${shown.id}` });
    expect(res.statusCode).toBe(200);
    const paper = res.json();
    expect(paper.sourceUrl).toBe(shown.oparl_id);
    expect(paper.consultations.length).toBeGreaterThan(0);
    expect(paper.files.length).toBeGreaterThan(0);
    const dates = paper.consultations.map((c: { date: string | null }) => c.date).filter(Boolean);
    expect([...dates].sort()).toEqual(dates);
    expect(paper.body).toMatchObject({ name: 'Stadt Karlsruhe' });
  });

  it('links search hits of papers, meetings and committees to their pages, also in indexes made before', async () => {
    const { ctx } = env();
    const urlOf = async (docType: string, id: number) =>
      (
        await ctx.db
          .selectFrom('search_documents')
          .select('url')
          .where('doc_type', '=', docType)
          .where('source_id', '=', id)
          .executeTakeFirstOrThrow()
      ).url;
    expect(await urlOf('paper', shown.id)).toBe(`/council/papers/${shown.id}`);
    const meeting = await ctx.db
      .selectFrom('council_meetings')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(await urlOf('meeting', meeting.id)).toBe(`/council/meetings/${meeting.id}`);
    // An index written before: the OParl JSON as link; the migration points it to the page.
    await ctx.db
      .updateTable('search_documents')
      .set({ url: shown.oparl_id })
      .where('doc_type', '=', 'paper')
      .where('source_id', '=', shown.id)
      .execute();
    await councilMigrations['2026120141_council_search_urls']!.up(
      ctx.db as unknown as Kysely<unknown>,
      ctx.dialect,
    );
    expect(await urlOf('paper', shown.id)).toBe(`/council/papers/${shown.id}`);
  });

  it('shows results of the consultations, fields of action with matched terms and parsed Vorlage fields', async () => {
    const { ctx } = env();
    const decided = await ctx.db
      .selectFrom('council_consultations as c')
      .innerJoin('council_agenda_items as a', 'a.oparl_id', 'c.agenda_item_oparl_id')
      .innerJoin('council_papers as p', 'p.oparl_id', 'c.paper_oparl_id')
      .select(['p.id', 'p.name', 'a.result', 'a.number', 'c.id as consultation'])
      .where('a.result', 'is not', null)
      .where('p.id', '!=', hidden.id)
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    // A field of action whose term is a word of the paper's title; the reclassify job applies it.
    const word = (decided.name ?? '').split(/[^A-Za-zÄÖÜäöüß]+/).find((w) => w.length >= 6)!;
    const at = new Date().toISOString();
    const field = await ctx.db
      .insertInto('fields_of_action')
      .values({
        key: null,
        parent_id: null,
        name: 'Testfeld',
        description: null,
        rules_json: JSON.stringify({ terms: [word], phrases: [], exclusions: [] }),
        sort_order: 0,
        source: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.jobs.enqueue('search.reclassify', { force: true });
    await ctx.jobs.runUntilIdle();
    await ctx.db
      .updateTable('council_papers')
      .set({
        departments_json: JSON.stringify(['Stadtplanungsamt']),
        handler: 'Frau Beispiel',
        file_reference: '61-12',
        impacts_json: JSON.stringify({
          financial: 'yes',
          personnel: 'no',
          organisational: 'unknown',
          keyFigures: 'no',
        }),
      })
      .where('id', '=', decided.id)
      .execute();
    const paper = (await env().app.inject({ method: 'GET', url: `/api/papers/${decided.id}` })).json();
    const c = paper.consultations.find((x: { id: number }) => x.id === decided.consultation);
    expect(c).toMatchObject({ result: decided.result, agendaItem: decided.number });
    expect(paper.fieldsOfAction).toContainEqual({ id: field.id, name: 'Testfeld', matchedTerms: [word] });
    expect(paper).toMatchObject({
      department: 'Stadtplanungsamt',
      handler: 'Frau Beispiel',
      fileReference: '61-12',
      impacts: { financial: 'yes', personnel: 'no', organisational: 'unknown', keyFigures: 'no' },
    });
    // What does not parse is shown as not known, never as a guess.
    await ctx.db
      .updateTable('council_papers')
      .set({ impacts_json: '{"financial":"vielleicht"}' })
      .where('id', '=', decided.id)
      .execute();
    const again = (await env().app.inject({ method: 'GET', url: `/api/papers/${decided.id}` })).json();
    expect(again.impacts).toBeNull();
    await ctx.db.deleteFrom('classifications').where('field_id', '=', field.id).execute();
    await ctx.db.deleteFrom('fields_of_action').where('id', '=', field.id).execute();
  });

  it('hides a non-public paper from anonymous users but not from the office', async () => {
    const anon = await env().app.inject({ method: 'GET', url: `/api/papers/${hidden.id}` });
    expect(anon.statusCode).toBe(404);
    const office = await signIn(env(), { role: 'office' });
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/papers/${hidden.id}`,
      headers: office.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().isPublic).toBe(false);
    const list = await env().app.inject({ method: 'GET', url: '/api/council/bodies' });
    const listed = list.json().items.find((b: { id: number }) => b.id === karlsruhe);
    const body = await env().app.inject({ method: 'GET', url: `/api/council/bodies/${karlsruhe}` });
    expect(listed.papers).toBe(body.json().counts.papers);
    const bodyOffice = await env().app.inject({
      method: 'GET',
      url: `/api/council/bodies/${karlsruhe}`,
      headers: office.headers,
    });
    expect(bodyOffice.json().counts.papers).toBe(body.json().counts.papers + 1);
  });

  it('shows a meeting with its agenda and links only to visible papers', async () => {
    const { ctx } = env();
    const m = await ctx.db
      .selectFrom('council_meetings as m')
      .innerJoin('council_agenda_items as a', 'a.meeting_oparl_id', 'm.oparl_id')
      .select('m.id')
      .groupBy('m.id')
      .orderBy('m.id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const res = await env().app.inject({ method: 'GET', url: `/api/meetings/${m.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().agenda.length).toBeGreaterThan(0);
    const leaked = JSON.stringify(res.json()).includes(`"id":${hidden.id},"name"`);
    expect(leaked).toBe(false);
    expect((await env().app.inject({ method: 'GET', url: '/api/meetings/0' })).statusCode).toBe(400);
    expect((await env().app.inject({ method: 'GET', url: '/api/meetings/99999999' })).statusCode).toBe(404);
  });

  it('shows a committee with its meetings', async () => {
    const { ctx } = env();
    const withMeetings = await ctx.db
      .selectFrom('council_meetings')
      .select('organization_ids_json')
      .where('organization_ids_json', 'is not', null)
      .executeTakeFirstOrThrow();
    const orgOparlId = (JSON.parse(withMeetings.organization_ids_json ?? '[]') as string[])[0];
    const org = await ctx.db
      .selectFrom('council_organizations')
      .select('id')
      .where('oparl_id', '=', orgOparlId)
      .executeTakeFirst();
    if (!org) return;
    const res = await env().app.inject({ method: 'GET', url: `/api/council/organizations/${org.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().meetings.length).toBeGreaterThan(0);
  });

  it('serves public meetings as iCalendar with stable UIDs', async () => {
    const { ctx } = env();
    const url = `/feeds/meetings.ics?body=${karlsruhe}`;
    const a = await env().app.inject({ method: 'GET', url });
    expect(a.statusCode).toBe(200);
    expect(a.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(a.body));
    const events = cal.getAllSubcomponents('vevent');
    const expected = await ctx.db
      .selectFrom('council_meetings')
      .select('id')
      .where('start_at', 'is not', null)
      .where('deleted', '=', 0)
      .where('body_oparl_id', 'like', '%/bodies/0001')
      .execute();
    expect(events).toHaveLength(expected.length);
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
    const again = new ICAL.Component(ICAL.parse((await env().app.inject({ method: 'GET', url })).body));
    expect(again.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')))).toEqual(
      uids,
    );
    expect((await env().app.inject({ method: 'GET', url: '/feeds/meetings.ics' })).statusCode).toBe(400);
    expect(
      (await env().app.inject({ method: 'GET', url: '/feeds/meetings.ics?body=99999' })).statusCode,
    ).toBe(404);
  });

  it('lets only the office manage sources, start a sync job and read the quarantine', async () => {
    const { ctx, app } = env();
    expect((await app.inject({ method: 'GET', url: '/api/oparl-sources' })).statusCode).toBe(401);
    const reader = await signIn(env(), { role: 'reader' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/oparl-sources', headers: reader.headers })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'GET', url: '/api/council/quarantine', headers: reader.headers }))
        .statusCode,
    ).toBe(403);
    const office = await signIn(env(), { role: 'office' });
    const list = await app.inject({ method: 'GET', url: '/api/oparl-sources', headers: office.headers });
    expect(list.statusCode).toBe(200);
    const [src] = list.json().items;
    expect(src.counts.Paper).toBeGreaterThan(30);
    expect(src.lastSyncStatus).toBe('ok');
    const added = await app.inject({
      method: 'POST',
      url: '/api/oparl-sources',
      headers: office.headers,
      payload: { systemUrl: 'https://ris.example.org/oparl/system' },
    });
    expect(added.statusCode).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/oparl-sources',
      headers: office.headers,
      payload: { systemUrl: 'https://ris.example.org/oparl/system' },
    });
    expect(again.statusCode).toBe(409);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/oparl-sources',
      headers: office.headers,
      payload: { systemUrl: 'ftp://nope.example' },
    });
    expect(bad.statusCode).toBe(400);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'council_source')
      .execute();
    expect(audit).toEqual([{ action: 'create' }]);

    const q = await app.inject({ method: 'GET', url: '/api/council/quarantine', headers: office.headers });
    expect(q.statusCode).toBe(200);
    expect(q.json().total).toBe(4);
    expect(q.json().items.map((i: { reason: string }) => i.reason)).toContain('not a JSON object');

    await ctx.db
      .updateTable('council_sources')
      .set({ request_delay_ms: 0, timeout_ms: 5_000 })
      .where('id', '=', src.id)
      .execute();
    const sync = await app.inject({
      method: 'POST',
      url: `/api/oparl-sources/${src.id}/sync`,
      headers: office.headers,
    });
    expect(sync.statusCode).toBe(202);
    await ctx.jobs.runUntilIdle();
    const job = await ctx.jobs.get(sync.json().jobId);
    expect(job?.status).toBe('done');
    expect(JSON.parse(job?.result ?? '{}').sources[0]).toMatchObject({ sourceId: src.id, status: 'ok' });
    // The re-sync met the same invalid objects: counted again, not duplicated.
    const q2 = await app.inject({ method: 'GET', url: '/api/council/quarantine', headers: office.headers });
    expect(q2.json().total).toBe(4);
    expect(q2.json().items.every((i: { count: number }) => i.count === 2)).toBe(true);
  });
});
