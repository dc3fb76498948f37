import type { PageModule } from '../lib/page-module';
import { adminPages } from '../pages/admin/index';
import { councilPages } from '../pages/council/index';
import { directoryPages } from '../pages/directory/index';
import { fundingPages } from '../pages/funding/index';
import { plannerPages } from '../pages/planner/index';
import { searchPages } from '../pages/search/index';

/** Every domain's pages, in navigation order. */
export const pageModules: PageModule[] = [
  directoryPages,
  councilPages,
  fundingPages,
  plannerPages,
  searchPages,
  adminPages,
];
