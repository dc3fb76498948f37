import type { PageModule } from '../../lib/page-module';
import { searchMessages } from './messages';
import { RadarPage } from './radar-page';
import { SearchPage } from './search-page';

export const searchPages: PageModule = {
  routes: [
    { path: 'search', element: <SearchPage /> },
    { path: 'radar', element: <RadarPage /> },
  ],
  nav: [
    { path: '/search', label: 'nav.search' },
    { path: '/radar', label: 'nav.radar' },
  ],
  messages: searchMessages,
};
