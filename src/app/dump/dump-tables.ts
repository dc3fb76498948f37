import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../infra/db/connect.js';
import type { DomainModule } from '../context.js';
import { domains as registry } from '../domains.js';
import type { DB } from '../schema.js';
import { DumpError } from './format.js';

export interface DumpTable {
  name: string;
  /** Primary key columns in key order; rows are dumped in this order. */
  primaryKey: string[];
  /** Primary key first, then the other columns by name: the same on both databases. */
  columns: string[];
  /** Text key columns: PostgreSQL must order them bytewise ("C"), as SQLite does. */
  textKeyColumns: string[];
}

/** The tables every domain declares for dump/import, in registry order (which respects foreign keys). */
export function dumpTableNames(domains: DomainModule[] = registry): string[] {
  const names: string[] = [];
  for (const d of domains) {
    for (const t of d.dumpTables ?? []) {
      if (names.includes(t)) throw new Error(`Table ${t} is listed in dumpTables twice (domain ${d.name})`);
      names.push(t);
    }
  }
  return names;
}

interface ColumnInfo {
  name: string;
  pk: number;
  text: number;
}

async function columnsOf(db: Kysely<DB>, dialect: DialectName, table: string): Promise<ColumnInfo[]> {
  if (dialect === 'sqlite') {
    const res = await sql<ColumnInfo>`select name, pk, 0 as text from pragma_table_info(${table})`.execute(
      db,
    );
    return res.rows;
  }
  const res = await sql<ColumnInfo>`
    select a.attname as name,
           coalesce((select k.n from unnest(i.indkey::int2[]) with ordinality k(attnum, n)
                     where k.attnum = a.attnum), 0)::int as pk,
           (t.typcategory = 'S')::int as text
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where c.relname = ${table} and a.attnum > 0 and not a.attisdropped`.execute(db);
  return res.rows;
}

/** Reads the column layout of every dump table from the live database. */
export async function describeDumpTables(
  db: Kysely<DB>,
  dialect: DialectName,
  names: string[] = dumpTableNames(),
): Promise<DumpTable[]> {
  const tables: DumpTable[] = [];
  for (const name of names) {
    const cols = await columnsOf(db, dialect, name);
    if (cols.length === 0)
      throw new DumpError(
        'DUMP_TABLE_MISSING',
        `table ${name} is listed for dumps but does not exist in the database`,
        `Tabelle ${name} ist für Dumps vorgesehen, fehlt aber in der Datenbank`,
      );
    const primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const rest = cols
      .filter((c) => c.pk === 0)
      .map((c) => c.name)
      .sort();
    const textKeyColumns = cols.filter((c) => c.pk > 0 && c.text === 1).map((c) => c.name);
    tables.push({ name, primaryKey, columns: [...primaryKey, ...rest], textKeyColumns });
  }
  return tables;
}

export async function countRows(db: Kysely<DB>, table: string): Promise<number> {
  const res = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(res.rows[0]?.n ?? 0);
}
