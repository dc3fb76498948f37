import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../infra/config.js';
import { openDatabase } from '../infra/db/connect.js';
import { type MigrationSet, migrateToLatest } from '../infra/db/migrate.js';
import { JobRunner } from '../infra/jobs/runner.js';
import type { JobTables } from '../infra/jobs/tables.js';
import { createLogger, type Logger } from '../infra/logger.js';
import type { AppContext } from './context.js';
import { domains } from './domains.js';
import { loadOrCreateSecret } from './ops-module.js';
import type { DB } from './schema.js';

export function allMigrations(): MigrationSet {
  const set: MigrationSet = {};
  for (const d of domains) {
    for (const [name, m] of Object.entries(d.migrations)) {
      if (set[name]) throw new Error(`Migration name ${name} used twice`);
      set[name] = m;
    }
  }
  return set;
}

export interface CreateContextOptions {
  config?: Config;
  logger?: Logger;
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
}

/** Opens the database, migrates, and registers every domain's jobs. */
export async function createContext(opts: CreateContextOptions = {}): Promise<AppContext> {
  const config = opts.config ?? loadConfig();
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const database = openDatabase<DB>(config.DATABASE_URL);
  try {
    if (opts.migrate !== false) {
      await migrateToLatest(database.db as unknown as Kysely<unknown>, database.dialect, allMigrations());
    }
    const secret = await loadOrCreateSecret(database.db, config.APP_SECRET);
    // The runner only touches its own tables; it is typed against them alone.
    const jobs = new JobRunner(database.db as unknown as Kysely<JobTables>, logger);
    const ctx: AppContext = {
      config,
      logger,
      database,
      db: database.db,
      dialect: database.dialect,
      jobs,
      secret,
    };
    for (const d of domains) for (const job of d.jobs?.(ctx) ?? []) jobs.register(job);
    return ctx;
  } catch (err) {
    await database.close();
    throw err;
  }
}
