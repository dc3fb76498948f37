import { mkdirSync, rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { allMigrations } from '../../src/app/create-context.js';
import { openDatabase } from '../../src/infra/db/connect.js';
import { migrateToLatest } from '../../src/infra/db/migrate.js';
import { pgAdmin, pgTemplateName, pgUrlFor, sqliteTemplate, testDialects, tmpDir } from './databases.js';

/** Migrates once into a template per database; each test file clones it. */
export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(tmpDir, { recursive: true });
  if (testDialects.includes('sqlite')) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteTemplate + suffix, { force: true });
    const d = openDatabase(`sqlite:${sqliteTemplate}`);
    await migrateToLatest(d.db as Kysely<unknown>, 'sqlite', allMigrations());
    d.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    d.sqlite!.pragma('journal_mode = DELETE');
    await d.close();
  }
  if (testDialects.includes('postgres')) {
    await pgAdmin(async (c) => {
      const stale = await c.query<{ datname: string }>(
        "select datname from pg_database where datname like 'regiolotse_t_%' or datname = $1",
        [pgTemplateName],
      );
      for (const r of stale.rows) {
        await c.query(`UPDATE pg_database SET datistemplate = false WHERE datname = '${r.datname}'`);
        await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      }
      await c.query(`CREATE DATABASE ${pgTemplateName}`);
    });
    const d = openDatabase(pgUrlFor(pgTemplateName));
    await migrateToLatest(d.db as Kysely<unknown>, 'postgres', allMigrations());
    await d.close();
    await pgAdmin((c) =>
      c.query(`UPDATE pg_database SET datistemplate = true WHERE datname = '${pgTemplateName}'`),
    );
  }
  return async () => {
    rmSync(tmpDir, { recursive: true, force: true });
  };
}
