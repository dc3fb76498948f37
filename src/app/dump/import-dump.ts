import { type Kysely, sql } from 'kysely';
import type { AppContext, DomainModule } from '../context.js';
import { domains as registry } from '../domains.js';
import type { DB } from '../schema.js';
import { checkDump } from './check-dump.js';
import { countRows, type DumpTable, describeDumpTables, dumpTableNames } from './dump-tables.js';
import { DumpError, type DumpProgress, type DumpRow } from './format.js';
import { postgresRowWriter, type RowWriter, sqliteRowWriter } from './insert-rows.js';
import { truncated } from './json-reader.js';
import { openDumpFile, readDumpEvents } from './read-dump.js';
import { resetSequences } from './sequences.js';

export interface ImportOptions {
  /** Defaults to the registry; afterImport hooks and dumpTables come from here. */
  domains?: DomainModule[];
  onProgress?: DumpProgress;
  /** Rows per INSERT batch (PostgreSQL) and per progress update. */
  batchSize?: number;
}

export interface ImportResult {
  rows: Record<string, number>;
  total: number;
}

async function assertEmpty(db: Kysely<DB>, tables: DumpTable[]): Promise<void> {
  for (const t of tables) {
    const n = await countRows(db, t.name);
    if (n > 0)
      throw new DumpError(
        'DUMP_TARGET_NOT_EMPTY',
        `the database is not empty (table ${t.name} holds ${n} rows); import only into an empty database`,
        `die Datenbank ist nicht leer (Tabelle ${t.name} enthält ${n} Zeilen); importieren Sie nur in eine leere Datenbank`,
      );
  }
}

/** Deletes what an aborted import wrote: the target was empty, so empty is the state to return to. */
async function undo(db: Kysely<DB>, tables: string[]): Promise<void> {
  for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t)}`.execute(db);
}

/**
 * Loads a dump into an empty database: checks the whole file first, then writes each table in
 * one transaction, in batches, keeping the ids. Any failure removes everything written so far.
 * Afterwards PostgreSQL sequences continue after the highest id and each domain rebuilds its
 * derived data (search indexes).
 */
export async function importDump(
  ctx: AppContext,
  file: string,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const domains = opts.domains ?? registry;
  const tables = await describeDumpTables(ctx.db, ctx.dialect, dumpTableNames(domains));
  const byName = new Map(tables.map((t) => [t.name, t]));
  await assertEmpty(ctx.db, tables);
  const check = await checkDump(file, tables, opts.onProgress);

  const { stream, reader } = openDumpFile(file);
  const events = readDumpEvents(reader);
  const touched: string[] = [];
  const rows: Record<string, number> = {};
  let done = 0;
  opts.onProgress?.('import', 0, check.total);
  try {
    for (;;) {
      const ev = await events.next();
      if (ev.done) break;
      if (ev.value.kind !== 'table') continue;
      const table = byName.get(ev.value.name)!;
      touched.push(table.name);
      const limit = opts.batchSize ?? 1000;
      rows[table.name] = await ctx.db.transaction().execute(async (trx) => {
        let writer: RowWriter;
        if (ctx.dialect === 'sqlite' && ctx.database.sqlite) {
          // SQLite can check foreign keys at commit, so a row may point to one later in its table.
          await sql`pragma defer_foreign_keys = on`.execute(trx);
          writer = sqliteRowWriter(ctx.database.sqlite);
        } else writer = postgresRowWriter(trx);
        let batch: DumpRow[] = [];
        let columns: string[] = [];
        let signature = '';
        let n = 0;
        const flush = async () => {
          await writer.insert(table.name, columns, batch);
          done += batch.length;
          batch = [];
          opts.onProgress?.('import', done, check.total);
        };
        for (;;) {
          const next = await events.next();
          if (next.done) throw truncated();
          if (next.value.kind === 'tableEnd') break;
          if (next.value.kind !== 'row') continue;
          const row = next.value.row as DumpRow;
          const keys = Object.keys(row);
          // Rows of one INSERT must name the same columns; a dump normally has one shape per table.
          const sig = keys.join('\u0000');
          if (batch.length > 0 && (sig !== signature || batch.length >= limit)) await flush();
          if (batch.length === 0) {
            signature = sig;
            columns = keys;
          }
          batch.push(row);
          n++;
        }
        await flush();
        return n;
      });
    }
    if (ctx.dialect === 'postgres') await resetSequences(ctx.db, tables);
    for (const d of domains) await d.afterImport?.(ctx);
  } catch (err) {
    await undo(ctx.db, touched);
    throw err;
  } finally {
    stream.destroy();
  }
  return { rows, total: done };
}
