import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import { syncSource } from './sync-source.js';

const fastClient = {
  timeoutMs: 2_000,
  retries: 2,
  backoffMs: 5,
  politenessDelayMs: 0,
  concurrencyPerHost: 2,
};

describeEachDb('OParl sync: a 404 in the middle of a list', (env) => {
  let server: OParlTestServer;
  beforeAll(async () => {
    server = await startOParlServer(loadFixtures(), { pageSize: 20 });
    server.faults.notFoundForEmptyWindow = true;
  });
  afterAll(async () => server.close());

  const orgCursor = () =>
    env()
      .ctx.db.selectFrom('council_sync_cursors')
      .selectAll()
      .where('list_kind', '=', 'organization')
      .where('body_oparl_id', 'like', '%/bodies/0001')
      .executeTakeFirstOrThrow();
  const orgCount = async () =>
    (await env().ctx.db.selectFrom('council_organizations').select('id').execute()).length;
  const organizations = () => server.lists.get('/oparl/bodies/0001/organizations')!;

  it('retries a 404 mid-list, then keeps the list resumable at that page without moving the watermark', async () => {
    const { ctx } = env();
    // One 404 on papers page 2 is retried away; three (every attempt) on organizations page 3 are not.
    server.faults.notFoundOnPage = { '0001/papers:2': 1, '0001/organizations:3': 3 };
    const first = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(first.status).toBe('partial');
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]).toMatch(/\/organizations\?page=3: HTTP 404/);
    expect(first.quirks.not_found_as_empty_list).toBeUndefined();
    expect((await ctx.db.selectFrom('council_papers').select('id').execute()).length).toBe(
      server.lists.get('/oparl/bodies/0001/papers')!.length,
    );
    // Pages 1 and 2 are kept, the list is not done and has no watermark.
    expect(await orgCount()).toBe(40);
    const cursor = await orgCursor();
    expect(cursor.status).toBe('error');
    expect(cursor.next_url).toMatch(/\/organizations\?page=3$/);
    expect(cursor.watermark).toBeNull();

    const second = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(second.errors).toEqual([]);
    expect(await orgCount()).toBe(organizations().length);
    const done = await orgCursor();
    expect(done.status).toBe('done');
    expect(done.watermark).not.toBeNull();
    // The resumed run began at page 3, not at page 1.
    const orgRequests = server.requests.filter((r) => r.includes('/bodies/0001/organizations'));
    expect(orgRequests.filter((r) => !r.includes('page=')).length).toBe(1);
  });

  it('does the same inside an incremental (modified_since) run', async () => {
    const { ctx } = env();
    const before = await orgCursor();
    const changed = new Date(Date.now() + 3_600_000).toISOString();
    const originals = organizations()
      .slice(0, 30)
      .map((o) => ({ o, modified: o.modified, name: o.name }));
    for (const { o } of originals) Object.assign(o, { modified: changed, name: `${String(o.name)} (neu)` });
    try {
      // 30 changed objects = two pages in the window; the second one is lost three times.
      server.faults.notFoundOnPage = { '0001/organizations:2': 3 };
      const run = await syncSource(ctx, server.systemUrl, { client: fastClient });
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(/modified_since=.*page=2: HTTP 404/);
      const stuck = await orgCursor();
      expect(stuck.status).toBe('error');
      expect(stuck.next_url).toMatch(/modified_since=.*page=2/);
      expect(stuck.watermark).toBe(before.watermark);
      const renamed = await ctx.db
        .selectFrom('council_organizations')
        .select('id')
        .where('name', 'like', '% (neu)')
        .execute();
      expect(renamed).toHaveLength(20);

      const resumed = await syncSource(ctx, server.systemUrl, { client: fastClient });
      expect(resumed.errors).toEqual([]);
      const after = await orgCursor();
      expect(after.status).toBe('done');
      expect(after.watermark! > before.watermark!).toBe(true);
      const all = await ctx.db
        .selectFrom('council_organizations')
        .select('id')
        .where('name', 'like', '% (neu)')
        .execute();
      expect(all).toHaveLength(30);
      // The other, unchanged lists still answer their empty window with 404: that stays a quirk.
      expect(resumed.quirks.not_found_as_empty_list).toBeGreaterThan(0);
    } finally {
      for (const { o, modified, name } of originals) Object.assign(o, { modified, name });
    }
  });
});
