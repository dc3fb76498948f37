// Import rate for the Förderdatenbank XML export format. The set is scaled from the two real
// programmes: each programme file is copied N times under new file names (so new ids and URLs);
// texts, contacts and links stay the real ones. Baseline in the same run: parsing only.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createContext } from '../src/app/create-context.js';
import { systemActor } from '../src/domains/access/actor.js';
import { parseGsbDocument } from '../src/domains/funding/importers/fdb/gsb-document.js';
import { runImport } from '../src/domains/funding/run-import.js';
import { loadConfig } from '../src/infra/config.js';
import { createLogger } from '../src/infra/logger.js';
import { type BenchContext, type BenchReport, ratioOf } from './lib/types.js';

const COPIES = Number(process.env.FUNDING_BENCH_COPIES ?? 500);

function buildSet(root: string, outDir: string): { folder: string; programmes: number } {
  const folder = mkdtempSync(join(outDir, 'fdb-scaled-'));
  cpSync(join(root, '..', 'shared', 'funding', 'fdb-xml-export'), folder, { recursive: true });
  const progRoot = join(folder, 'BMWI', 'FDB', 'Content', 'DE', 'Foerderprogramm', 'Bund');
  let programmes = 0;
  for (const giver of readdirSync(progRoot)) {
    for (const file of readdirSync(join(progRoot, giver))) {
      const xml = readFileSync(join(progRoot, giver, file), 'utf8');
      programmes++;
      for (let i = 1; i < COPIES; i++) {
        writeFileSync(join(progRoot, giver, file.replace(/\.xml$/, `-kopie-${i}.xml`)), xml);
        programmes++;
      }
    }
  }
  return { folder, programmes };
}

async function importInto(url: string, folder: string): Promise<{ seconds: number }> {
  const ctx = await createContext({
    config: loadConfig({
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      JOBS: 'off',
      APP_SECRET: 'bench-secret-bench-secret-bench-000',
    }),
    logger: createLogger('silent'),
  });
  try {
    const started = performance.now();
    await runImport(ctx.db, systemActor('bench'), folder);
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    await ctx.database.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const { folder, programmes } = buildSet(ctx.root, ctx.outDir);
  const pgName = `regiolotse_bench_fdb_${process.pid}`;
  const admin = new pg.Client({ connectionString: ctx.pgAdminUrl });
  await admin.connect();
  try {
    const progRoot = join(folder, 'BMWI', 'FDB', 'Content', 'DE', 'Foerderprogramm', 'Bund');
    const t0 = performance.now();
    for (const giver of readdirSync(progRoot)) {
      for (const file of readdirSync(join(progRoot, giver)))
        parseGsbDocument(readFileSync(join(progRoot, giver, file), 'utf8'));
    }
    const parseSeconds = (performance.now() - t0) / 1000;
    const sqlite = await importInto(`sqlite:${join(ctx.outDir, `fdb-${process.pid}.db`)}`, folder);
    ctx.log(`SQLite: ${programmes} programmes in ${sqlite.seconds.toFixed(1)} s`);
    await admin.query(`CREATE DATABASE ${pgName}`);
    const u = new URL(ctx.pgAdminUrl);
    u.pathname = `/${pgName}`;
    const postgres = await importInto(u.toString(), folder);
    ctx.log(`PostgreSQL: ${programmes} programmes in ${postgres.seconds.toFixed(1)} s`);
    const parseRate = programmes / parseSeconds;
    const baseline = { label: 'reading + parsing the programme XML only', value: Math.round(parseRate) };
    const rate = (s: number) => programmes / s;
    return {
      title: 'Funding: Förderdatenbank XML import',
      metrics: [
        {
          name: 'SQLite import (new records)',
          value: Math.round(rate(sqlite.seconds)),
          unit: 'records/s',
          baseline,
          ratio: ratioOf(rate(sqlite.seconds), parseRate, true),
        },
        {
          name: 'PostgreSQL import (new records)',
          value: Math.round(rate(postgres.seconds)),
          unit: 'records/s',
          baseline,
          ratio: ratioOf(rate(postgres.seconds), parseRate, true),
        },
      ],
      notes: [
        `${programmes} programmes: the 2 real FDB programmes (shared/funding/fdb-xml-export), each copied ${COPIES}× under new file names (new ids/URLs), with the real linked contact, address, giver and link documents`,
        'a record = one programme (plus its standing call); import includes change detection, history rows and the attribution line',
      ],
    };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  }
}
