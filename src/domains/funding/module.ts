import { z } from 'zod';
import type { DomainModule } from '../../app/context.js';
import { defineJob } from '../../infra/jobs/runner.js';
import { fundingAlertMigrations } from './alerts/alert-migrations.js';
import { fundingRadar } from './alerts/radar-module.js';
import { IMPORT_JOB, importUpload } from './api/import-upload.js';
import { fundingCli } from './cli.js';
import { seedFundingDemo } from './demo/seed-demo.js';
import { fundingMigrations } from './migrations.js';
import { fundingPrecisionMigrations } from './precision-migrations.js';
import { fundingRadarMigrations } from './radar-migrations.js';
import { fundingRoutes } from './routes.js';
import { reimportSources } from './sources.js';
import { fundingSyncMigrations } from './sync/migrations.js';

export const fundingModule: DomainModule = {
  name: 'funding',
  migrations: {
    ...fundingMigrations,
    ...fundingRadarMigrations,
    ...fundingPrecisionMigrations,
    ...fundingAlertMigrations,
    ...fundingSyncMigrations,
  },
  dumpTables: [
    'funding_sources',
    'funding_import_runs',
    'funding_programmes',
    'funding_calls',
    'funding_rounds',
    'funding_changes',
    'funding_quarantine',
    'funding_funded_projects',
    'funding_call_classifications',
    ...fundingRadar.dumpTables,
  ],
  routes: async (app, ctx) => {
    await fundingRoutes(app, ctx);
    fundingRadar.routes(app, ctx);
  },
  cli: (program, withContext) => {
    fundingCli(program, withContext);
    fundingRadar.cli(program, withContext);
  },
  seedDemo: seedFundingDemo,
  jobs: (ctx) => [
    defineJob({
      type: IMPORT_JOB,
      payload: z.object({ uploadId: z.number().int() }),
      maxAttempts: 1,
      // the import queues the immediate alerts itself when it brings new calls (sync/apply-import.ts)
      handler: async ({ uploadId }, progress) => importUpload(ctx.db, uploadId, progress),
    }),
    defineJob({
      type: 'funding.reimport',
      payload: z.object({}),
      schedule: { dailyAtUtc: '03:40' },
      maxAttempts: 1,
      handler: async (_payload, progress) => {
        const sources = await reimportSources(ctx.db, (done, total, message) =>
          progress(done, total, message),
        );
        return { sources };
      },
    }),
    ...fundingRadar.jobs(ctx),
  ],
};
