import type { PageModule } from '../../lib/page-module';

export const fundingPages: PageModule = {
  routes: [],
  nav: [],
  messages: { de: {}, en: {} },
};
