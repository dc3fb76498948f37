import type { DomainModule } from '../../app/context.js';
import { fundingMigrations } from './migrations.js';

export const fundingModule: DomainModule = {
  name: 'funding',
  migrations: fundingMigrations,
  dumpTables: [
    'funding_sources',
    'funding_import_runs',
    'funding_programmes',
    'funding_calls',
    'funding_rounds',
    'funding_changes',
    'funding_quarantine',
    'funding_funded_projects',
  ],
};
