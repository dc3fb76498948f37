import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { AppContext } from '../../src/app/context.js';
import { createContext } from '../../src/app/create-context.js';
import { loadConfig } from '../../src/infra/config.js';
import { createLogger } from '../../src/infra/logger.js';

/** Opens (and migrates) a database the way the CLI does, without jobs or log output. */
export function openContext(databaseUrl: string): Promise<AppContext> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  });
  return createContext({ config, logger: createLogger('silent') });
}

/** A fresh SQLite file under outDir (any leftover of an earlier run removed). */
export function sqliteUrl(outDir: string, name: string): string {
  const file = join(outDir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return `sqlite:${file}`;
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A throw-away PostgreSQL database; `drop` removes it. */
export async function createPgDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `regiolotse_bench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
