import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { removeDocuments } from '../search/indexer.js';
import { directoryModule } from './module.js';
import { organizationDocType } from './search-index.js';

interface SearchHit {
  type: string;
  id: number;
  title: string;
  url: string | null;
}

describeEachDb('directory organisations in the search', (env) => {
  let office: SignedIn;
  let partnerA: SignedIn;
  let partnerB: SignedIn;
  let orgA: number;

  const req = (method: 'GET' | 'POST' | 'PATCH', url: string, who: SignedIn | null, payload?: object) =>
    env().app.inject({ method, url, payload, headers: who?.headers });

  const organizationHits = async (q: string, who: SignedIn | null) => {
    const res = await req('GET', `/api/search?q=${encodeURIComponent(q)}&type=${organizationDocType}`, who);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; hits: SearchHit[] };
    return body.hits;
  };

  beforeAll(async () => {
    office = await signIn(env(), { role: 'office' });
    const created = await req('POST', '/api/organizations', office, {
      name: 'Wirtschaftsförderung Quellental',
      shortName: 'WFQ',
      kind: 'agency',
      description: 'Berät Gründerinnen und Betriebe im Quellental.',
    });
    expect(created.statusCode).toBe(201);
    orgA = created.json().id;
    const other = await req('POST', '/api/organizations', office, {
      name: 'Kammer Nordhang',
      kind: 'chamber',
    });
    partnerA = await signIn(env(), { role: 'partner', organizationId: orgA });
    partnerB = await signIn(env(), { role: 'partner', organizationId: other.json().id });
  });

  it('finds a public organisation by its name, short name, kind and description, for anyone', async () => {
    for (const q of ['Quellental', 'Wirtschaftsförderung', 'WFQ', 'Agentur', 'Gründerinnen']) {
      const hits = await organizationHits(q, null);
      expect(
        hits.map((h) => h.id),
        q,
      ).toEqual([orgA]);
    }
    const [hit] = await organizationHits('Quellental', null);
    expect(hit).toMatchObject({ type: 'organization', title: 'Wirtschaftsförderung Quellental' });
    expect(hit?.url).toBe(`/organizations/${orgA}`);
  });

  it('keeps a non-public organisation out of anonymous and other partners’ searches', async () => {
    const secret = await req('POST', '/api/organizations', partnerA, {
      name: 'Arbeitskreis Lindenhof vertraulich',
      kind: 'committee',
      isPublic: false,
    });
    expect(secret.statusCode).toBe(201);
    const id = secret.json().id as number;
    expect(await organizationHits('Lindenhof', null)).toEqual([]);
    expect(await organizationHits('Lindenhof', partnerB)).toEqual([]);
    expect((await organizationHits('Lindenhof', partnerA)).map((h) => h.id)).toEqual([id]);
    expect((await organizationHits('Lindenhof', office)).map((h) => h.id)).toEqual([id]);
    const suggest = await req('GET', '/api/search/suggest?q=Lindenh', null);
    expect(suggest.body).not.toContain('Lindenhof');
  });

  it('follows an update: renamed and turned non-public', async () => {
    const created = await req('POST', '/api/organizations', office, {
      name: 'Netzwerk Birkenweg',
      kind: 'network',
    });
    const id = created.json().id as number;
    expect((await organizationHits('Birkenweg', null)).map((h) => h.id)).toEqual([id]);
    const renamed = await req('PATCH', `/api/organizations/${id}`, office, {
      name: 'Netzwerk Erlenbruch',
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(await organizationHits('Birkenweg', null)).toEqual([]);
    expect((await organizationHits('Erlenbruch', null)).map((h) => h.id)).toEqual([id]);
    const hidden = await req('PATCH', `/api/organizations/${id}`, office, { isPublic: false, version: 2 });
    expect(hidden.statusCode).toBe(200);
    expect(await organizationHits('Erlenbruch', null)).toEqual([]);
    expect((await organizationHits('Erlenbruch', office)).map((h) => h.id)).toEqual([id]);
  });

  it('indexes the demo organisations after the seed and rebuilds the index after an import', async () => {
    const { ctx } = env();
    await directoryModule.seedDemo?.(ctx, () => {});
    const agency = await organizationHits('Regionalagentur', null);
    expect(agency.length).toBeGreaterThan(0);
    const indexed = async () =>
      (
        await ctx.db
          .selectFrom('search_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('doc_type', '=', organizationDocType)
          .executeTakeFirstOrThrow()
      ).n;
    const organizations = (
      await ctx.db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    expect(Number(await indexed())).toBe(Number(organizations));
    const all = await ctx.db.selectFrom('organizations').select('id').execute();
    await removeDocuments(
      ctx,
      organizationDocType,
      all.map((o) => o.id),
    );
    expect(await organizationHits('Regionalagentur', null)).toEqual([]);
    await directoryModule.afterImport?.(ctx);
    expect(await organizationHits('Regionalagentur', null)).toHaveLength(agency.length);
    expect(Number(await indexed())).toBe(Number(organizations));
  });
});
