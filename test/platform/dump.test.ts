import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createContext } from '../../src/app/create-context.js';
import { countRows, dumpTableNames } from '../../src/app/dump/dump-tables.js';
import { exportDump } from '../../src/app/dump/export-dump.js';
import { importDump } from '../../src/app/dump/import-dump.js';
import { systemActor } from '../../src/domains/access/actor.js';
import { recordAudit } from '../../src/domains/audit/record-audit.js';
import { loadConfig } from '../../src/infra/config.js';
import type { DialectName } from '../../src/infra/db/connect.js';
import { createLogger } from '../../src/infra/logger.js';
import { signIn } from '../helpers/auth.js';
import type { TestEnv } from '../helpers/context.js';
import { cloneTestDatabase, testDialects, tmpDir } from '../helpers/databases.js';

type Env = TestEnv & { drop: () => Promise<void> };
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

const first: DialectName = testDialects.includes('sqlite') ? 'sqlite' : testDialects[0];
const other: DialectName = testDialects.includes('postgres') ? 'postgres' : first;
const tricky = ['Jürgen Müller-Lüdenscheidt', 'Ω "quoted" \\ back\\slash', 'Zeile 1\nZeile 2\t😀', '=1+2'];

describe('regiolotse export / import', () => {
  let source: Env;
  let original: string;

  beforeAll(async () => {
    source = await openEnv(first);
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
    original = file('original');
    await exportDump(source.ctx, original);
  });

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
    expect(doc.tables.organizations[1]).toMatchObject({
      is_public: 0,
      parent_id: doc.tables.organizations[0].id,
    });
    expect(doc.tables.memberships).toHaveLength(tricky.length);
  });

  it(`moves ${first} → ${other} and back, each dump identical but for exportedAt/source`, async () => {
    const target = await openEnv(other);
    const result = await importDump(target.ctx, original);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
    expect(result.total).toBe(Object.values(await tableCounts(source)).reduce((a, b) => a + b, 0));
    // search indexes are not dumped: finding the organisation proves afterImport rebuilt them
    for (const url of ['/api/organizations?limit=50', '/api/people?limit=50', '/api/search?q=Mettmann']) {
      const [a, b] = await Promise.all([source, target].map((e) => e.app.inject({ method: 'GET', url })));
      expect(b.statusCode).toBe(200);
      expect(b.json()).toEqual(a.json());
      if (url.includes('search')) expect(b.body).toContain('Kreis Mettmann');
    }
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
});
