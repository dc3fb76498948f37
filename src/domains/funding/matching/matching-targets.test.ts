import { expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { indexDocuments } from '../../search/indexer.js';
import { makeCall, makeOrganization, makeRound } from '../alerts/test-data.js';

interface Item {
  callId: number;
  score: number;
  reasons: string[];
  verdict: string | null;
}

describeEachDb(
  'funding matching against organisation profiles, council papers and edited projects',
  (env) => {
    it('ranks calls for an organisation profile, with reasons, and re-ranks them after its feedback', async () => {
      const { db } = env().ctx;
      const org = await makeOrganization(db, 'Stadt Ratingen');
      const climate = await makeCall(db, {
        title: 'Klimaanpassung in Kommunen',
        text: 'Gefördert werden Hitzeschutz, Entsiegelung und Begrünung kommunaler Flächen.',
        fields: ['climate'],
        applicants: ['Kommunen'],
        regions: ['Nordrhein-Westfalen'],
      });
      await makeRound(db, climate, new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      const energy = await makeCall(db, {
        title: 'Energieberatung für Kommunen',
        fields: ['climate', 'energy'],
        applicants: ['Kommunen'],
      });
      const bavaria = await makeCall(db, {
        title: 'Klimaschutz Bayern',
        fields: ['climate'],
        applicants: ['Kommunen'],
        regions: ['Bayern'],
      });
      const firms = await makeCall(db, { title: 'KMU-Klimabonus', fields: ['climate'], applicants: ['KMU'] });

      const partner = await signIn(env(), { role: 'partner', organizationId: org });
      const other = await signIn(env(), { role: 'partner', organizationId: await makeOrganization(db) });
      const get = (url: string, headers: Record<string, string>) =>
        env().app.inject({ method: 'GET', url, headers });

      const empty = await get(`/api/funding/org-profiles/${org}`, partner.headers);
      expect(empty.json()).toMatchObject({
        organizationId: org,
        organizationName: 'Stadt Ratingen',
        fieldsOfAction: [],
        updatedAt: null,
      });
      expect((await get(`/api/funding/org-profiles/${org}`, other.headers)).statusCode).toBe(403);
      expect((await get(`/api/funding/org-profiles/${org}`, {})).statusCode).toBe(401);

      const put = await env().app.inject({
        method: 'PUT',
        url: `/api/funding/org-profiles/${org}`,
        headers: partner.headers,
        payload: { applicantType: 'Kommune', regionAgs: '05158028', fieldsOfAction: ['climate'] },
      });
      expect(put.statusCode, put.body).toBe(200);
      const stored = (await get(`/api/funding/org-profiles/${org}`, partner.headers)).json();
      expect(stored).toMatchObject({
        applicantType: 'Kommune',
        regionAgs: '05158028',
        fieldsOfAction: ['climate'],
      });

      const first = await get(`/api/funding/matches?organization=${org}`, partner.headers);
      expect(first.statusCode).toBe(200);
      expect(first.json().feedbackOrganizationId).toBe(org);
      const items: Item[] = first.json().items;
      const ids = items.map((i) => i.callId);
      expect(ids[0]).toBe(climate);
      expect(ids).toContain(energy);
      expect(ids).not.toContain(bavaria); // a Ratingen AGS is not in Bayern
      expect(ids).not.toContain(firms); // a municipality is no SME
      expect(items[0].reasons).toEqual(
        expect.arrayContaining([
          'Handlungsfeld climate',
          'antragsberechtigt: Kommunen',
          'Region NRW',
          'Frist in 30 Tagen',
        ]),
      );
      expect(items.every((i) => i.verdict === null)).toBe(true);

      const fb = await env().app.inject({
        method: 'POST',
        url: '/api/funding/match-feedback',
        headers: partner.headers,
        payload: { callId: energy, organizationId: org, relevant: true },
      });
      expect(fb.statusCode).toBe(200);
      const foreign = await env().app.inject({
        method: 'POST',
        url: '/api/funding/match-feedback',
        headers: other.headers,
        payload: { callId: energy, organizationId: org, relevant: false },
      });
      expect(foreign.statusCode).toBe(403);
      const after: Item[] = (await get(`/api/funding/matches?organization=${org}`, partner.headers)).json()
        .items;
      expect(after[0]).toMatchObject({ callId: energy, verdict: 'relevant' });
      expect(after[0].reasons).toContain('von Ihrer Organisation als relevant markiert');
      expect(after[0].score).toBeGreaterThan(items.find((i) => i.callId === energy)!.score);
    });

    it('matches calls to a council paper by the fields of action its text was classified into', async () => {
      const { ctx } = env();
      const at = nowIso();
      const field = await ctx.db
        .insertInto('fields_of_action')
        .values({
          key: 'mobility-test',
          parent_id: null,
          name: 'Mobilität (Test)',
          description: null,
          rules_json: JSON.stringify({ terms: ['Radweg', 'Radverkehr'], phrases: [], exclusions: [] }),
          sort_order: 0,
          source: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const paper = (sourceId: number, title: string, text: string, isPublic = true) => ({
        type: 'paper',
        sourceId,
        title,
        text,
        date: '2026-06-01',
        isPublic,
        ownerOrganizationId: null,
        bodyId: null,
        bodyName: 'Ratingen',
        committee: null,
        paperType: null,
        url: null,
      });
      await indexDocuments(ctx, [
        paper(
          880_001,
          'Radwegekonzept Ratingen',
          'Der Ausschuss beschließt den Ausbau der Radwege und des Radverkehrs.',
        ),
        paper(880_002, 'Radweg am Rathaus', 'Nichtöffentliche Beratung über den Radweg.', false),
      ]);
      const doc = await ctx.db
        .selectFrom('search_documents')
        .select('fields_of_action')
        .where('doc_type', '=', 'paper')
        .where('source_id', '=', 880_001)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(doc.fields_of_action)).toContain(field.id);

      const bike = await makeCall(ctx.db, { title: 'Förderaufruf Nahmobilität', fields: ['mobility-test'] });
      const unrelated = await makeCall(ctx.db, { title: 'Museumsförderung', fields: ['culture-test'] });
      const res = await env().app.inject({
        method: 'GET',
        url: '/api/funding/matches?paper=880001',
        headers: (await signIn(env(), { role: 'reader' })).headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().feedbackOrganizationId).toBeNull();
      const items: Item[] = res.json().items;
      expect(items.map((i) => i.callId)).toContain(bike);
      expect(items.map((i) => i.callId)).not.toContain(unrelated);
      expect(items.find((i) => i.callId === bike)?.reasons).toContain('Handlungsfeld Mobilität (Test)');

      const hidden = await env().app.inject({
        method: 'GET',
        url: '/api/funding/matches?paper=880002',
        headers: (await signIn(env(), { role: 'partner', organizationId: await makeOrganization(ctx.db) }))
          .headers,
      });
      expect(hidden.statusCode).toBe(404);
      const office = await signIn(env(), { role: 'office' });
      const seen = await env().app.inject({
        method: 'GET',
        url: '/api/funding/matches?paper=880002',
        headers: office.headers,
      });
      expect(seen.json().items.map((i: Item) => i.callId)).toContain(bike);
    });

    it('edits a project with its version: a stale version is a conflict, another organisation may not', async () => {
      const { db } = env().ctx;
      const org = await makeOrganization(db);
      const partner = await signIn(env(), { role: 'partner', organizationId: org });
      const stranger = await signIn(env(), { role: 'partner', organizationId: await makeOrganization(db) });
      const created = await env().app.inject({
        method: 'POST',
        url: '/api/funding/projects',
        headers: partner.headers,
        payload: { title: 'Quartiersgarage', fieldsOfAction: ['mobility'], isPublic: true },
      });
      const id = created.json().id as number;
      const project = (
        await env().app.inject({
          method: 'GET',
          url: `/api/funding/projects/${id}`,
          headers: partner.headers,
        })
      ).json();
      expect(project).toMatchObject({ id, title: 'Quartiersgarage', ownerOrganizationId: org, version: 1 });

      const patch = (headers: Record<string, string>, payload: object) =>
        env().app.inject({ method: 'PATCH', url: `/api/funding/projects/${id}`, headers, payload });
      const changed = await patch(partner.headers, {
        version: project.version,
        title: 'Quartiersgarage mit Ladepunkten',
        fieldsOfAction: ['mobility', 'energy'],
        regionAgs: '05158004',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        title: 'Quartiersgarage mit Ladepunkten',
        fieldsOfAction: ['mobility', 'energy'],
        regionAgs: '05158004',
        version: 2,
      });
      const stale = await patch(partner.headers, { version: 1, title: 'Überschrieben' });
      expect(stale.statusCode).toBe(409);
      expect((await patch(stranger.headers, { version: 2, title: 'Fremd' })).statusCode).toBe(403);
      const row = await db
        .selectFrom('funding_projects')
        .select(['title', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ title: 'Quartiersgarage mit Ladepunkten', version: 2 });
      const audit = await db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'funding_project')
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    });
  },
);
