import type { DomainModule } from '../../app/context.js';
import { directoryMigrations } from './migrations.js';
import { bodyRoutes } from './routes-bodies.js';
import { organizationRoutes } from './routes-organizations.js';
import { peopleRoutes } from './routes-people.js';
import { referenceRoutes } from './routes-reference.js';
import { reindexAllOrganizations } from './search-index.js';
import { seedDirectoryDemo } from './seed/seed-demo.js';

/** Bodies, organisations, people, memberships, addresses, timelines and fields of action. */
export const directoryModule: DomainModule = {
  name: 'directory',
  migrations: directoryMigrations,
  dumpTables: [
    'bodies',
    'organizations',
    'people',
    'memberships',
    'organization_relations',
    'addresses',
    'organization_events',
    'fields_of_action',
  ],
  routes(app, ctx) {
    organizationRoutes(app, ctx);
    peopleRoutes(app, ctx);
    referenceRoutes(app, ctx);
    bodyRoutes(app, ctx);
  },
  async seedDemo(ctx, progress) {
    await seedDirectoryDemo(ctx, progress);
    progress(`search index: ${await reindexAllOrganizations(ctx)} organisation(s)`);
  },
  async afterImport(ctx) {
    await reindexAllOrganizations(ctx);
  },
};
