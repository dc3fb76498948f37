import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DialectName } from './connect.js';

/**
 * Column conventions shared by both databases so one code path reads them:
 * ids are integers, timestamps ISO-8601 UTC text, dates YYYY-MM-DD text,
 * booleans 0/1 integers, JSON as text.
 */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey());
}

/** created_at, updated_at (ISO text) and version (optimistic locking). */
export function withTimestamps<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C | 'created_at' | 'updated_at' | 'version'> {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The column type for fractional numbers: 8 bytes on both databases. SQLite's REAL is a double;
 * PostgreSQL's `real` is single precision and would hand back 0.3333333432674408 for 1/3.
 */
export const doubleType = (dialect: DialectName) => (dialect === 'sqlite' ? 'real' : 'double precision');

/**
 * Widens a PostgreSQL `real` column to double precision. Through text, so a stored 0.9 stays 0.9
 * instead of becoming the float4's binary expansion 0.8999999761581421. SQLite needs nothing.
 */
export async function widenToDouble(
  db: Kysely<unknown>,
  dialect: DialectName,
  table: string,
  column: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  const c = sql.ref(column);
  await sql`alter table ${sql.table(table)} alter column ${c} type double precision using ${c}::text::double precision`.execute(
    db,
  );
}
