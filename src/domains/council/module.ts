import type { DomainModule } from '../../app/context.js';

export const councilModule: DomainModule = {
  name: 'council',
  migrations: {},
};
