export interface CouncilTables {}
