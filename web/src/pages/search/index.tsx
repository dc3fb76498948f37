import type { PageModule } from '../../lib/page-module';

export const searchPages: PageModule = {
  routes: [],
  nav: [],
  messages: { de: {}, en: {} },
};
