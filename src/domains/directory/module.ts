import type { DomainModule } from '../../app/context.js';

export const directoryModule: DomainModule = {
  name: 'directory',
  migrations: {},
};
