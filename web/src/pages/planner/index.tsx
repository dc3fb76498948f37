import type { PageModule } from '../../lib/page-module';
import { PlannerBodyPage } from './body-page';
import { plannerMessages } from './messages';
import { PlannerPage } from './planner-page';

export const plannerPages: PageModule = {
  routes: [
    { path: 'planner', element: <PlannerPage /> },
    { path: 'planner/bodies/:id', element: <PlannerBodyPage /> },
  ],
  nav: [{ path: '/planner', label: 'nav.planner', roles: ['admin', 'office', 'partner', 'reader'] }],
  messages: plannerMessages,
};
