import type { Command } from 'commander';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../infra/config.js';
import type { Database, DialectName } from '../infra/db/connect.js';
import type { MigrationSet } from '../infra/db/migrate.js';
import type { JobDefinition, JobRunner } from '../infra/jobs/runner.js';
import type { Logger } from '../infra/logger.js';
import type { DB } from './schema.js';

export interface AppContext {
  config: Config;
  logger: Logger;
  database: Database<DB>;
  db: Kysely<DB>;
  dialect: DialectName;
  jobs: JobRunner;
  /** Secret for HMAC-signed links; from APP_SECRET or generated once and kept in the database. */
  secret: string;
}

export type AppServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

/** What a domain contributes. The registry in domains.ts lists them; nothing else wires domains. */
export interface DomainModule {
  name: string;
  migrations: MigrationSet;
  /** Tables in an order that satisfies foreign keys, for `regiolotse export` / `import`. */
  dumpTables?: string[];
  routes?: (app: AppServer, ctx: AppContext) => void | Promise<void>;
  jobs?: (ctx: AppContext) => JobDefinition[];
  cli?: (program: Command, withContext: WithContext) => void;
  /** Loads this domain's demo data; must be idempotent (a second run changes nothing). */
  seedDemo?: (ctx: AppContext, progress: (message: string) => void) => Promise<void>;
  /** Rebuild derived data (search indexes) after a dump was imported. */
  afterImport?: (ctx: AppContext) => Promise<void>;
}
