import type { DomainModule } from '../../app/context.js';
import { searchMigrations } from './migrations.js';
import { searchRoutes } from './routes.js';

export const searchModule: DomainModule = {
  name: 'search',
  migrations: searchMigrations,
  routes: searchRoutes,
};
