import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { indexDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

type Who = 'anonymous' | 'reader' | 'partnerOfOwner' | 'partnerOfOther' | 'office';
const expected: Record<Who, boolean> = {
  anonymous: false,
  reader: false,
  partnerOfOwner: true,
  partnerOfOther: false,
  office: true,
};

describeEachDb('search visibility matrix', (env) => {
  const headers = {} as Record<Who, Record<string, string>>;

  it('plants a non-public document next to a public one', async () => {
    const { ctx } = env();
    const org = async (name: string) =>
      (
        await ctx.db
          .insertInto('organizations')
          .values({
            name,
            name_search: name.toLowerCase(),
            kind: 'partner',
            is_public: 1,
            created_at: nowIso(),
            updated_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const owner = await org('Eigentümer GmbH');
    const other = await org('Andere GmbH');
    const doc = (
      sourceId: number,
      isPublic: boolean,
      title: string,
      bodyName: string,
    ): SearchDocumentInput => ({
      type: 'paper',
      sourceId,
      title,
      text: 'Planung für den Wasserstoffkorridor am Rhein; der Korridor ist lang.',
      date: '2025-04-01',
      isPublic,
      ownerOrganizationId: owner,
      bodyId: null,
      bodyName,
      committee: isPublic ? 'Rat' : 'Geheimausschuss',
      paperType: 'Vorlage',
      url: null,
    });
    await indexDocuments(ctx, [
      doc(1, true, 'Wasserstoff öffentlich', 'Ratingen'),
      doc(2, false, 'Wasserstoffkorridor intern', 'Geheimstadt'),
    ]);
    headers.anonymous = {};
    headers.reader = (await signIn(env(), { role: 'reader' })).headers;
    headers.partnerOfOwner = (await signIn(env(), { role: 'partner', organizationId: owner })).headers;
    headers.partnerOfOther = (await signIn(env(), { role: 'partner', organizationId: other })).headers;
    headers.office = (await signIn(env(), { role: 'office' })).headers;
  });

  for (const who of Object.keys(expected) as Who[]) {
    it(`${who} ${expected[who] ? 'sees' : 'does not see'} the non-public document everywhere`, async () => {
      const { app } = env();
      const get = (url: string, query: Record<string, string>) =>
        app.inject({ method: 'GET', url, query, headers: headers[who] });
      const sees = expected[who];

      const res = (await get('/api/search', { q: 'Wasserstoff' })).json();
      expect(res.hits.some((h: { title: string }) => h.title.includes('intern'))).toBe(sees);
      expect(res.total).toBe(sees ? 2 : 1);
      expect(res.facets.body.some((f: { value: string }) => f.value === 'Geheimstadt')).toBe(sees);
      expect(res.facets.committee.some((f: { value: string }) => f.value === 'Geheimausschuss')).toBe(sees);
      expect(res.facets.body.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(sees ? 2 : 1);

      const filtered = (await get('/api/search', { q: 'Wasserstoff', body: 'Geheimstadt' })).json();
      expect(filtered.total).toBe(sees ? 1 : 0);

      const suggest = (await get('/api/search/suggest', { q: 'Wasserstoffk' })).json();
      expect(suggest.suggestions).toEqual(sees ? ['Wasserstoffkorridor intern'] : []);

      const atom = (await get('/feeds/search.atom', { q: 'Wasserstoff' })).body;
      expect(atom.includes('intern')).toBe(sees);
      expect(atom.match(/<entry>/g)).toHaveLength(sees ? 2 : 1);

      const csv = (await get('/api/search', { q: 'Wasserstoff', format: 'csv' })).body;
      expect(csv.includes('intern')).toBe(sees);
    });
  }
});
