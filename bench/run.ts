// Runs every bench module (bench/*-bench.ts, each exporting `run`) one after another and prints
// their figures with ratios against baselines measured in the same run. A full run (no filter)
// also rewrites BENCHMARKS.md (naming any module that failed). Usage: npm run bench [-- name-filter …]
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineInfo } from './lib/machine.js';
import { markdownReport, textReport } from './lib/report.js';
import type { BenchContext, BenchModuleRun, BenchReport } from './lib/types.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const filters = process.argv.slice(2);
const modules = readdirSync(benchDir)
  .filter((f) => /-bench\.ts$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)))
  .sort();
if (modules.length === 0) {
  process.stderr.write(`No bench module matches ${filters.join(' ')}\n`);
  process.exit(1);
}

const outDir = join(benchDir, 'out');
mkdirSync(outDir, { recursive: true });
const ctx: BenchContext = {
  outDir,
  root,
  pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  log: (message) => process.stderr.write(`  ${message}\n`),
};

const machine = machineInfo();
process.stdout.write(
  `Machine: ${machine.cpu} ×${machine.nproc}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}\n\n`,
);
const started = performance.now();
const reports: BenchReport[] = [];
const failed: string[] = [];
for (const file of modules) {
  process.stderr.write(`» ${file}\n`);
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { run?: BenchModuleRun };
  if (typeof mod.run !== 'function') {
    process.stderr.write(`  ${file} exports no run(): skipped\n`);
    continue;
  }
  try {
    const report = await mod.run(ctx);
    reports.push(report);
    process.stdout.write(`${textReport(report)}\n\n`);
  } catch (err) {
    failed.push(file);
    process.stderr.write(
      `  ${file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
}
const seconds = (performance.now() - started) / 1000;
if (filters.length === 0) {
  writeFileSync(join(root, 'BENCHMARKS.md'), markdownReport(machine, reports, seconds, failed));
  process.stdout.write('BENCHMARKS.md updated.\n');
}
process.exitCode = failed.length ? 1 : 0;
