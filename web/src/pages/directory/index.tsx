import type { PageModule } from '../../lib/page-module';

export const directoryPages: PageModule = {
  routes: [],
  nav: [],
  messages: { de: {}, en: {} },
};
