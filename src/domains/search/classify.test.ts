import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { indexDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

const doc = (
  sourceId: number,
  title: string,
  text: string,
  bodyName: string,
  extra: Partial<SearchDocumentInput> = {},
): SearchDocumentInput => ({
  type: 'paper',
  sourceId,
  title,
  text,
  date: '2025-06-01',
  isPublic: true,
  ownerOrganizationId: null,
  bodyId: null,
  bodyName,
  committee: null,
  paperType: null,
  url: null,
  ...extra,
});

describeEachDb('fields-of-action classifier and radar', (env) => {
  let mobility = 0;
  let climate = 0;

  it('classifies indexed documents with the stemmed rules and shows matched words', async () => {
    const { ctx } = env();
    const field = async (name: string, rules: object) =>
      (
        await ctx.db
          .insertInto('fields_of_action')
          .values({
            key: null,
            parent_id: null,
            name,
            description: null,
            rules_json: JSON.stringify(rules),
            sort_order: 0,
            source: null,
            created_at: nowIso(),
            updated_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    mobility = await field('Mobilität', {
      terms: ['Radweg', 'Verkehr'],
      phrases: ['öffentlicher Nahverkehr'],
      exclusions: ['Verkehrsrecht'],
    });
    climate = await field('Klimaschutz', {
      terms: ['Klimaschutz', 'Photovoltaik'],
      phrases: [],
      exclusions: [],
    });
    await indexDocuments(ctx, [
      doc(1, 'Radwegekonzept', 'Neue Radwege und weniger Verkehr.', 'Ratingen'),
      doc(2, 'Photovoltaik auf Schuldächern', 'Klimaschutz durch Photovoltaik.', 'Mettmann'),
      doc(3, 'Schulessen', 'Im öffentlichen Nahverkehr wird nicht gegessen; der Verkehr ruht.', 'Mettmann'),
      doc(4, 'Verkehrsrecht', 'Radwege im Verkehrsrecht', 'Ratingen'),
      doc(5, 'Haushalt', 'Einmal Verkehr erwähnt.', 'Hilden'),
      doc(6, 'Photovoltaikanlage Rathaus', 'Photovoltaik für das Rathaus.', 'Ratingen', { isPublic: false }),
    ]);
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/classifications',
      query: { type: 'paper', id: '1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        fieldId: mobility,
        name: 'Mobilität',
        score: 5,
        matchedTerms: ['Radwegekonzept', 'Radwege', 'Verkehr'],
      },
    ]);
    const three = await env().app.inject({
      method: 'GET',
      url: '/api/classifications',
      query: { type: 'paper', id: '3' },
    });
    expect(three.json().items[0].matchedTerms).toEqual(['öffentlichen Nahverkehr', 'Verkehr']);
    for (const id of ['4', '5']) {
      const r = await env().app.inject({
        method: 'GET',
        url: '/api/classifications',
        query: { type: 'paper', id },
      });
      expect(r.json().items, id).toEqual([]);
    }
    const hidden = await env().app.inject({
      method: 'GET',
      url: '/api/classifications',
      query: { type: 'paper', id: '6' },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('offers fields of action as search facet and filter', async () => {
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/search',
      query: { q: 'Photovoltaik OR Radweg' },
    });
    expect(res.json().facets.field).toEqual(
      [
        { value: String(climate), count: 1, label: 'Klimaschutz' },
        { value: String(mobility), count: 1, label: 'Mobilität' },
      ].sort((a, b) => a.value.localeCompare(b.value)),
    );
    const only = await env().app.inject({
      method: 'GET',
      url: '/api/search',
      query: { q: 'Photovoltaik OR Radweg', field: String(climate) },
    });
    expect(only.json().hits.map((h: { id: number }) => h.id)).toEqual([2]);
  });

  it('re-classifies everything with the job after the rules change', async () => {
    const { ctx } = env();
    await ctx.db
      .updateTable('fields_of_action')
      .set({ rules_json: JSON.stringify({ terms: ['Schule'], phrases: [], exclusions: [] }) })
      .where('id', '=', climate)
      .execute();
    const jobId = await ctx.jobs.enqueue('search.reclassify', {});
    await ctx.jobs.runUntilIdle();
    const job = await ctx.jobs.get(jobId);
    expect(job?.status).toBe('done');
    expect(job?.progress_done).toBe(6);
    const two = await env().app.inject({
      method: 'GET',
      url: '/api/classifications',
      query: { type: 'paper', id: '2' },
    });
    expect(two.json().items).toEqual([
      { fieldId: climate, name: 'Klimaschutz', score: 3, matchedTerms: ['Schuldächern'] },
    ]);
    const again = await ctx.jobs.enqueue('search.reclassify', {});
    await ctx.jobs.runUntilIdle();
    expect(JSON.parse((await ctx.jobs.get(again))?.result ?? '{}')).toEqual({ skipped: true });
  });

  it('shows topics several bodies deal with on the radar, visibility-filtered', async () => {
    const anon = await env().app.inject({
      method: 'GET',
      url: '/api/radar',
      query: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(anon.statusCode).toBe(200);
    const body = anon.json();
    expect(body.documents).toBe(5);
    const mob = body.topics.find(
      (t: { kind: string; key: string }) => t.kind === 'field' && t.key === String(mobility),
    );
    expect(mob.bodies).toEqual([
      { body: 'Mettmann', count: 1 },
      { body: 'Ratingen', count: 1 },
    ]);
    const pv = body.topics.find(
      (t: { kind: string; label: string }) => t.kind === 'term' && t.label.startsWith('Photovoltaik'),
    );
    expect(pv).toBeUndefined();
    const office = await signIn(env(), { role: 'office' });
    const seen = (
      await env().app.inject({
        method: 'GET',
        url: '/api/radar',
        query: { from: '2025-01-01', to: '2025-12-31' },
        headers: office.headers,
      })
    ).json();
    expect(seen.documents).toBe(6);
    const bad = await env().app.inject({
      method: 'GET',
      url: '/api/radar',
      query: { from: '2025-12-01', to: '2025-01-01' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
