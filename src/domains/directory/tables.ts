export interface DirectoryTables {}
