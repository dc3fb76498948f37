import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { postgresTuning } from './engine-postgres.js';
import { EXACT_FACETS_MAX } from './facet-count.js';
import { indexDocuments, removeDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

// Large result sets take the paths small test corpora never reach: facet counts estimated from
// id buckets, relevance among the newest matches, date order read from the index's end.
const DOCS = 6_000;
const bodies = ['Ratingen', 'Hilden', 'Velbert', 'Haan'];
const SECRET_BODY = 'Geheimhausen';

interface Doc extends SearchDocumentInput {
  day: string;
}

function corpus(owner: number): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < DOCS; i++) {
    const secret = i % 20 === 7;
    // Dates spread over ten years; every 500th document has none.
    const date =
      i % 500 === 3
        ? null
        : `${2015 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    out.push({
      type: 'paper',
      sourceId: i + 1,
      title: `Vorlage ${i}`,
      text: `Die Stadt berichtet über Vorgang ${i}. ${i % 3 === 0 ? 'Der Radverkehr wächst.' : ''}`,
      date,
      day: date ?? '',
      isPublic: !secret,
      ownerOrganizationId: secret ? owner : null,
      bodyId: null,
      bodyName: secret ? SECRET_BODY : bodies[i % bodies.length],
      committee: null,
      paperType: i % 2 ? 'Beschlussvorlage' : 'Antrag',
      url: null,
    });
  }
  return out;
}

describeEachDb('search at scale', (env) => {
  let docs: Doc[] = [];
  let office: Record<string, string> = {};
  let partner: Record<string, string> = {};
  const search = async (query: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await env().app.inject({ method: 'GET', url: '/api/search', query, headers });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it(`indexes ${DOCS} documents`, async () => {
    const { ctx } = env();
    const owner = (
      await ctx.db
        .insertInto('organizations')
        .values({
          name: 'Stadtwerke',
          name_search: 'stadtwerke',
          kind: 'partner',
          is_public: 1,
          created_at: nowIso(),
          updated_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    docs = corpus(owner);
    for (let i = 0; i < docs.length; i += 1000) await indexDocuments(ctx, docs.slice(i, i + 1000));
    office = (await signIn(env(), { role: 'office' })).headers;
    partner = (await signIn(env(), { role: 'partner', organizationId: owner })).headers;
  });

  it('counts the total exactly and estimates facets from a sample, never from non-public documents', async () => {
    const visible = docs.filter((d) => d.isPublic);
    expect(visible.length).toBeGreaterThan(EXACT_FACETS_MAX);
    const res = await search({ q: 'Stadt' });
    expect(res.total).toBe(visible.length);
    expect(res.facetsApproximate).toBe(true);
    const bodyCounts = Object.fromEntries(
      res.facets.body.map((v: { value: string; count: number }) => [v.value, v.count]),
    );
    expect(Object.keys(bodyCounts).sort()).toEqual([...bodies].sort());
    for (const b of bodies) {
      const exact = visible.filter((d) => d.bodyName === b).length;
      expect(Math.abs(bodyCounts[b] - exact) / exact).toBeLessThan(0.25);
    }
    const asOffice = await search({ q: 'Stadt' }, office);
    expect(asOffice.total).toBe(DOCS);
    expect(asOffice.facets.body.map((v: { value: string }) => v.value)).toContain(SECRET_BODY);
    const asPartner = await search({ q: 'Stadt', body: SECRET_BODY }, partner);
    expect(asPartner.total).toBe(docs.length - visible.length);
  });

  it('gives exact facet counts when the result set is small enough', async () => {
    const res = await search({ q: 'Radverkehr', body: 'Hilden' });
    const exact = docs.filter((d) => d.isPublic && d.bodyName === 'Hilden' && d.text.includes('Radverkehr'));
    expect(res.total).toBe(exact.length);
    expect(res.facetsApproximate).toBe(false);
    expect(res.facets.paperType).toEqual(
      ['Antrag', 'Beschlussvorlage']
        .map((p) => ({ value: p, count: exact.filter((d) => d.paperType === p).length }))
        .filter((v) => v.count > 0)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );
  });

  it('filters by every facet inside the match: the total equals the filtered count', async () => {
    const res = await search({ q: 'Stadt', body: 'Velbert', paperType: 'Antrag', year: '2019' });
    const exact = docs.filter(
      (d) => d.isPublic && d.bodyName === 'Velbert' && d.paperType === 'Antrag' && d.day.startsWith('2019'),
    );
    expect(res.total).toBe(exact.length);
    expect(res.hits.length).toBe(Math.min(20, exact.length));
  });

  it('sorts by date from the newest, documents without a date last', async () => {
    const res = await search({ q: 'Stadt', sort: 'date', limit: '30' });
    const newest = docs
      .filter((d) => d.isPublic && d.date)
      .sort((a, b) => b.day.localeCompare(a.day) || b.sourceId - a.sourceId)
      .slice(0, 30)
      .map((d) => d.sourceId);
    expect(res.hits.map((h: { id: number }) => h.id)).toEqual(newest);
    const last = await search({ q: 'Stadt', sort: 'date', limit: '20', offset: String(res.total - 5) });
    expect(last.hits.every((h: { date: string | null }) => h.date === null)).toBe(true);
  });

  it('ranks a title hit first among the newest matches', async () => {
    const { ctx } = env();
    await indexDocuments(ctx, [
      { ...docs[10], sourceId: DOCS + 1, title: 'Stadt und Stadtentwicklung', date: '2030-01-01' },
    ]);
    const res = await search({ q: 'Stadt' });
    expect(res.hits[0].id).toBe(DOCS + 1);
    await removeDocuments(ctx, 'paper', [DOCS + 1]);
    expect((await search({ q: 'Stadt' })).total).toBe(docs.filter((d) => d.isPublic).length);
  });

  it('moves a document in date order when its date changes, keeping one entry', async () => {
    const { ctx } = env();
    const doc = docs[42];
    await indexDocuments(ctx, [{ ...doc, date: '2031-05-05', title: 'Neu datiert' }]);
    const res = await search({ q: 'Stadt', sort: 'date', limit: '1' });
    expect(res.hits[0]).toMatchObject({ id: doc.sourceId, date: '2031-05-05' });
    const hits = await search({ q: '"Vorgang 42"', limit: '50' });
    expect(hits.hits.map((h: { id: number }) => h.id)).toEqual([doc.sourceId]);
    await indexDocuments(ctx, [doc]);
  });

  it('estimates a phrase with many candidates (PostgreSQL) and still finds only its matches', async () => {
    if (env().ctx.dialect !== 'postgres') return;
    const saved = postgresTuning.phraseExactCandidates;
    // 6,000 documents hold both words of each phrase below: all of them are candidates.
    postgresTuning.phraseExactCandidates = 1_000;
    try {
      // Both words in every document, never in this order.
      const none = await search({ q: '"Vorgang Stadt"' });
      expect(none.total).toBe(0);
      expect(none.hits).toEqual([]);
      const visible = docs.filter((d) => d.isPublic);
      const all = await search({ q: '"berichtet über Vorgang"', sort: 'date', limit: '30' });
      expect(all.totalApproximate).toBe(true);
      expect(Math.abs(all.total - visible.length) / visible.length).toBeLessThan(0.15);
      const newest = visible
        .filter((d) => d.date)
        .sort((a, b) => b.day.localeCompare(a.day) || b.sourceId - a.sourceId)
        .slice(0, 30)
        .map((d) => d.sourceId);
      expect(all.hits.map((h: { id: number }) => h.id)).toEqual(newest);
      expect(all.facets.body.map((v: { value: string }) => v.value)).not.toContain(SECRET_BODY);
      // A page beyond the first 2,000 candidates: more are checked until the page is full.
      const deep = await search({ q: '"berichtet über Vorgang"', sort: 'date', limit: '20', offset: '2500' });
      const byDate = visible
        .filter((d) => d.date)
        .sort((a, b) => b.day.localeCompare(a.day) || b.sourceId - a.sourceId)
        .map((d) => d.sourceId);
      expect(deep.hits.map((h: { id: number }) => h.id)).toEqual(byDate.slice(2500, 2520));
      const secret = docs.find((d) => !d.isPublic)!;
      const hidden = await search({ q: `"Vorgang ${secret.sourceId - 1}"` });
      expect(hidden.hits).toEqual([]);
    } finally {
      postgresTuning.phraseExactCandidates = saved;
    }
  });

  it('cannot be steered onto the hidden visibility tokens by what a user types', async () => {
    for (const q of ['m_npub', 'm_pub', '"m pub"', 'm_o1 OR m_npub']) {
      const res = await search({ q });
      expect(res.total).toBe(0);
    }
  });
});
