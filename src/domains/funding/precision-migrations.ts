import { widenToDouble } from '../../infra/db/columns.js';
import type { MigrationSet } from '../../infra/db/migrate.js';

/** Review confidences were single precision on PostgreSQL and did not survive a dump round trip. */
export const fundingPrecisionMigrations: MigrationSet = {
  '2026120110_funding_review_confidence_double': {
    up: (db, dialect) => widenToDouble(db, dialect, 'funding_deadline_reviews', 'confidence'),
  },
};
