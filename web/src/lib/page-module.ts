import type { ReactNode } from 'react';

export interface Messages {
  de: Record<string, string>;
  en: Record<string, string>;
}

export interface NavItem {
  path: string;
  /** key into the messages */
  label: string;
  /** only shown to signed-in users with one of these roles; all when omitted */
  roles?: Array<'admin' | 'office' | 'partner' | 'reader'>;
}

export interface PageRoute {
  path: string;
  element: ReactNode;
}

/** A card on the home page (dashboard), e.g. upcoming deadlines or new papers in the user's fields. */
export interface DashboardWidget {
  id: string;
  element: ReactNode;
  /** only shown to signed-in users with one of these roles; all when omitted */
  roles?: NavItem['roles'];
}

/** What a domain contributes to the web UI. The shell reads every domain's page module. */
export interface PageModule {
  routes: PageRoute[];
  nav: NavItem[];
  /** optional key into the messages: the label above this module's navigation entries */
  navGroup?: string;
  messages: Messages;
  /** optional cards for the home page, shown in module order */
  dashboard?: DashboardWidget[];
}
