import { z } from 'zod';
import type { DomainModule } from '../../app/context.js';
import { defineJob } from '../../infra/jobs/runner.js';
import { accountsCli } from './cli.js';
import { accountsMigrations } from './migrations.js';
import { accountsRoutes } from './routes.js';
import { pruneExpiredSessions } from './sessions.js';

export const accountsModule: DomainModule = {
  name: 'accounts',
  migrations: accountsMigrations,
  // Sessions are not moved: after a move everyone signs in again.
  dumpTables: ['users'],
  routes: accountsRoutes,
  cli: accountsCli,
  jobs: (ctx) => [
    defineJob({
      type: 'accounts.prune-sessions',
      payload: z.object({}),
      schedule: { everyMinutes: 60 },
      handler: async () => ({ deleted: await pruneExpiredSessions(ctx.db) }),
    }),
  ],
};
