import type { DomainModule } from '../../app/context.js';
import { searchMigrations } from './migrations.js';

export const searchModule: DomainModule = {
  name: 'search',
  migrations: searchMigrations,
  dumpTables: ['search_documents', 'classifications'],
};
