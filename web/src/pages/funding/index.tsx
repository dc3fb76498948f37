import type { PageModule } from '../../lib/page-module';
import { fundingRadarMessages } from './messages';
import { PointersWidget } from './pointers-widget';
import { ReviewPage } from './review-page';
import { WatchlistPage } from './watchlist-page';

export const fundingPages: PageModule = {
  routes: [
    { path: 'funding/review', element: <ReviewPage /> },
    { path: 'funding/watchlist', element: <WatchlistPage /> },
  ],
  nav: [
    {
      path: '/funding/watchlist',
      label: 'nav.funding.watchlist',
      roles: ['admin', 'office', 'partner', 'reader'],
    },
    { path: '/funding/review', label: 'nav.funding.review', roles: ['admin', 'office'] },
  ],
  messages: fundingRadarMessages,
  dashboard: [
    { id: 'funding-pointers', element: <PointersWidget />, roles: ['admin', 'office', 'partner', 'reader'] },
  ],
};
