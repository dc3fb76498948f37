import { widenToDouble } from '../../infra/db/columns.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

/** Classification scores were single precision on PostgreSQL, so the two databases ranked apart. */
export const searchPrecisionMigrations: MigrationSet = {
  '2026120111_search_classification_score_double': {
    up: (db, dialect) => widenToDouble(db, dialect, 'classifications', 'score'),
  },
};
