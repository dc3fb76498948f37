import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { expectedIds } from '../../../../test/oparl-server/expected.js';
import { loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import { type ObjectKind, tableOf } from './kinds.js';
import { syncSource } from './sync-source.js';

const fastClient = { timeoutMs: 400, retries: 2, backoffMs: 5, politenessDelayMs: 0, concurrencyPerHost: 2 };

describeEachDb('OParl sync against the loopback server', (env) => {
  let server: OParlTestServer;
  let cancelledId: string;
  beforeAll(async () => {
    server = await startOParlServer(loadFixtures(), { pageSize: 20 });
    cancelledId = server.lists.get('/oparl/bodies/0001/meetings')![3].id as string;
    Object.assign(server.faults, {
      http500: { '0001/papers:2': 1 },
      slow: { '0001/meetings:1': { ms: 1_000, times: 1 } },
      // As many as the client tries: the first sync gives the page up, the next one gets it.
      truncated: { '0001/organizations:2': 3 },
      invalidUtf8: { '0001/consultations:3': 1 },
      duplicateAcrossPages: ['0001/papers'],
      loopNext: ['0001/consultations'],
      invalidObjects: ['0001/papers'],
      notFoundForEmptyWindow: true,
      cancelledByName: [cancelledId],
      crawlDateStamp: ['0001/organizations'],
    });
  });
  afterAll(async () => server.close());

  const count = async (kind: ObjectKind) => {
    const row = await env()
      .ctx.db.selectFrom(tableOf[kind])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('oparl_id').distinct().as('d')])
      .executeTakeFirstOrThrow();
    return { rows: Number(row.n), distinct: Number(row.d) };
  };

  it('stores every valid object once, quarantines the invalid ones and survives the faults', async () => {
    const { ctx } = env();
    const report = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(report.status).toBe('partial');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toContain('/organizations');
    const expected = expectedIds(server);
    for (const kind of ['Body', 'Paper', 'Meeting', 'Consultation', 'AgendaItem', 'File'] as const) {
      const c = await count(kind);
      expect(c.rows, kind).toBe(expected.get(kind)!.size);
      expect(c.distinct, kind).toBe(c.rows);
    }
    // Only the first page of organizations made it; the truncated second page is quarantined.
    expect((await count('Organization')).rows).toBe(20);
    const q = await ctx.db.selectFrom('council_quarantine').selectAll().execute();
    const reasons = q.map((r) => r.reason).sort();
    expect(reasons).toHaveLength(5);
    expect(reasons.filter((r) => r === 'missing or invalid id')).toHaveLength(2);
    expect(reasons).toContain('not a JSON object');
    expect(reasons).toContain('unknown type https://schema.oparl.org/1.1/Gremiumsding');
    expect(reasons.find((r) => r.startsWith('page invalid_json'))).toBeTruthy();
    expect(report.quirks.next_link_loops).toBe(1);
  });

  it('resumes the given-up list at its cursor and adds no duplicates', async () => {
    const { ctx } = env();
    const before = await ctx.db
      .selectFrom('council_papers')
      .select(['oparl_id', 'updated_at', 'raw_json'])
      .orderBy('oparl_id')
      .execute();
    const report = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('ok');
    // Unchanged lists ask with modified_since and get the 404 some servers send for "nothing".
    expect(report.quirks.not_found_as_empty_list).toBeGreaterThan(0);
    expect(server.requests.some((r) => r.includes('modified_since'))).toBe(true);
    const expected = expectedIds(server);
    for (const kind of [
      'Body',
      'Organization',
      'Paper',
      'Meeting',
      'Consultation',
      'AgendaItem',
      'File',
      'Location',
    ] as const) {
      const c = await count(kind);
      expect(c.rows, kind).toBe(expected.get(kind)!.size);
      expect(c.distinct, kind).toBe(c.rows);
    }
    const after = await ctx.db
      .selectFrom('council_papers')
      .select(['oparl_id', 'updated_at', 'raw_json'])
      .orderBy('oparl_id')
      .execute();
    expect(after).toEqual(before);
    const page = await ctx.db
      .selectFrom('council_quarantine')
      .selectAll()
      .where('reason', 'like', 'page%')
      .execute();
    expect(page).toHaveLength(1);
    // A third run re-reads the organizations (the server stamps them with the crawl date): still no duplicates.
    const third = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(third.status).toBe('ok');
    expect((await count('Organization')).rows).toBe(expected.get('Organization')!.size);
    expect(third.quirks.timestamp_is_crawl_date).toBe(expected.get('Organization')!.size);
  });

  it('handles the quirks of real servers without losing data', async () => {
    const { ctx } = env();
    const cancelled = await ctx.db
      .selectFrom('council_meetings')
      .select(['cancelled', 'name', 'quirks_json'])
      .where('oparl_id', '=', cancelledId)
      .executeTakeFirstOrThrow();
    expect(cancelled.cancelled).toBe(1);
    expect(cancelled.quirks_json).toContain('cancelled_by_name');
    expect(
      await ctx.db.selectFrom('council_meetings').select('id').where('cancelled', '=', 1).execute(),
    ).toHaveLength(1);
    // [lat, lon] from the mst bodies is swapped back: longitude ~6-7, latitude ~50-52 in NRW.
    const swapped = await ctx.db
      .selectFrom('council_locations')
      .select(['lat', 'lon', 'quirks_json', 'postal_code'])
      .where('quirks_json', 'like', '%coordinates_swapped%')
      .execute();
    expect(swapped.length).toBeGreaterThan(10);
    for (const l of swapped) {
      expect(l.lat).toBeGreaterThan(47);
      expect(l.lon).toBeLessThan(16);
    }
    const trimmed = await ctx.db
      .selectFrom('council_locations')
      .select(['postal_code'])
      .where('quirks_json', 'like', '%trimmed_whitespace%')
      .execute();
    expect(trimmed.length).toBeGreaterThan(0);
    for (const t of trimmed) expect(t.postal_code ?? '').not.toMatch(/\s$/);
    const crawl = await ctx.db
      .selectFrom('council_organizations')
      .select('oparl_modified')
      .where('quirks_json', 'like', '%timestamp_is_crawl_date%')
      .execute();
    expect(crawl.length).toBeGreaterThan(0);
    // Non-public files (named "nö …" / "nichtöffentlich …") are kept but marked.
    const hidden = await ctx.db
      .selectFrom('council_files')
      .select('name')
      .where('is_public', '=', 0)
      .execute();
    for (const h of hidden) expect(h.name).toMatch(/^(n[öo]|nicht)/i);
  });

  it('keeps the search index in step, with non-public papers marked', async () => {
    const { ctx } = env();
    // Two of the real Karlsruhe papers are deleted stubs: stored, but not searchable.
    const papers = await ctx.db
      .selectFrom('council_papers')
      .select(['id', 'is_public'])
      .where('deleted', '=', 0)
      .execute();
    expect(
      await ctx.db.selectFrom('council_papers').select('id').where('deleted', '=', 1).execute(),
    ).toHaveLength(2);
    const docs = await ctx.db
      .selectFrom('search_documents')
      .select(['source_id', 'is_public'])
      .where('doc_type', '=', 'paper')
      .execute();
    expect(docs).toHaveLength(papers.length);
    const files = await ctx.db
      .selectFrom('council_files')
      .select(['id', 'is_public'])
      .where('is_public', '=', 0)
      .execute();
    const fileDocs = await ctx.db
      .selectFrom('search_documents')
      .select(['source_id', 'is_public'])
      .where('doc_type', '=', 'file')
      .where('source_id', 'in', [0, ...files.map((f) => f.id)])
      .execute();
    expect(fileDocs.every((d) => d.is_public === 0)).toBe(true);
    expect(fileDocs).toHaveLength(files.length);
  });

  it('asks only for changes since a given date (--since), and a deleted stub marks the row deleted', async () => {
    const { ctx } = env();
    const paperList = server.lists.get('/oparl/bodies/0001/papers')!;
    const victim = paperList[0];
    const before = await ctx.db
      .selectFrom('council_papers')
      .select('id')
      .where('oparl_id', '=', victim.id as string)
      .executeTakeFirstOrThrow();
    const original = { ...victim };
    for (const k of Object.keys(victim)) delete victim[k];
    Object.assign(victim, {
      id: original.id,
      type: original.type,
      created: original.created,
      modified: new Date().toISOString(),
      deleted: true,
    });
    try {
      const report = await syncSource(ctx, server.systemUrl, {
        client: fastClient,
        body: '0001',
        since: new Date(Date.now() - 3_600_000).toISOString(),
      });
      expect(report.bodies).toBe(0);
      const karlsruhe = await ctx.db
        .selectFrom('council_bodies')
        .select('id')
        .where('oparl_id', 'like', '%/bodies/0001')
        .executeTakeFirstOrThrow();
      const only = await syncSource(ctx, server.systemUrl, {
        client: fastClient,
        body: String(karlsruhe.id),
        since: new Date(Date.now() - 3_600_000).toISOString(),
      });
      expect(only.bodies).toBe(1);
      expect(only.errors).toEqual([]);
      const row = await ctx.db
        .selectFrom('council_papers')
        .select(['id', 'deleted', 'name'])
        .where('oparl_id', '=', original.id as string)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ id: before.id, deleted: 1 });
      // The content is kept, and the deleted paper leaves the search index.
      expect(row.name).toBe(original.name);
      expect(
        await ctx.db
          .selectFrom('search_documents')
          .select('id')
          .where('doc_type', '=', 'paper')
          .where('source_id', '=', row.id)
          .execute(),
      ).toEqual([]);
    } finally {
      for (const k of Object.keys(victim)) delete victim[k];
      Object.assign(victim, original);
    }
  });
});
