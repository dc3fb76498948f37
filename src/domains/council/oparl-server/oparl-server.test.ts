import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { cloneTestDatabase } from '../../../../test/helpers/databases.js';
import { loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import { checkOParlObject } from '../../../../test/oparl-server/schema-check.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import type { DB } from '../../../app/schema.js';
import { openDatabase } from '../../../infra/db/connect.js';
import { createLogger } from '../../../infra/logger.js';
import { type ObjectKind, tableOf } from '../oparl/kinds.js';
import { syncSource } from '../oparl/sync-source.js';
import { publicScope } from './public-scope.js';

type Obj = Record<string, unknown>;
type ListPage = { data: Obj[]; pagination: Record<string, number>; links: Record<string, string> };
const client = { timeoutMs: 5_000, retries: 1, backoffMs: 5, politenessDelayMs: 0, concurrencyPerHost: 2 };

let source: OParlTestServer;
/** A 1.0 system (the spec's example body): persons with memberships, legislative terms. */
let source10: OParlTestServer;
beforeAll(async () => {
  source = await startOParlServer(loadFixtures(), { pageSize: 25 });
  source10 = await startOParlServer(loadFixtures(), { version: '1.0', pageSize: 25 });
});
afterAll(async () => {
  await source.close();
  await source10.close();
});

/** What the public sees, in comparable form (no ids, no timestamps of our own). */
async function contentOf(db: Kysely<DB>) {
  const loose = db as unknown as Kysely<Record<string, Record<string, string | number | null>>>;
  const rows = (kind: ObjectKind, cols: string[]) =>
    loose
      .selectFrom(tableOf[kind])
      .select(cols)
      .where(publicScope(kind) as never)
      .where('deleted', '=', 0)
      .execute()
      .then((r) => r.map((x) => JSON.stringify(x)).sort());
  return {
    papers: await rows('Paper', ['name', 'reference', 'paper_date', 'paper_type']),
    meetings: await rows('Meeting', ['name', 'start_at', 'end_at', 'cancelled']),
    organizations: await rows('Organization', ['name', 'short_name', 'start_date', 'end_date']),
    files: await rows('File', ['name', 'access_url', 'mime_type', 'file_date', 'parent_role']),
    agenda: await rows('AgendaItem', ['name', 'number', 'item_order']),
    consultations: await rows('Consultation', ['role', 'authoritative']),
    locations: await rows('Location', ['description', 'postal_code', 'lat', 'lon']),
    persons: await rows('Person', ['name', 'family_name', 'given_name']),
    memberships: await rows('Membership', ['role', 'voting_right', 'start_date', 'end_date']),
    terms: await rows('LegislativeTerm', ['name', 'start_date', 'end_date']),
  };
}

describeEachDb('OParl 1.1 server', (env) => {
  let hiddenPaper: { id: number; oparl_id: string };
  let deletedOrg: number;
  /** The 1.1 loopback source (the 1.0 one holds a Karlsruhe body too). */
  let sourceId: number;

  beforeAll(async () => {
    const { ctx } = env();
    const report = await syncSource(ctx, source.systemUrl, { client });
    expect(report.status).toBe('ok');
    sourceId = report.sourceId;
    const report10 = await syncSource(ctx, source10.systemUrl, { client });
    expect(report10.errors).toEqual([]);
    hiddenPaper = await ctx.db
      .selectFrom('council_papers')
      .select(['id', 'oparl_id'])
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('council_papers')
      .set({ is_public: 0 })
      .where('id', '=', hiddenPaper.id)
      .execute();
    const org = await ctx.db
      .selectFrom('council_organizations')
      .select('id')
      .where('body_oparl_id', 'like', '%/bodies/0001')
      .where('source_id', '=', sourceId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    deletedOrg = org.id;
    await ctx.db.updateTable('council_organizations').set({ deleted: 1 }).where('id', '=', org.id).execute();
  });

  const get = async (url: string) => {
    const u = new URL(url, 'http://localhost');
    const res = await env().app.inject({ method: 'GET', url: u.pathname + u.search });
    return res;
  };

  async function readList(url: string): Promise<{ objects: Obj[]; pages: ListPage[] }> {
    const objects: Obj[] = [];
    const pages: ListPage[] = [];
    let next: string | undefined = url;
    while (next) {
      const res = await get(next);
      expect(res.statusCode, next).toBe(200);
      const page = res.json() as ListPage;
      pages.push(page);
      objects.push(...page.data);
      next = page.links.next;
    }
    return { objects, pages };
  }

  it('serves every public object valid against the official 1.1 schemas, and nothing non-public', async () => {
    const { ctx } = env();
    const system = (await get('/oparl/v1.1/system')).json() as Obj;
    expect(checkOParlObject(system)).toEqual([]);
    const bodies = await readList(String(system.body));
    expect(bodies.objects).toHaveLength(
      await ctx.db
        .selectFrom('council_bodies')
        .select('id')
        .execute()
        .then((r) => r.length),
    );
    const errors: string[] = [];
    const seen: Obj[] = [];
    for (const b of bodies.objects) {
      errors.push(...checkOParlObject(b));
      for (const prop of [
        'organization',
        'person',
        'meeting',
        'paper',
        'membership',
        'agendaItem',
        'consultation',
        'file',
        'locationList',
        'legislativeTermList',
      ]) {
        const { objects } = await readList(String(b[prop]));
        for (const o of objects) errors.push(...checkOParlObject(o));
        seen.push(...objects);
      }
    }
    expect(errors.slice(0, 10)).toEqual([]);
    // Persons, memberships and legislative terms are among what was checked, not only papers.
    const ofType = (t: string) => seen.filter((o) => String(o.type) === `https://schema.oparl.org/1.1/${t}`);
    expect(ofType('Person').length).toBeGreaterThan(0);
    expect(ofType('Membership').length).toBeGreaterThanOrEqual(2);
    expect(ofType('LegislativeTerm').length).toBeGreaterThan(0);
    const person = ofType('Person')[0]!;
    expect(ofType('Membership').filter((m) => m.person === person.id)).toHaveLength(2);
    const text = JSON.stringify(seen);
    expect(text).not.toContain(`/papers/${hiddenPaper.id}"`);
    const publicPapers = await ctx.db
      .selectFrom('council_papers')
      .select('id')
      .where('is_public', '=', 1)
      .where('deleted', '=', 0)
      .execute();
    expect(seen.filter((o) => String(o.type).endsWith('/Paper'))).toHaveLength(publicPapers.length);
    // Non-public files (and the files of the hidden paper) appear neither in lists nor embedded.
    const hiddenFiles = await ctx.db
      .selectFrom('council_files')
      .select('id')
      .where((eb) => eb.or([eb('is_public', '=', 0), eb('parent_oparl_id', '=', hiddenPaper.oparl_id)]))
      .execute();
    expect(hiddenFiles.length).toBeGreaterThan(0);
    for (const f of hiddenFiles) expect(text).not.toContain(`/files/${f.id}"`);
    expect((await get(`/oparl/v1.1/papers/${hiddenPaper.id}`)).statusCode).toBe(404);
    expect((await get(`/oparl/v1.1/files/${hiddenFiles[0].id}`)).statusCode).toBe(404);
  });

  it('paginates with links and counts, filters by date and shows deleted objects as stubs', async () => {
    const { ctx } = env();
    const body = await ctx.db
      .selectFrom('council_bodies')
      .select('id')
      .where('oparl_id', 'like', '%/bodies/0001')
      .where('source_id', '=', sourceId)
      .executeTakeFirstOrThrow();
    const url = `/oparl/v1.1/bodies/${body.id}/organizations?limit=10`;
    const { pages, objects } = await readList(url);
    const first = pages[0];
    expect(first.pagination.elementsPerPage).toBe(10);
    expect(first.pagination.totalPages).toBe(pages.length);
    expect(first.pagination.totalElements).toBe(objects.length);
    expect(first.links.first).toContain('page=1');
    expect(first.links.last).toContain(`page=${pages.length}`);
    expect(pages[1].links.prev).toContain('page=1');
    expect(objects.some((o) => o.deleted === true)).toBe(false);
    const since = await readList(
      `/oparl/v1.1/bodies/${body.id}/organizations?modified_since=2000-01-01T00:00:00Z&limit=50`,
    );
    const stub = since.objects.find((o) => o.deleted === true);
    expect(stub?.id).toMatch(new RegExp(`/organizations/${deletedOrg}$`));
    expect(checkOParlObject(stub)).toEqual([]);
    expect(since.pages[0].links.next).toContain('modified_since=');
    const none = (
      await get(`/oparl/v1.1/bodies/${body.id}/papers?created_since=2999-01-01`)
    ).json() as ListPage;
    expect(none.data).toEqual([]);
    expect(none.pagination.totalElements).toBe(0);
    expect((await get(`/oparl/v1.1/bodies/${body.id}/papers?modified_until=kaputt`)).statusCode).toBe(400);
    expect((await get('/oparl/v1.1/papers/99999999')).statusCode).toBe(404);
    expect((await get('/oparl/v1.1/papers/abc')).statusCode).toBe(400);
  });

  it('filters by created_until and modified_until (and a since/until window) as the stamps say', async () => {
    const { ctx } = env();
    const body = await ctx.db
      .selectFrom('council_bodies')
      .select('id')
      .where('oparl_id', 'like', '%/bodies/0001')
      .where('source_id', '=', sourceId)
      .executeTakeFirstOrThrow();
    const url = `/oparl/v1.1/bodies/${body.id}/papers?limit=100`;
    const all = (await readList(url)).objects;
    const ids = (list: Obj[]) => list.map((o) => String(o.id)).sort();
    for (const field of ['created', 'modified'] as const) {
      const stamps = all.map((o) => String(o[field])).sort((a, b) => Date.parse(a) - Date.parse(b));
      const cut = stamps[Math.floor(stamps.length / 2)]!;
      const at = Date.parse(cut);
      const until = (await readList(`${url}&${field}_until=${encodeURIComponent(cut)}`)).objects;
      const expected = all.filter((o) => Date.parse(String(o[field])) <= at);
      expect(until.length, field).toBeGreaterThan(0);
      expect(until.length, field).toBeLessThan(all.length);
      expect(ids(until), field).toEqual(ids(expected));
      // A window: since the first quarter's stamp, until the median.
      const from = stamps[Math.floor(stamps.length / 4)]!;
      const window = (
        await readList(
          `${url}&${field}_since=${encodeURIComponent(from)}&${field}_until=${encodeURIComponent(cut)}`,
        )
      ).objects.filter((o) => o.deleted !== true);
      expect(ids(window), field).toEqual(
        ids(expected.filter((o) => Date.parse(String(o[field])) >= Date.parse(from))),
      );
    }
  });

  it('is re-imported by our own client to the same public content', async () => {
    const { ctx, app } = env();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as AddressInfo).port;
    const clone = await cloneTestDatabase(ctx.dialect);
    const other = openDatabase<DB>(clone.url);
    try {
      const report = await syncSource(
        { db: other.db, dialect: other.dialect, logger: createLogger('silent') },
        `http://127.0.0.1:${port}/oparl/v1.1/system`,
        { client },
      );
      expect(report.errors).toEqual([]);
      const mine = await contentOf(ctx.db);
      const theirs = await contentOf(other.db);
      expect(theirs.papers.length).toBeGreaterThan(30);
      expect(theirs.files.length).toBeGreaterThan(100);
      expect(theirs.persons.length).toBeGreaterThan(0);
      expect(theirs.memberships.length).toBeGreaterThanOrEqual(2);
      expect(theirs.terms.length).toBeGreaterThan(0);
      for (const k of Object.keys(mine) as (keyof typeof mine)[]) expect(theirs[k], k).toEqual(mine[k]);
    } finally {
      await other.close();
      await clone.drop();
    }
  }, 90_000);
});
