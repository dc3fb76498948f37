import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { allMigrations } from '../../src/app/create-context.js';
import { openDatabase } from '../../src/infra/db/connect.js';
import { migrateToLatest } from '../../src/infra/db/migrate.js';
import {
  pgAdmin,
  pgTemplateName,
  pgUrlFor,
  sqliteTemplate,
  testDialects,
  testRunId,
  tmpDir,
} from './databases.js';

async function dropRunDatabases(runId: string): Promise<void> {
  await pgAdmin(async (c) => {
    const rows = await c.query<{ datname: string }>(
      'select datname from pg_database where datname like $1 or datname = $2',
      [`regiolotse_t_${runId}_%`, `regiolotse_tpl_${runId}`],
    );
    for (const r of rows.rows) {
      await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${r.datname}'`);
      await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    }
  });
}

/** Migrates once into a template per database; each test file clones it. */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.REGIOLOTSE_TEST_RUN ??= randomBytes(4).toString('hex');
  const runId = testRunId();
  mkdirSync(tmpDir(), { recursive: true });
  if (testDialects.includes('sqlite')) {
    const d = openDatabase(`sqlite:${sqliteTemplate()}`);
    await migrateToLatest(d.db as Kysely<unknown>, 'sqlite', allMigrations());
    d.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    d.sqlite!.pragma('journal_mode = DELETE');
    await d.close();
  }
  if (testDialects.includes('postgres')) {
    await pgAdmin((c) => c.query(`CREATE DATABASE ${pgTemplateName()}`));
    const d = openDatabase(pgUrlFor(pgTemplateName()));
    await migrateToLatest(d.db as Kysely<unknown>, 'postgres', allMigrations());
    await d.close();
    await pgAdmin((c) =>
      c.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${pgTemplateName()}'`),
    );
  }
  return async () => {
    if (testDialects.includes('postgres')) await dropRunDatabases(runId);
    rmSync(tmpDir(), { recursive: true, force: true });
  };
}
