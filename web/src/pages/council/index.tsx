import { mergeMessages } from '../../lib/i18n';
import type { PageModule } from '../../lib/page-module';
import { CouncilBodiesPage } from './bodies-page';
import { CouncilBodyPage } from './body-page';
import { CommitteePage } from './committee-page';
import { MeetingPage } from './meeting-page';
import { councilMessages } from './messages';
import { PaperPage } from './paper-page';
import { PaperUploadPage, paperUploadMessages } from './paper-upload-page';
import { SourcesPage } from './sources-page';

export const councilPages: PageModule = {
  routes: [
    { path: 'council', element: <CouncilBodiesPage /> },
    { path: 'council/bodies/:id', element: <CouncilBodyPage /> },
    { path: 'council/papers/:id', element: <PaperPage /> },
    { path: 'council/papers/upload', element: <PaperUploadPage /> },
    { path: 'council/meetings/:id', element: <MeetingPage /> },
    { path: 'council/organizations/:id', element: <CommitteePage /> },
    { path: 'council/sources', element: <SourcesPage /> },
  ],
  nav: [
    { path: '/council', label: 'nav.council' },
    { path: '/council/sources', label: 'nav.councilSources', roles: ['admin', 'office'] },
    { path: '/council/papers/upload', label: 'nav.paperUpload', roles: ['admin', 'office', 'partner'] },
  ],
  messages: mergeMessages([councilMessages, paperUploadMessages]),
};
