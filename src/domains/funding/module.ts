import type { DomainModule } from '../../app/context.js';

export const fundingModule: DomainModule = {
  name: 'funding',
  migrations: {},
};
