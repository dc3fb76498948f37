import type { AccountsTables } from '../domains/accounts/tables.js';
import type { AuditTables } from '../domains/audit/tables.js';
import type { CouncilTables } from '../domains/council/tables.js';
import type { DirectoryTables } from '../domains/directory/tables.js';
import type { FundingTables } from '../domains/funding/tables.js';
import type { PlannerTables } from '../domains/planner/tables.js';
import type { SearchTables } from '../domains/search/tables.js';
import type { JobTables } from '../infra/jobs/tables.js';

/** The whole database as Kysely sees it: each domain declares its own tables. */
export interface OpsTables {
  app_settings: { key: string; value: string };
}

export interface DB
  extends JobTables,
    OpsTables,
    AuditTables,
    AccountsTables,
    DirectoryTables,
    CouncilTables,
    SearchTables,
    FundingTables,
    PlannerTables {}
