import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import type { AppContext, AppServer } from '../../src/app/context.js';
import { createContext } from '../../src/app/create-context.js';
import { loadConfig } from '../../src/infra/config.js';
import type { DialectName } from '../../src/infra/db/connect.js';
import { createLogger } from '../../src/infra/logger.js';
import { cloneTestDatabase, testDialects } from './databases.js';

export interface TestEnv {
  dialect: DialectName;
  ctx: AppContext;
  app: AppServer;
}

/**
 * Runs the suite once per database (SQLite and PostgreSQL). Each run gets its own database copied
 * from the migrated template and an in-process app (use app.inject).
 */
export function describeEachDb(name: string, suite: (env: () => TestEnv) => void): void {
  for (const dialect of testDialects) {
    describe(`${name} [${dialect}]`, () => {
      let env: TestEnv | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const clone = await cloneTestDatabase(dialect);
        drop = clone.drop;
        const config = loadConfig({
          DATABASE_URL: clone.url,
          LOG_LEVEL: 'silent',
          APP_SECRET: 'test-secret-test-secret-test-secret-000',
          JOBS: 'off',
          RATE_LIMIT_PER_MINUTE: '1000000',
        });
        const ctx = await createContext({ config, logger: createLogger('silent'), migrate: false });
        const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
        await app.ready();
        env = { dialect, ctx, app };
      });
      afterAll(async () => {
        await env?.app.close();
        await env?.ctx.database.close();
        await drop?.();
      });
      suite(() => {
        if (!env) throw new Error('test environment not ready');
        return env;
      });
    });
  }
}
