import type { PageModule } from '../../lib/page-module';
import { BodiesPage } from './bodies-page';
import { FieldsOfActionPage } from './fields-of-action-page';
import { MembershipCreatePage, MembershipEditPage } from './membership-form-page';
import { directoryMessages } from './messages';
import { OrganizationCreatePage, OrganizationEditPage } from './organization-form-page';
import { OrganizationPage } from './organization-page';
import { OrganizationsPage } from './organizations-page';
import { PeoplePage } from './people-page';
import { PersonCreatePage, PersonEditPage } from './person-form-page';
import { PersonPage } from './person-page';

export const directoryPages: PageModule = {
  routes: [
    { path: 'organizations', element: <OrganizationsPage /> },
    { path: 'organizations/new', element: <OrganizationCreatePage /> },
    { path: 'organizations/:id', element: <OrganizationPage /> },
    { path: 'organizations/:id/edit', element: <OrganizationEditPage /> },
    { path: 'organizations/:id/memberships/new', element: <MembershipCreatePage /> },
    { path: 'organizations/:id/memberships/:membershipId/edit', element: <MembershipEditPage /> },
    { path: 'people', element: <PeoplePage /> },
    { path: 'people/new', element: <PersonCreatePage /> },
    { path: 'people/:id', element: <PersonPage /> },
    { path: 'people/:id/edit', element: <PersonEditPage /> },
    { path: 'bodies', element: <BodiesPage /> },
    { path: 'fields-of-action', element: <FieldsOfActionPage /> },
  ],
  nav: [
    { path: '/organizations', label: 'nav.organizations' },
    { path: '/people', label: 'nav.people' },
    { path: '/bodies', label: 'nav.bodies' },
    { path: '/fields-of-action', label: 'nav.fields' },
  ],
  navGroup: 'nav.group.directory',
  messages: directoryMessages,
};
