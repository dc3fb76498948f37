import type { Command } from 'commander';
import type { AppContext, AppServer, WithContext } from '../../../app/context.js';
import type { JobDefinition } from '../../../infra/jobs/runner.js';
import { reviewRoutes } from '../deadlines/routes.js';
import { radarCli } from '../feeds/cli.js';
import { feedRoutes } from '../feeds/routes.js';
import { matchingRoutes } from '../matching/routes.js';
import { radarJobs } from './jobs.js';
import { alertRoutes } from './routes.js';

/**
 * What the radar (deadline review, matching, pointers, alerts, feeds) adds to the funding domain;
 * module.ts spreads these into its DomainModule.
 */
export const fundingRadar = {
  dumpTables: [
    'funding_projects',
    'funding_org_profiles',
    'funding_match_feedback',
    'funding_deadline_reviews',
    'funding_pointers',
    'funding_activity',
    'funding_alert_settings',
    'funding_saved_searches',
    'funding_watches',
    'funding_alert_log',
    'funding_ics_state',
  ],
  routes(app: AppServer, ctx: AppContext): void {
    reviewRoutes(app, ctx);
    matchingRoutes(app, ctx);
    alertRoutes(app, ctx);
    feedRoutes(app, ctx);
  },
  cli(program: Command, withContext: WithContext): void {
    radarCli(program, withContext);
  },
  jobs(ctx: AppContext): JobDefinition[] {
    return radarJobs(ctx);
  },
};
