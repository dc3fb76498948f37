import type SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { DumpRow } from './format.js';
import { fromDumpValue } from './values.js';

export interface RowWriter {
  /** Inserts rows that all name the same columns. */
  insert(table: string, columns: string[], rows: DumpRow[]): Promise<void>;
}

/**
 * SQLite: prepared statements on the raw handle, one row each. It is the very connection the
 * surrounding Kysely transaction holds (better-sqlite3 has one), so the rows are part of it; this
 * skips building and compiling a query object for every batch, which cost more than the inserts.
 */
export function sqliteRowWriter(handle: SQLite.Database): RowWriter {
  const statements = new Map<string, SQLite.Statement>();
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const key = `${table}\u0000${columns.join('\u0000')}`;
      let stmt = statements.get(key);
      if (!stmt) {
        const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
        stmt = handle.prepare(
          `insert into "${table.replaceAll('"', '""')}" (${names}) values (${columns.map(() => '?').join(', ')})`,
        );
        statements.set(key, stmt);
      }
      for (const row of rows) stmt.run(columns.map((c) => fromDumpValue(row[c] ?? null)));
    },
  };
}

function pgJsonValue(value: DumpRow[string]): string | number | null {
  const v = fromDumpValue(value ?? null);
  return Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : v;
}

/**
 * PostgreSQL: one statement per batch that takes the rows as a single JSON parameter and lets the
 * server spread it into columns (json_populate_recordset casts each field to its column type).
 * Thousands of bind parameters per batch would cost more on both ends.
 */
export function postgresRowWriter(db: Kysely<DB>): RowWriter {
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const payload = rows.map((r) => {
        const o: Record<string, string | number | null> = {};
        for (const c of columns) o[c] = pgJsonValue(r[c]);
        return o;
      });
      const cols = sql.join(columns.map((c) => sql.ref(c)));
      await sql`insert into ${sql.table(table)} (${cols})
        select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(payload)}::json)`.execute(
        db,
      );
    },
  };
}
