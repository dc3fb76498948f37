import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createContext } from '../../src/app/create-context.js';
import { domains } from '../../src/app/domains.js';
import { countRows, dumpTableNames } from '../../src/app/dump/dump-tables.js';
import { exportDump } from '../../src/app/dump/export-dump.js';
import { importDump } from '../../src/app/dump/import-dump.js';
import { seedDemoData } from '../../src/app/seed-demo.js';
import { systemActor } from '../../src/domains/access/actor.js';
import { recordAudit } from '../../src/domains/audit/record-audit.js';
import { syncSource } from '../../src/domains/council/oparl/sync-source.js';
import { loadConfig } from '../../src/infra/config.js';
import type { DialectName } from '../../src/infra/db/connect.js';
import { createLogger } from '../../src/infra/logger.js';
import { signIn } from '../helpers/auth.js';
import type { TestEnv } from '../helpers/context.js';
import { cloneTestDatabase, testDialects, tmpDir } from '../helpers/databases.js';
import { loadFixtures } from '../oparl-server/fixtures.js';
import { startOParlServer } from '../oparl-server/server.js';
import { exactReals, fillRemainingRows } from './dump-rows.js';

type Env = TestEnv & { drop: () => Promise<void>; url: string };
const opened: Env[] = [];

async function openEnv(dialect: DialectName): Promise<Env> {
  const clone = await cloneTestDatabase(dialect);
  const config = loadConfig({
    DATABASE_URL: clone.url,
    LOG_LEVEL: 'silent',
    APP_SECRET: 'test-secret-test-secret-test-secret-000',
    JOBS: 'off',
  });
  const ctx = await createContext({ config, logger: createLogger('silent'), migrate: false });
  const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
  await app.ready();
  const env: Env = {
    dialect,
    ctx,
    app,
    url: clone.url,
    drop: async () => {
      await app.close();
      await ctx.database.close();
      await clone.drop();
    },
  };
  opened.push(env);
  return env;
}

const file = (name: string) => join(tmpDir(), `dump-${process.pid}-${name}.json`);
/** The document from `"tables"` on: everything but exportedAt and source. */
const tablesPart = (path: string) => readFileSync(path, 'utf8').split('"tables":')[1];

async function tableCounts(env: Env): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of dumpTableNames()) out[t] = await countRows(env.ctx.db, t);
  return out;
}

const bin = join(process.cwd(), 'bin', 'regiolotse.js');
type CliFailure = Error & { code: number; stdout: string; stderr: string };
/** Runs the built CLI (bin/regiolotse.js) against a database. */
const cli = (args: string[], databaseUrl: string) =>
  promisify(execFile)(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
  });

const first: DialectName = testDialects.includes('sqlite') ? 'sqlite' : testDialects[0];
const other: DialectName = testDialects.includes('postgres') ? 'postgres' : first;
const tricky = ['Jürgen Müller-Lüdenscheidt', 'Ω "quoted" \\ back\\slash', 'Zeile 1\nZeile 2\t😀', '=1+2'];

describe('regiolotse export / import', () => {
  let source: Env;
  let original: string;

  beforeAll(async () => {
    source = await openEnv(first);
    // The demo data (`seed --demo`), a council system synced from the loopback OParl server (with
    // objects it must quarantine), then rows in every table neither of them fills.
    await seedDemoData(source.ctx);
    const oparl = await startOParlServer(loadFixtures(), {
      pageSize: 50,
      faults: { invalidObjects: ['0001/papers'] },
    });
    try {
      const report = await syncSource(source.ctx, oparl.systemUrl, {
        client: { timeoutMs: 5_000, retries: 1, backoffMs: 5, politenessDelayMs: 0, concurrencyPerHost: 4 },
      });
      expect(report.errors).toEqual([]);
    } finally {
      await oparl.close();
    }
    const admin = await signIn(source, { role: 'admin' });
    for (const [i, name] of tricky.entries()) {
      const res = await source.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { email: `user${i}@example.org`, name, role: 'office', password: `secret-password-${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await source.app.inject({ method: 'POST', url, headers: admin.headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number };
    };
    const parent = await post('/api/organizations', {
      name: 'Kreis Mettmann',
      kind: 'partner',
      isPublic: true,
    });
    const child = await post('/api/organizations', {
      name: 'Amt für Wirtschaftsförderung „Süd“',
      kind: 'department',
      parentId: parent.id,
      isPublic: false,
      ownerOrganizationId: parent.id,
    });
    for (const [i, name] of tricky.entries()) {
      const person = await post('/api/people', { name, email: `p${i}@example.org`, isPublic: i % 2 === 0 });
      await post('/api/memberships', {
        personId: person.id,
        organizationId: i % 2 ? child.id : parent.id,
        role: 'Referent:in',
        startDate: '2024-03-01',
        startPrecision: 'month',
      });
    }
    for (let i = 0; i < 25; i++) {
      await recordAudit(source.ctx.db, {
        actor: systemActor('test'),
        entityType: 'thing',
        entityId: i,
        action: 'update',
        before: { n: i, text: tricky[i % tricky.length] },
        after: i % 3 === 0 ? undefined : { n: i + 1, flag: true },
      });
    }
    const call = await source.ctx.db
      .selectFrom('funding_calls')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const council = await source.ctx.db
      .selectFrom('council_sources')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await fillRemainingRows(source.ctx.db, {
      userId: admin.user.id,
      organizationId: parent.id,
      callId: call.id,
      sourceId: council.id,
    });
    original = file('original');
    await exportDump(source.ctx, original);
  }, 120_000);

  afterAll(async () => {
    for (const env of opened) await env.drop();
  });

  it('writes the documented header and every dump table in registry order', () => {
    const doc = JSON.parse(readFileSync(original, 'utf8'));
    expect(doc).toMatchObject({ format: 'regiolotse-dump', formatVersion: 1, source: { dialect: first } });
    expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
    expect(Object.keys(doc.tables)).toEqual(dumpTableNames());
    const names = doc.tables.users.map((u: { name: string }) => u.name);
    for (const name of tricky) expect(names).toContain(name);
    const ids = doc.tables.audit_log.map((r: { id: number }) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids.length).toBeGreaterThan(25);
    expect(doc.tables.users[0].disabled).toBe(0);
    type Org = { id: number; name: string; is_public: number; parent_id: number | null };
    const orgs: Org[] = doc.tables.organizations;
    // The demo data has a Kreis Mettmann too; this test's own is the newer one.
    const parent = orgs.filter((o) => o.name === 'Kreis Mettmann').at(-1);
    expect(orgs.find((o) => o.name.startsWith('Amt für Wirtschaftsförderung'))).toMatchObject({
      is_public: 0,
      parent_id: parent?.id,
    });
    const added = doc.tables.memberships.filter((m: { role: string }) => m.role === 'Referent:in');
    expect(added).toHaveLength(tricky.length);
    // Every table holds rows, so every column type and every foreign key takes part in the move.
    const empty = Object.entries(doc.tables as Record<string, unknown[]>).filter(
      ([, rows]) => rows.length === 0,
    );
    expect(empty.map(([t]) => t)).toEqual([]);
    const confidences = doc.tables.funding_deadline_reviews.map((r: { confidence: number }) => r.confidence);
    expect(confidences).toEqual(exactReals.slice(0, 3));
    const uids = doc.tables.funding_ics_state.map((r: { uid: string }) => r.uid);
    expect(uids).toEqual([...uids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it(`moves ${first} → ${other} and back, each dump identical but for exportedAt/source`, async () => {
    const target = await openEnv(other);
    const result = await importDump(target.ctx, original);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
    expect(result.total).toBe(Object.values(await tableCounts(source)).reduce((a, b) => a + b, 0));
    // Reals arrive exactly (double precision on both databases), not rounded to single precision.
    const reviews = await target.ctx.db
      .selectFrom('funding_deadline_reviews')
      .select('confidence')
      .orderBy('id')
      .execute();
    expect(reviews.map((r) => r.confidence)).toEqual(exactReals.slice(0, 3));
    const place = await target.ctx.db
      .selectFrom('council_locations')
      .select(['lat', 'lon'])
      .where('oparl_id', '=', 'https://example.org/oparl/location/rathaus')
      .executeTakeFirstOrThrow();
    expect([place.lat, place.lon]).toEqual([exactReals[3], exactReals[4]]);
    // search indexes are not dumped: finding the organisation proves afterImport rebuilt them
    for (const url of ['/api/organizations?limit=50', '/api/people?limit=50']) {
      const [a, b] = await Promise.all([source, target].map((e) => e.app.inject({ method: 'GET', url })));
      expect(b.statusCode).toBe(200);
      expect(b.json()).toEqual(a.json());
    }
    // FTS5 and tsvector rank differently, so across databases the same hits, not the same order.
    const hits = async (env: Env, q: string) => {
      const url = `/api/search?q=${encodeURIComponent(q)}&limit=100`;
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { total: number; hits: { type: string; id: number; title: string }[] };
      expect(body.total, q).toBeLessThanOrEqual(100);
      return { total: body.total, hits: body.hits.map((h) => `${h.type}/${h.id} ${h.title}`).sort() };
    };
    for (const q of ['Mettmann', 'Wirtschaftsförderung', 'Haushalt']) {
      const [a, b] = [await hits(source, q), await hits(target, q)];
      expect(b).toEqual(a);
      expect(b.total, q).toBeGreaterThan(0);
    }
    expect((await hits(target, 'Mettmann')).hits.join('\n')).toContain('Kreis Mettmann');
    const moved = file('moved');
    await exportDump(target.ctx, moved);
    expect(tablesPart(moved)).toBe(tablesPart(original));
    expect(JSON.parse(readFileSync(moved, 'utf8')).source.dialect).toBe(other);

    // ids were kept, so new rows must continue after them (PostgreSQL sequences were reset)
    const maxId = await target.ctx.db
      .selectFrom('audit_log')
      .select(sql<number>`max(id)`.as('m'))
      .executeTakeFirstOrThrow();
    await recordAudit(target.ctx.db, {
      actor: systemActor('test'),
      entityType: 'x',
      entityId: 1,
      action: 'create',
    });
    const last = await target.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.id).toBe(Number(maxId.m) + 1);

    const back = await openEnv(first);
    await importDump(back.ctx, moved);
    const again = file('again');
    await exportDump(back.ctx, again);
    expect(tablesPart(again)).toBe(tablesPart(original));

    // the moved users can still sign in: password hashes came along unchanged
    const login = await back.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'user1@example.org', password: 'secret-password-1' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('reads tables in small batches exactly as in one go', async () => {
    const small = file('small');
    await exportDump(source.ctx, small, { batchSize: 3 });
    expect(tablesPart(small)).toBe(tablesPart(original));
  });

  it('refuses to import into a database that holds data', async () => {
    const before = await tableCounts(source);
    await expect(importDump(source.ctx, original)).rejects.toThrow(/nicht leer.*not empty/);
    expect(await tableCounts(source)).toEqual(before);
  });

  it('rejects a truncated file and writes nothing', async () => {
    const text = readFileSync(original, 'utf8');
    const target = await openEnv(other);
    const empty = await tableCounts(target);
    // cut inside a row, and cut cleanly after a row: both are incomplete documents
    const cuts = [Math.floor(text.length * 0.7), text.indexOf('}\n', text.indexOf('"audit_log"')) + 1];
    for (const [i, cut] of cuts.entries()) {
      const broken = file(`truncated-${i}`);
      writeFileSync(broken, text.slice(0, cut));
      await expect(importDump(target.ctx, broken)).rejects.toMatchObject({ code: 'DUMP_TRUNCATED' });
      expect(await tableCounts(target)).toEqual(empty);
    }
  });

  it('rejects foreign, newer or inconsistent documents with a clear error', async () => {
    const target = await openEnv(first);
    const doc = JSON.parse(readFileSync(original, 'utf8'));
    const cases: [string, string][] = [
      ['DUMP_MALFORMED', 'not json at all'],
      ['DUMP_FORMAT', JSON.stringify({ name: 'something else', tables: {} })],
      ['DUMP_VERSION', JSON.stringify({ ...doc, formatVersion: 2 })],
      ['DUMP_UNKNOWN_TABLE', JSON.stringify({ ...doc, tables: { ...doc.tables, no_such_table: [] } })],
      [
        'DUMP_MALFORMED',
        JSON.stringify({
          ...doc,
          tables: { ...doc.tables, audit_log: [{ ...doc.tables.audit_log[0], bogus: 1 }] },
        }),
      ],
      ['DUMP_MALFORMED', `${readFileSync(original, 'utf8')}{}`],
    ];
    for (const [i, [code, text]] of cases.entries()) {
      const path = file(`bad-${i}`);
      writeFileSync(path, text);
      await expect(importDump(target.ctx, path), code).rejects.toMatchObject({ code });
    }
    expect(Object.values(await tableCounts(target)).every((n) => n === 0)).toBe(true);
  });

  it('undoes every table already written when the database rejects a row', async () => {
    const doc = JSON.parse(readFileSync(original, 'utf8'));
    doc.tables.users.push({ ...doc.tables.users[0] });
    const path = file('duplicate');
    writeFileSync(path, JSON.stringify(doc));
    for (const dialect of new Set([first, other])) {
      const target = await openEnv(dialect);
      await expect(importDump(target.ctx, path)).rejects.toThrow();
      expect(Object.values(await tableCounts(target)).every((n) => n === 0)).toBe(true);
    }
  });

  it('moves the same data with the real commands: regiolotse export --out FILE, regiolotse import FILE', async () => {
    const target = await openEnv(other);
    const exported = file('cli-export');
    const out = await cli(['export', '--out', exported], source.url);
    expect(out.stdout).toMatch(new RegExp(`^Exported \\d+ rows from ${first} to ${exported}`));
    expect(tablesPart(exported)).toBe(tablesPart(original));

    const imported = await cli(['import', exported], target.url);
    const total = Object.values(await tableCounts(source)).reduce((a, b) => a + b, 0);
    expect(imported.stdout).toContain(`Imported ${total} rows into ${other}`);
    expect(imported.stdout).toMatch(/^ {2}council_papers: \d+$/m);
    const again = file('cli-again');
    await cli(['export', '--out', again], target.url);
    expect(tablesPart(again)).toBe(tablesPart(original));

    // A second import into the now full database fails with the bilingual error and exit code 1.
    const refused = await cli(['import', exported], target.url).catch((err: CliFailure) => err);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as CliFailure).stderr).toMatch(/Fehler \/ Error: .*nicht leer.*not empty/);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
  }, 60_000);

  it('keeps binary cells byte for byte and reals exactly, on both databases', async () => {
    // No dumped table holds a blob today; a table of this test's own takes the path a future one will.
    const probe = {
      name: 'dump_probe',
      migrations: {},
      dumpTables: [...dumpTableNames(), 'dump_probe'],
    };
    const createProbe = async (env: Env) => {
      const [blob, double] = env.dialect === 'sqlite' ? ['blob', 'real'] : ['bytea', 'double precision'];
      await sql
        .raw(`create table dump_probe (id integer primary key, content ${blob}, ratio ${double}, doc text)`)
        .execute(env.ctx.db);
    };
    const bytes = [
      Buffer.from([0, 1, 2, 255, 254, 0x7f, 0x80]),
      Buffer.alloc(0),
      Buffer.from('%PDF-1.7\n', 'latin1'),
    ];
    const from = await openEnv(first);
    await createProbe(from);
    const probeDb = from.ctx.db as unknown as Kysely<{
      dump_probe: { id: number; content: Buffer | null; ratio: number | null; doc: string | null };
    }>;
    for (const [i, content] of [...bytes, null].entries()) {
      await probeDb
        .insertInto('dump_probe')
        .values({
          id: i + 1,
          content,
          ratio: exactReals[i] ?? null,
          doc: JSON.stringify({ i, ä: [true, null] }),
        })
        .execute();
    }
    const path = file('probe');
    await exportDump(from.ctx, path, { tables: probe.dumpTables });
    const rows = JSON.parse(readFileSync(path, 'utf8')).tables.dump_probe;
    expect(rows[0].content).toEqual({ $bytes: bytes[0].toString('base64') });
    expect(rows[3].content).toBeNull();

    const to = await openEnv(other);
    await createProbe(to);
    await importDump(to.ctx, path, {
      domains: [...domains, { name: 'probe', migrations: {}, dumpTables: ['dump_probe'] }],
    });
    const back = await (to.ctx.db as unknown as typeof probeDb)
      .selectFrom('dump_probe')
      .selectAll()
      .orderBy('id')
      .execute();
    expect(back.map((r) => (r.content === null ? null : Buffer.from(r.content)))).toEqual([...bytes, null]);
    expect(back.map((r) => r.ratio)).toEqual([...exactReals.slice(0, 3), exactReals[3]]);
    const moved = file('probe-moved');
    await exportDump(to.ctx, moved, { tables: probe.dumpTables });
    expect(tablesPart(moved)).toBe(tablesPart(path));
  });

  it.runIf(testDialects.includes('postgres'))(
    'declares no single-precision column on PostgreSQL',
    async () => {
      const env = opened.find((e) => e.dialect === 'postgres') ?? (await openEnv('postgres'));
      const res = await sql<{ column: string }>`
      select table_name || '.' || column_name as column from information_schema.columns
      where table_schema = current_schema() and data_type = 'real'`.execute(env.ctx.db);
      expect(res.rows.map((r) => r.column)).toEqual([]);
    },
  );
});
