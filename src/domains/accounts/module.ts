import type { DomainModule } from '../../app/context.js';

export const accountsModule: DomainModule = {
  name: 'accounts',
  migrations: {},
};
