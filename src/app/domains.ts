import { accountsModule } from '../domains/accounts/module.js';
import { auditModule } from '../domains/audit/module.js';
import { councilModule } from '../domains/council/module.js';
import { vorlageModule } from '../domains/council/vorlage/module.js';
import { directoryModule } from '../domains/directory/module.js';
import { fundingModule } from '../domains/funding/module.js';
import { plannerModule } from '../domains/planner/module.js';
import { searchModule } from '../domains/search/module.js';
import type { DomainModule } from './context.js';
import { opsModule } from './ops-module.js';

/** Every domain of the house, in dependency order (dump/import follows it). */
export const domains: DomainModule[] = [
  opsModule,
  auditModule,
  directoryModule,
  accountsModule,
  searchModule,
  councilModule,
  vorlageModule,
  fundingModule,
  plannerModule,
];
