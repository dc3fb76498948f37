import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { DialectName } from '../../src/infra/db/connect.js';

/** Which databases the data tests run on: both unless TEST_DATABASES narrows it (e.g. "sqlite"). */
export const testDialects: DialectName[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DialectName => s === 'sqlite' || s === 'postgres');

/**
 * Each test run has its own id (set by the global setup, inherited by the workers), so that several
 * runs on one machine never touch each other's databases.
 */
export function testRunId(): string {
  const id = process.env.REGIOLOTSE_TEST_RUN;
  if (!id) throw new Error('REGIOLOTSE_TEST_RUN is not set: run the tests through vitest (global setup)');
  return id;
}

export const tmpRoot = join(process.cwd(), '.vitest-tmp');
export const tmpDir = () => join(tmpRoot, testRunId());
export const sqliteTemplate = () => join(tmpDir(), 'template.db');
export const pgAdminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const pgTemplateName = () => `regiolotse_tpl_${testRunId()}`;

export function pgUrlFor(dbName: string): string {
  const u = new URL(pgAdminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the migrated template; returns its URL and a dropper. */
export async function cloneTestDatabase(
  dialect: DialectName,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const id = randomUUID().replaceAll('-', '').slice(0, 16);
  if (dialect === 'sqlite') {
    mkdirSync(tmpDir(), { recursive: true });
    const file = join(tmpDir(), `t_${id}.db`);
    copyFileSync(sqliteTemplate(), file);
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `regiolotse_t_${testRunId()}_${id}`;
  await pgAdmin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`);
        return;
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 200 + attempt * 200));
      }
    }
  });
  return {
    url: pgUrlFor(name),
    drop: async () => {
      await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
