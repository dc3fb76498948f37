import type { PageModule } from '../../lib/page-module';
import { CallCreatePage, CallEditPage } from './call-form-page';
import { CallListPage } from './call-list-page';
import { CallPage } from './call-page';
import { fundingCallsMessages } from './calls-messages';
import { fundingEditingMessages } from './editing-messages';
import { ImportPage } from './import-page';
import { ProfileMatchesPage, ProjectMatchesPage } from './matches-page';
import { fundingMatchingMessages } from './matching-messages';
import { fundingRadarMessages } from './messages';
import { PointersWidget } from './pointers-widget';
import { ProfilePage, ProfilesPage } from './profile-page';
import { ProgrammeCreatePage, ProgrammeEditPage } from './programme-form-page';
import { ProgrammeListPage } from './programme-list-page';
import { ProgrammePage } from './programme-page';
import { ProjectCreatePage, ProjectEditPage } from './project-form-page';
import { ProjectsPage } from './projects-page';
import { ReviewPage } from './review-page';
import { RoundsPage } from './rounds-page';
import { WatchlistPage } from './watchlist-page';

export const fundingPages: PageModule = {
  routes: [
    { path: 'funding/calls', element: <CallListPage /> },
    { path: 'funding/calls/new', element: <CallCreatePage /> },
    { path: 'funding/calls/:id', element: <CallPage /> },
    { path: 'funding/calls/:id/edit', element: <CallEditPage /> },
    { path: 'funding/calls/:id/rounds', element: <RoundsPage /> },
    { path: 'funding/programmes', element: <ProgrammeListPage /> },
    { path: 'funding/programmes/new', element: <ProgrammeCreatePage /> },
    { path: 'funding/programmes/:id', element: <ProgrammePage /> },
    { path: 'funding/programmes/:id/edit', element: <ProgrammeEditPage /> },
    { path: 'funding/projects', element: <ProjectsPage /> },
    { path: 'funding/projects/new', element: <ProjectCreatePage /> },
    { path: 'funding/projects/:id/edit', element: <ProjectEditPage /> },
    { path: 'funding/projects/:id/matches', element: <ProjectMatchesPage /> },
    { path: 'funding/profiles', element: <ProfilesPage /> },
    { path: 'funding/profiles/:id', element: <ProfilePage /> },
    { path: 'funding/profiles/:id/matches', element: <ProfileMatchesPage /> },
    { path: 'funding/import', element: <ImportPage /> },
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
    {
      path: '/funding/projects',
      label: 'nav.funding.projects',
      roles: ['admin', 'office', 'partner', 'reader'],
    },
    {
      path: '/funding/profiles',
      label: 'nav.funding.profiles',
      roles: ['admin', 'office', 'partner', 'reader'],
    },
    { path: '/funding/review', label: 'nav.funding.review', roles: ['admin', 'office'] },
    { path: '/funding/import', label: 'nav.funding.import', roles: ['admin', 'office'] },
  ],
  messages: {
    de: {
      ...fundingRadarMessages.de,
      ...fundingCallsMessages.de,
      ...fundingMatchingMessages.de,
      ...fundingEditingMessages.de,
      'nav.funding.programmes': 'Förderprogramme',
      'funding.programmes.title': 'Förderprogramme',
      'funding.programmes.search': 'Programme durchsuchen',
      'funding.programmes.empty': 'Keine Programme gefunden.',
    },
    en: {
      ...fundingRadarMessages.en,
      ...fundingCallsMessages.en,
      ...fundingMatchingMessages.en,
      ...fundingEditingMessages.en,
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
