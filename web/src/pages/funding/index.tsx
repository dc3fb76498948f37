import type { PageModule } from '../../lib/page-module';
import { CallListPage } from './call-list-page';
import { CallPage } from './call-page';
import { fundingCallsMessages } from './calls-messages';
import { fundingRadarMessages } from './messages';
import { PointersWidget } from './pointers-widget';
import { ProgrammePage } from './programme-page';
import { ReviewPage } from './review-page';
import { WatchlistPage } from './watchlist-page';

export const fundingPages: PageModule = {
  routes: [
    { path: 'funding/calls', element: <CallListPage /> },
    { path: 'funding/calls/:id', element: <CallPage /> },
    { path: 'funding/programmes/:id', element: <ProgrammePage /> },
    { path: 'funding/review', element: <ReviewPage /> },
    { path: 'funding/watchlist', element: <WatchlistPage /> },
  ],
  nav: [
    { path: '/funding/calls', label: 'nav.funding.calls' },
    {
      path: '/funding/watchlist',
      label: 'nav.funding.watchlist',
      roles: ['admin', 'office', 'partner', 'reader'],
    },
    { path: '/funding/review', label: 'nav.funding.review', roles: ['admin', 'office'] },
  ],
  messages: {
    de: { ...fundingRadarMessages.de, ...fundingCallsMessages.de },
    en: { ...fundingRadarMessages.en, ...fundingCallsMessages.en },
  },
  dashboard: [
    { id: 'funding-pointers', element: <PointersWidget />, roles: ['admin', 'office', 'partner', 'reader'] },
  ],
};
