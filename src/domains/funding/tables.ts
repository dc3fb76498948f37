export interface FundingTables {}
