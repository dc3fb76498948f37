import type { PageModule } from '../../lib/page-module';
import { CallListPage } from './call-list-page';
import { CallPage } from './call-page';
import { fundingCallsMessages } from './calls-messages';
import { fundingRadarMessages } from './messages';
import { PointersWidget } from './pointers-widget';
import { ProgrammeListPage } from './programme-list-page';
import { ProgrammePage } from './programme-page';
import { ReviewPage } from './review-page';
import { WatchlistPage } from './watchlist-page';

export const fundingPages: PageModule = {
  routes: [
    { path: 'funding/calls', element: <CallListPage /> },
    { path: 'funding/calls/:id', element: <CallPage /> },
    { path: 'funding/programmes', element: <ProgrammeListPage /> },
    { path: 'funding/programmes/:id', element: <ProgrammePage /> },
    { path: 'funding/review', element: <ReviewPage /> },
    { path: 'funding/watchlist', element: <WatchlistPage /> },
  ],
  nav: [
    { path: '/funding/calls', label: 'nav.funding.calls' },
    { path: '/funding/programmes', label: 'nav.funding.programmes' },
    {
      path: '/funding/watchlist',
      label: 'nav.funding.watchlist',
      roles: ['admin', 'office', 'partner', 'reader'],
    },
    { path: '/funding/review', label: 'nav.funding.review', roles: ['admin', 'office'] },
  ],
  messages: {
    de: {
      ...fundingRadarMessages.de,
      ...fundingCallsMessages.de,
      'nav.funding.programmes': 'Förderprogramme',
      'funding.programmes.title': 'Förderprogramme',
      'funding.programmes.search': 'Programme durchsuchen',
      'funding.programmes.empty': 'Keine Programme gefunden.',
    },
    en: {
      ...fundingRadarMessages.en,
      ...fundingCallsMessages.en,
      'nav.funding.programmes': 'Funding programmes',
      'funding.programmes.title': 'Funding programmes',
      'funding.programmes.search': 'Search programmes',
      'funding.programmes.empty': 'No programmes found.',
    },
  },
  dashboard: [
    { id: 'funding-pointers', element: <PointersWidget />, roles: ['admin', 'office', 'partner', 'reader'] },
  ],
};
