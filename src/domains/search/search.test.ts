import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { indexDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

const base: Omit<SearchDocumentInput, 'sourceId' | 'title' | 'text'> = {
  type: 'paper',
  date: '2024-05-01',
  isPublic: true,
  ownerOrganizationId: null,
  bodyId: 1,
  bodyName: 'Ratingen',
  committee: 'Bauausschuss',
  paperType: 'Vorlage',
  url: '/papers/1',
};

const corpus: SearchDocumentInput[] = [
  {
    ...base,
    sourceId: 1,
    title: 'Radwegekonzept 2030',
    text: 'Das Konzept beschreibt neue Radwege entlang der Düssel.',
  },
  {
    ...base,
    sourceId: 2,
    title: 'Sanierung Radweg Angerland',
    text: 'Der Radweg wird saniert. Kosten <script>alert(1)</script> 40.000 €.',
    date: '2023-02-01',
  },
  {
    ...base,
    sourceId: 3,
    title: 'Verkehrsentwicklungsplan',
    text: 'Der öffentliche Nahverkehr soll gestärkt werden. Verkehrs­zählung im Mai.',
    bodyName: 'Mettmann',
    committee: 'Verkehrsausschuss',
    date: '2025-09-10',
  },
  {
    ...base,
    sourceId: 4,
    title: 'Haushalt 2025',
    text: 'Fördermittel des Landes für Schulen; weitere Mittel für Kitas.',
    paperType: 'Antrag',
    date: '2025-01-15',
  },
  {
    ...base,
    sourceId: 5,
    title: 'Förderung des Ehrenamts',
    text: 'Die Förderung wird verlängert. Öffentlicher Nahverkehr ist nicht betroffen.',
    bodyName: 'Mettmann',
    date: '2022-06-30',
  },
  {
    ...base,
    sourceId: 6,
    title: 'Konzept Kita Ausbau',
    text: 'Der Verkehr vor Kitas wird beruhigt. Das Konzept gilt ab 2026, die Mittel sind bewilligt.',
    date: '2021-03-03',
  },
  {
    ...base,
    type: 'meeting',
    sourceId: 7,
    title: 'Sitzung Bauausschuss',
    text: 'Tagesordnung: Radwege, Haushalt, Verschiedenes',
    paperType: null,
    date: '2024-11-11',
  },
];

describeEachDb('search API', (env) => {
  const search = async (query: Record<string, string>) => {
    const res = await env().app.inject({ method: 'GET', url: '/api/search', query });
    return { status: res.statusCode, body: res.json() };
  };
  const ids = async (q: string, extra: Record<string, string> = {}) =>
    ((await search({ q, limit: '50', ...extra })).body.hits as Array<{ id: number }>).map((h) => h.id).sort();

  it('indexes the corpus', async () => {
    await indexDocuments(env().ctx, corpus);
  });

  it('stems words (Verkehrs→Verkehr, Förderungen→Förderung and Fördermittel)', async () => {
    expect(await ids('Verkehrs')).toEqual([3, 6]);
    expect(await ids('förderungen')).toEqual([4, 5]);
    expect(await ids('STRASSE')).toEqual([]);
  });

  it('finds compounds that begin with the word (Radweg → Radwegekonzept)', async () => {
    expect(await ids('Radweg')).toEqual([1, 2, 7]);
    expect(await ids('Förderung')).toEqual([4, 5]);
  });

  it('supports phrases, exclusion, OR, prefix and groups', async () => {
    expect(await ids('"öffentlicher Nahverkehr"')).toEqual([3, 5]);
    expect(await ids('"Nahverkehr öffentlicher"')).toEqual([]);
    expect(await ids('Konzept -Kita')).toEqual([1]);
    expect(await ids('Haushalt OR Ehrenamt')).toEqual([4, 5, 7]);
    expect(await ids('Verkehrsentw*')).toEqual([3]);
    expect(await ids('(Haushalt OR Ehrenamt) -Sitzung')).toEqual([4, 5]);
  });

  it('filters and counts facets, and sorts by date', async () => {
    const all = await search({ q: 'Konzept OR Radweg OR Verkehr', sort: 'date' });
    expect(all.body.total).toBe(5);
    expect(all.body.hits.map((h: { id: number }) => h.id)).toEqual([3, 7, 1, 2, 6]);
    expect(all.body.facets.body).toEqual([
      { value: 'Ratingen', count: 4 },
      { value: 'Mettmann', count: 1 },
    ]);
    expect(all.body.facets.type).toEqual([
      { value: 'paper', count: 4 },
      { value: 'meeting', count: 1 },
    ]);
    const filtered = await search({ q: 'Konzept OR Radweg OR Verkehr', body: 'Mettmann', year: '2025' });
    expect(filtered.body.total).toBe(1);
    expect(filtered.body.hits[0].id).toBe(3);
  });

  it('ranks title hits first', async () => {
    const res = await search({ q: 'Konzept' });
    expect(res.body.hits.map((h: { id: number }) => h.id)).toEqual([6, 1]);
  });

  it('highlights the original wording and escapes HTML', async () => {
    const res = await search({ q: 'Radweg Kosten' });
    expect(res.body.hits).toHaveLength(1);
    const snippet: string = res.body.hits[0].snippet;
    expect(snippet).toContain('<mark>Radweg</mark>');
    expect(snippet).toContain('<mark>Kosten</mark>');
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).not.toContain('<script>');
    const one = await search({ q: 'Radwege', type: 'paper', sort: 'date' });
    expect(one.body.hits.find((h: { id: number }) => h.id === 1).snippet).toContain(
      'neue <mark>Radwege</mark>',
    );
  });

  it('answers malformed queries with 400 SEARCH_SYNTAX', async () => {
    for (const q of [
      '"offen',
      '(Radweg',
      'Radweg)',
      'OR',
      'Radweg OR',
      '-Radweg',
      '*',
      'a*',
      '',
      'x\u0000y',
      'ab'.repeat(300),
    ]) {
      const res = await search({ q });
      expect(res.status, q).toBe(400);
      expect(res.body.code).toBe('SEARCH_SYNTAX');
      expect(res.body.messageDe).toBeTruthy();
    }
  });

  it('never answers 5xx to random input (fuzz)', async () => {
    const alphabet = [
      '"',
      '*',
      '-',
      '(',
      ')',
      'OR',
      'AND',
      'NOT',
      'NEAR',
      ':',
      '^',
      '+',
      '{',
      '}',
      "'",
      '\\',
      ' ',
      'Rad',
      'weg',
      'ä',
      'ß',
      '\u0000',
      '%',
      '&',
      '|',
      '!',
      '<->',
      ':*',
      'stem_title',
      'é',
    ];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 150; i++) {
      const parts = Array.from({ length: 1 + rnd(8) }, () => alphabet[rnd(alphabet.length)]);
      const q = parts.join(rnd(2) ? ' ' : '');
      for (const url of ['/api/search', '/api/search/suggest', '/feeds/search.atom']) {
        const res = await env().app.inject({ method: 'GET', url, query: { q } });
        expect(res.statusCode, `${url} ${JSON.stringify(q)}`).toBeLessThan(500);
      }
    }
  });

  it('suggests titles for a typed prefix', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/search/suggest', query: { q: 'Radwe' } });
    expect(res.json().suggestions.sort()).toEqual(['Radwegekonzept 2030', 'Sanierung Radweg Angerland']);
  });

  it('exports CSV and an Atom feed', async () => {
    const csv = await env().app.inject({
      method: 'GET',
      url: '/api/search',
      query: { q: 'Haushalt', format: 'csv' },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    const atom = await env().app.inject({ method: 'GET', url: '/feeds/search.atom', query: { q: 'Radweg' } });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom.body.match(/<entry>/g)).toHaveLength(3);
  });
});
