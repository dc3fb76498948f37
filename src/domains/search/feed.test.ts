import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { indexDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

const doc = (
  sourceId: number,
  title: string,
  date: string,
  bodyName: string,
  extra: Partial<SearchDocumentInput> = {},
): SearchDocumentInput => ({
  type: 'paper',
  sourceId,
  title,
  text: title,
  date,
  isPublic: true,
  ownerOrganizationId: null,
  bodyId: null,
  bodyName,
  committee: 'Bauausschuss',
  paperType: 'Vorlage',
  url: null,
  ...extra,
});

const titles = (xml: string) =>
  [...xml.matchAll(/<entry>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]).sort();

describeEachDb('Atom feed of a search with all its filters', (env) => {
  let mobility = 0;

  it('takes year and field of action like the search, and names them in its title', async () => {
    const { ctx, app } = env();
    mobility = (
      await ctx.db
        .insertInto('fields_of_action')
        .values({
          key: null,
          parent_id: null,
          name: 'Mobilität',
          description: null,
          rules_json: JSON.stringify({ terms: ['Radweg'], phrases: [], exclusions: [] }),
          sort_order: 0,
          source: null,
          created_at: nowIso(),
          updated_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await indexDocuments(ctx, [
      doc(1, 'Radweg an der Anger', '2025-03-01', 'Ratingen'),
      doc(2, 'Radweg am Stadtpark', '2024-05-01', 'Hilden'),
      doc(3, 'Radweg intern', '2025-04-01', 'Ratingen', { isPublic: false }),
      doc(4, 'Brückensanierung Anger', '2025-06-01', 'Ratingen', { committee: 'Hauptausschuss' }),
      doc(5, 'Radweg Sitzungsprotokoll', '2025-07-01', 'Ratingen', { type: 'meeting', paperType: null }),
    ]);
    const feed = async (query: Record<string, string>, headers?: Record<string, string>) => {
      const res = await app.inject({ method: 'GET', url: '/feeds/search.atom', query, headers });
      expect(res.statusCode, JSON.stringify(query)).toBe(200);
      return res.body;
    };
    // The same answer as the search with those filters.
    const search = async (query: Record<string, string>) =>
      (
        (await app.inject({ method: 'GET', url: '/api/search', query })).json() as {
          hits: { title: string }[];
        }
      ).hits
        .map((h) => h.title)
        .sort();
    const cases: Record<string, string>[] = [
      { q: 'Radweg' },
      { q: 'Radweg', year: '2025' },
      { q: 'Radweg', field: String(mobility) },
      { q: 'Radweg', field: String(mobility), year: '2024' },
      { q: 'Anger', committee: 'Hauptausschuss' },
      { q: 'Radweg', type: 'meeting' },
      { q: 'Radweg', paperType: 'Vorlage', body: 'Ratingen' },
    ];
    for (const c of cases) expect(titles(await feed(c)), JSON.stringify(c)).toEqual(await search(c));
    expect(titles(await feed({ q: 'Radweg', year: '2025' }))).toEqual([
      'Radweg Sitzungsprotokoll',
      'Radweg an der Anger',
    ]);
    expect(titles(await feed({ q: 'Radweg', field: String(mobility), year: '2024' }))).toEqual([
      'Radweg am Stadtpark',
    ]);
    const titled = await feed({ q: 'Radweg', year: '2025', field: String(mobility), body: 'Ratingen' });
    expect(titled).toContain('<title>Regiolotse – Suche: Radweg · Ratingen · Jahr 2025 · Mobilität</title>');
    // The office's feed holds the non-public paper, the anonymous one does not.
    const office = await signIn(env(), { role: 'office' });
    expect(titles(await feed({ q: 'Radweg', year: '2025', type: 'paper' }, office.headers))).toEqual([
      'Radweg an der Anger',
      'Radweg intern',
    ]);
    const bad = await app.inject({
      method: 'GET',
      url: '/feeds/search.atom',
      query: { q: 'Radweg', year: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
