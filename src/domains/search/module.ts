import type { DomainModule } from '../../app/context.js';

export const searchModule: DomainModule = {
  name: 'search',
  migrations: {},
};
