import type { PageModule } from '../../lib/page-module';

export const adminPages: PageModule = {
  routes: [],
  nav: [],
  messages: { de: {}, en: {} },
};
