import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DialectName } from '../../infra/db/connect.js';
import type { DB } from '../schema.js';
import { countRows, type DumpTable, describeDumpTables, dumpTableNames } from './dump-tables.js';
import { DUMP_FORMAT, DUMP_FORMAT_VERSION, type DumpHeader, type DumpProgress } from './format.js';
import { toDumpValue } from './values.js';

export interface ExportOptions {
  /** Defaults to every domain's dumpTables in registry order. */
  tables?: string[];
  onProgress?: DumpProgress;
  /** Rows fetched per query: bounds memory whatever the table size. */
  batchSize?: number;
}

export interface ExportResult {
  rows: Record<string, number>;
  total: number;
}

interface Source {
  db: Kysely<DB>;
  dialect: DialectName;
}

type Row = Record<string, unknown>;

function keyExpressions(table: DumpTable, dialect: DialectName): RawBuilder<unknown>[] {
  return table.primaryKey.map((c) =>
    dialect === 'postgres' && table.textKeyColumns.includes(c)
      ? sql`${sql.ref(c)} collate "C"`
      : sql`${sql.ref(c)}`,
  );
}

/** Reads a table in primary-key order, one bounded batch at a time (keyset pagination). */
async function* readTable(db: Kysely<DB>, dialect: DialectName, table: DumpTable, batchSize: number) {
  const columns = sql.join(table.columns.map((c) => sql.ref(c)));
  const keyless = table.primaryKey.length === 0;
  const order = keyless
    ? sql.join(table.columns.map((c) => sql.ref(c)))
    : sql.join(keyExpressions(table, dialect));
  let last: Row | undefined;
  let offset = 0;
  for (;;) {
    let where = sql``;
    if (last && !keyless) {
      const values = sql.join(table.primaryKey.map((c) => sql`${last?.[c]}`));
      where = sql`where (${sql.join(keyExpressions(table, dialect))}) > (${values})`;
    }
    const page = keyless ? sql`limit ${batchSize} offset ${offset}` : sql`limit ${batchSize}`;
    const res =
      await sql<Row>`select ${columns} from ${sql.table(table.name)} ${where} order by ${order} ${page}`.execute(
        db,
      );
    if (res.rows.length === 0) return;
    yield res.rows;
    if (res.rows.length < batchSize) return;
    last = res.rows[res.rows.length - 1];
    offset += res.rows.length;
  }
}

function rowJson(table: DumpTable, row: Row): string {
  const out: Record<string, unknown> = {};
  for (const c of table.columns) out[c] = toDumpValue(row[c], `${table.name}.${c}`);
  return JSON.stringify(out);
}

/**
 * Writes every dump table into one JSON document, table by table and row by row, so memory stays
 * flat for any size. The file appears under its name only once complete; a failed export leaves
 * nothing behind. Reads run in one snapshot so a running server cannot tear the dump.
 */
export async function exportDump(
  source: Source,
  outFile: string,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  const batchSize = opts.batchSize ?? 2000;
  const partial = `${outFile}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);

  const run = async (db: Kysely<DB>): Promise<ExportResult> => {
    const tables = await describeDumpTables(db, source.dialect, opts.tables ?? dumpTableNames());
    const counts = new Map<string, number>();
    for (const t of tables) counts.set(t.name, await countRows(db, t.name));
    const grandTotal = [...counts.values()].reduce((a, b) => a + b, 0);
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      formatVersion: DUMP_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      source: { dialect: source.dialect },
    };
    const head = JSON.stringify(header);
    await write(`${head.slice(0, -1)},"tables":{`);
    const rows: Record<string, number> = {};
    let done = 0;
    opts.onProgress?.('export', 0, grandTotal);
    for (const [i, table] of tables.entries()) {
      await write(`${i > 0 ? ',' : ''}\n${JSON.stringify(table.name)}:[`);
      let n = 0;
      for await (const batch of readTable(db, source.dialect, table, batchSize)) {
        let chunk = '';
        for (const row of batch) {
          chunk += `${n > 0 ? ',' : ''}\n${rowJson(table, row)}`;
          n++;
        }
        await Promise.race([write(chunk), failed]);
        done += batch.length;
        opts.onProgress?.('export', done, Math.max(grandTotal, done));
      }
      await write('\n]');
      rows[table.name] = n;
    }
    await write('\n}}\n');
    return { rows, total: done };
  };

  try {
    const result =
      source.dialect === 'postgres'
        ? await source.db.transaction().setIsolationLevel('repeatable read').execute(run)
        : await source.db.transaction().execute(run);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    renameSync(partial, outFile);
    return result;
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}
