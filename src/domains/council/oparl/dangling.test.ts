import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { type Json, loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import { danglingQuirk } from './dangling.js';
import { syncSource } from './sync-source.js';

const fastClient = {
  timeoutMs: 2_000,
  retries: 1,
  backoffMs: 5,
  politenessDelayMs: 0,
  concurrencyPerHost: 2,
};

describeEachDb('OParl sync: dangling references', (env) => {
  let server: OParlTestServer;
  let meetingId: string;
  beforeAll(async () => {
    server = await startOParlServer(loadFixtures({ dangling: true }), { pageSize: 20 });
    meetingId = server.lists.get('/oparl/bodies/wuppertal/meetings')![0].id as string;
  });
  afterAll(async () => server.close());

  const quirksOf = async (table: 'council_meetings' | 'council_consultations', oparlId: string) => {
    const row = await env()
      .ctx.db.selectFrom(table)
      .select('quirks_json')
      .where('oparl_id', '=', oparlId)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.quirks_json ?? '[]') as string[];
  };

  it('stores objects whose references point nowhere, marks them and counts the references', async () => {
    const { ctx } = env();
    const report = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(report.status).toBe('ok');
    expect(report.errors).toEqual([]);
    // The Wuppertal meeting, its three files and the two committees it names (which nobody serves).
    const meeting = await ctx.db
      .selectFrom('council_meetings')
      .select(['name', 'organization_ids_json'])
      .where('oparl_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(meeting.name).toBe('SI/0507/20');
    expect(JSON.parse(meeting.organization_ids_json!)).toHaveLength(2);
    const files = await ctx.db
      .selectFrom('council_files')
      .select('id')
      .where('parent_oparl_id', '=', meetingId)
      .execute();
    expect(files).toHaveLength(3);
    expect(await quirksOf('council_meetings', meetingId)).toContain(danglingQuirk);

    // Karlsruhe consultations name meetings outside the sample: exactly those are marked.
    const ids = (path: string) => new Set(server.lists.get(path)!.map((o) => o.id as string));
    const meetings = ids('/oparl/bodies/0001/meetings');
    const papers = ids('/oparl/bodies/0001/papers');
    const organizations = ids('/oparl/bodies/0001/organizations');
    // Listed on their own (none of their papers is in the sample) and embedded in the papers.
    const consultations = [
      ...server.lists.get('/oparl/bodies/0001/consultations')!,
      ...server.lists
        .get('/oparl/bodies/0001/papers')!
        .flatMap((p) => (Array.isArray(p.consultation) ? (p.consultation as Json[]) : [])),
    ];
    const dangles = (c: Json) =>
      (typeof c.meeting === 'string' && !meetings.has(c.meeting)) ||
      (typeof c.paper === 'string' && !papers.has(c.paper)) ||
      ((c.organization as string[] | undefined) ?? []).some((o) => !organizations.has(o));
    const expectedMissing = [...new Map(consultations.filter(dangles).map((c) => [c.id, c])).values()];
    expect(expectedMissing.length).toBeGreaterThan(0);
    expect(consultations.some((c) => !dangles(c))).toBe(true);
    const marked = await ctx.db
      .selectFrom('council_consultations')
      .select('oparl_id')
      .where('quirks_json', 'like', `%${danglingQuirk}%`)
      .execute();
    expect(marked.map((m) => m.oparl_id).sort()).toEqual(expectedMissing.map((c) => c.id as string).sort());
    // Every paper's underDirectionOf names a served committee: no paper is marked.
    expect(
      await ctx.db
        .selectFrom('council_papers')
        .select('id')
        .where('quirks_json', 'like', `%${danglingQuirk}%`)
        .execute(),
    ).toEqual([]);
    expect(report.quirks[danglingQuirk]).toBeGreaterThanOrEqual(2 + expectedMissing.length);
  });

  it('clears the mark once the missing objects are served', async () => {
    const { ctx } = env();
    const orgs = server.lists.get('/oparl/bodies/wuppertal/organizations')!;
    const meeting = server.lists.get('/oparl/bodies/wuppertal/meetings')![0];
    const committee = (id: string, name: string): Json => ({
      id,
      type: 'https://schema.oparl.org/1.0/Organization',
      name,
      // Changed now, so the incremental sync (modified_since) sees it.
      created: new Date().toISOString(),
      modified: new Date().toISOString(),
    });
    const [a, b] = meeting.organization as string[];
    orgs.push(committee(a, 'Gremium 230'));
    let report = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(report.errors).toEqual([]);
    // One of the two committees still missing.
    expect(await quirksOf('council_meetings', meetingId)).toContain(danglingQuirk);
    orgs.push(committee(b, 'Gremium 231'));
    report = await syncSource(ctx, server.systemUrl, { client: fastClient });
    expect(report.errors).toEqual([]);
    expect(await quirksOf('council_meetings', meetingId)).not.toContain(danglingQuirk);
    orgs.length = 0;
  });
});
