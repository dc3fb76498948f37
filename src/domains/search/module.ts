import type { DomainModule } from '../../app/context.js';
import { reclassifyJob } from './classify/reclassify-job.js';
import { searchMigrations } from './migrations.js';
import { searchPrecisionMigrations } from './precision-migrations.js';
import { radarMapRoutes } from './radar-map/map-routes.js';
import { searchRoutes } from './routes.js';
import { classifyRoutes } from './routes-classify.js';

/**
 * Full-text search, fields-of-action classification and the regional radar. Its tables are derived
 * from other domains (they index through indexer.ts), so they are not part of dumps: the source
 * domains re-index in their afterImport.
 */
export const searchModule: DomainModule = {
  name: 'search',
  migrations: { ...searchMigrations, ...searchPrecisionMigrations },
  routes(app, ctx) {
    searchRoutes(app, ctx);
    classifyRoutes(app, ctx);
    radarMapRoutes(app, ctx);
  },
  jobs: (ctx) => [reclassifyJob(ctx)],
};
