import type { PageModule } from '../../lib/page-module';
import { AuditPage } from './audit-page';
import { JobsPage } from './jobs-page';
import { adminMessages } from './messages';

export const adminPages: PageModule = {
  routes: [
    { path: 'admin/audit', element: <AuditPage /> },
    { path: 'admin/jobs', element: <JobsPage /> },
  ],
  nav: [
    { path: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
    { path: '/admin/jobs', label: 'nav.jobs', roles: ['admin'] },
  ],
  navGroup: 'nav.group.admin',
  messages: adminMessages,
};
