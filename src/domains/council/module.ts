import type { DomainModule } from '../../app/context.js';
import { registerCouncilCli } from './cli.js';
import { councilJobs } from './jobs.js';
import { councilMigrations } from './migrations.js';
import { reindexCouncil } from './reindex.js';
import { registerCouncilRoutes } from './routes.js';

export const councilModule: DomainModule = {
  name: 'council',
  migrations: councilMigrations,
  dumpTables: [
    'council_sources',
    'council_bodies',
    'council_organizations',
    'council_persons',
    'council_memberships',
    'council_locations',
    'council_legislative_terms',
    'council_meetings',
    'council_agenda_items',
    'council_papers',
    'council_consultations',
    'council_files',
    'council_quarantine',
    'council_sync_cursors',
  ],
  routes: registerCouncilRoutes,
  jobs: councilJobs,
  cli: registerCouncilCli,
  afterImport: async (ctx) => {
    await reindexCouncil(ctx);
  },
};
