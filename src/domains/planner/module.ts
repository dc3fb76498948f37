import type { DomainModule } from '../../app/context.js';
import { registerPlannerCli } from './cli.js';
import { seedPlannerDemo } from './demo/seed-demo.js';
import { plannerMigrations } from './migrations.js';
import { registerPlannerRoutes } from './routes.js';

export const plannerModule: DomainModule = {
  name: 'planner',
  migrations: plannerMigrations,
  dumpTables: ['planner_body_settings', 'planner_sequences', 'planner_meetings', 'planner_examples'],
  routes: registerPlannerRoutes,
  cli: registerPlannerCli,
  seedDemo: seedPlannerDemo,
};
