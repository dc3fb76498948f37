import type { PageModule } from '../../lib/page-module';

export const councilPages: PageModule = {
  routes: [],
  nav: [],
  messages: { de: {}, en: {} },
};
