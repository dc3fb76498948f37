import type { DomainModule } from '../../../app/context.js';
import { registerVorlageCli } from './cli.js';
import { seedDemoVorlage } from './demo-seed.js';
import { registerVorlageRoutes } from './routes.js';

/** Reading Vorlagen (council submissions) into structured papers, stored in the council tables. */
export const vorlageModule: DomainModule = {
  name: 'vorlage',
  migrations: {},
  routes: registerVorlageRoutes,
  cli: registerVorlageCli,
  seedDemo: seedDemoVorlage,
};
