import { statSync } from 'node:fs';
import { join } from 'node:path';
import { countRows, dumpTableNames } from '../src/app/dump/dump-tables.js';
import { exportDump } from '../src/app/dump/export-dump.js';
import { importDump } from '../src/app/dump/import-dump.js';
import { runCli } from './lib/cli.js';
import { createPgDatabase, openContext, sqliteUrl } from './lib/databases.js';
import { timed, withPeakHeap } from './lib/memory.js';
import { naiveExport, naiveImport } from './lib/naive-dump.js';
import { seedDirectory } from './lib/seed-directory.js';
import { type BenchContext, type BenchReport, ratioOf } from './lib/types.js';

const SIZE = { organizations: 1_000, people: 100_000, memberships: 100_000 };
/** The CLI runs with the heap capped well below the dump's size: it only works if it streams. */
const HEAP_CAP_MIB = 64;

/** Export and import of a directory of 100k people and 100k memberships, SQLite→SQLite and SQLite→PostgreSQL. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const source = await openContext(sqliteUrl(ctx.outDir, 'dump-source'));
  const file = join(ctx.outDir, 'dump.json');
  const naiveFile = join(ctx.outDir, 'dump-naive.json');
  const notes: string[] = [];
  try {
    ctx.log('seeding 100k people and memberships…');
    await seedDirectory(source.db, SIZE);
    const tables = dumpTableNames();
    let total = 0;
    for (const t of tables) total += await countRows(source.db, t);

    ctx.log('export…');
    const exp = await withPeakHeap(() => timed(() => exportDump(source, file)));
    const naiveExp = await timed(async () => naiveExport(source.database.sqlite!, tables, naiveFile));
    const sizeMiB = statSync(file).size / 2 ** 20;

    ctx.log('import into SQLite…');
    const sqliteTarget = await openContext(sqliteUrl(ctx.outDir, 'dump-target'));
    const imp = await withPeakHeap(() => timed(() => importDump(sqliteTarget, file)));
    await sqliteTarget.database.close();
    const naiveTarget = await openContext(sqliteUrl(ctx.outDir, 'dump-naive-target'));
    const naiveImp = await timed(async () => naiveImport(naiveTarget.database.sqlite!, naiveFile));
    await naiveTarget.database.close();

    ctx.log('import into PostgreSQL…');
    const pgDb = await createPgDatabase(ctx.pgAdminUrl);
    let pgMs = 0;
    try {
      const pgTarget = await openContext(pgDb.url);
      const pgImp = await timed(() => importDump(pgTarget, file));
      pgMs = pgImp.ms;
      if (pgImp.result.total !== total)
        throw new Error(`PostgreSQL import wrote ${pgImp.result.total} of ${total} rows`);
      await pgTarget.database.close();
    } finally {
      await pgDb.drop();
    }
    ctx.log(`CLI export and import with the heap capped at ${HEAP_CAP_MIB} MiB…`);
    const cap = [`--max-old-space-size=${HEAP_CAP_MIB}`];
    const sourceUrl = `sqlite:${join(ctx.outDir, 'dump-source.db')}`;
    const cliExportMs = await runCli(ctx.root, cap, ['export', '--out', join(ctx.outDir, 'dump-cli.json')], {
      DATABASE_URL: sourceUrl,
    });
    const cliImportMs = await runCli(ctx.root, cap, ['import', file], {
      DATABASE_URL: sqliteUrl(ctx.outDir, 'dump-cli-target'),
    });
    if (imp.result.result.total !== total)
      throw new Error(`SQLite import wrote ${imp.result.result.total} of ${total} rows`);

    notes.push(
      `${total} rows (${SIZE.people} people, ${SIZE.memberships} memberships, ${SIZE.organizations} organisations), dump ${sizeMiB.toFixed(1)} MiB`,
      `peak heap growth in process (garbage included): export ${exp.peakMiB.toFixed(0)} MiB, import ${imp.peakMiB.toFixed(0)} MiB; the naive baseline holds the whole ${sizeMiB.toFixed(0)} MiB document and its objects`,
      'baseline: better-sqlite3 without a query builder, whole document in memory, no checks (naive export/import)',
      'import times include the full check pass over the file, emptiness check and afterImport hooks (search re-index)',
      `the CLI runs include process start and migrations; a ${HEAP_CAP_MIB} MiB heap cap below the ${sizeMiB.toFixed(0)} MiB document shows both stream`,
    );
    const rate = (ms: number) => total / (ms / 1000);
    return {
      title: 'Dump: export + import of 100k people/memberships',
      metrics: [
        {
          name: 'export SQLite → file',
          value: exp.result.ms / 1000,
          unit: 's',
          baseline: { label: 'naive', value: naiveExp.ms / 1000 },
          ratio: ratioOf(exp.result.ms, naiveExp.ms, false),
        },
        {
          name: 'import file → SQLite',
          value: imp.result.ms / 1000,
          unit: 's',
          baseline: { label: 'naive', value: naiveImp.ms / 1000 },
          ratio: ratioOf(imp.result.ms, naiveImp.ms, false),
        },
        {
          name: 'import file → PostgreSQL',
          value: pgMs / 1000,
          unit: 's',
          baseline: { label: 'import → SQLite', value: imp.result.ms / 1000 },
          ratio: ratioOf(pgMs, imp.result.ms, false),
        },
        {
          name: `CLI export, heap capped at ${HEAP_CAP_MIB} MiB`,
          value: cliExportMs / 1000,
          unit: 's',
          baseline: { label: 'in-process export', value: exp.result.ms / 1000 },
          ratio: ratioOf(cliExportMs, exp.result.ms, false),
        },
        {
          name: `CLI import → SQLite, heap capped at ${HEAP_CAP_MIB} MiB`,
          value: cliImportMs / 1000,
          unit: 's',
          baseline: { label: 'in-process import', value: imp.result.ms / 1000 },
          ratio: ratioOf(cliImportMs, imp.result.ms, false),
        },
        { name: 'export rate', value: rate(exp.result.ms), unit: 'rows/s' },
        { name: 'import rate SQLite', value: rate(imp.result.ms), unit: 'rows/s' },
        { name: 'import rate PostgreSQL', value: rate(pgMs), unit: 'rows/s' },
      ],
      notes,
    };
  } finally {
    await source.database.close();
  }
}
