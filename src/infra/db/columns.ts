import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
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
