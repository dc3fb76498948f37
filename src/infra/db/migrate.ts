import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DialectName } from './connect.js';

/** A migration that knows which database it runs on (search indexes differ per dialect). */
export interface AppMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Migrations keyed by globally sortable names: 'YYYYMMDDNN_domain_what'. */
export type MigrationSet = Record<string, AppMigration>;

class StaticProvider implements MigrationProvider {
  constructor(
    private readonly set: MigrationSet,
    private readonly dialect: DialectName,
  ) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(this.set)) {
      out[name] = { up: (db) => m.up(db, this.dialect) };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: DialectName,
  set: MigrationSet,
): Promise<MigrationReport> {
  // Each domain keys its own migrations; a database that already ran a later key of one domain
  // must still get an earlier-keyed migration another domain adds (independent sets, one order).
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(set, dialect),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${cause}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
