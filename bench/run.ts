// Runs every bench module (bench/*-bench.ts, each exporting `run`) one after another and prints
// their figures with ratios against baselines measured in the same run. Each module that
// completes replaces its own section of BENCHMARKS.md, so a filtered run updates only its part.
// Usage: npm run bench [-- name-filter …]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineInfo } from './lib/machine.js';
import { markdownSection, mergeBenchmarks, textReport } from './lib/report.js';
import type { BenchContext, BenchModuleRun } from './lib/types.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = join(benchDir, '..');
const benchmarksFile = join(root, 'BENCHMARKS.md');
const filters = process.argv.slice(2);
const allModules = readdirSync(benchDir)
  .filter((f) => /-bench\.ts$/.test(f))
  .sort();
const modules = allModules.filter((f) => filters.length === 0 || filters.some((q) => f.includes(q)));
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

const failed: string[] = [];
for (const file of modules) {
  process.stderr.write(`» ${file}\n`);
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as { run?: BenchModuleRun };
  if (typeof mod.run !== 'function') {
    process.stderr.write(`  ${file} exports no run(): skipped\n`);
    continue;
  }
  const machine = machineInfo();
  const started = performance.now();
  try {
    const report = await mod.run(ctx);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${textReport(report)}\n  (${seconds.toFixed(0)} s, load average ${machine.load})\n\n`,
    );
    // Written after every module so a long run that is interrupted keeps what it measured.
    const existing = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '';
    const section = markdownSection(file, report, machine, seconds);
    writeFileSync(benchmarksFile, mergeBenchmarks(existing, new Map([[file, section]]), allModules));
  } catch (err) {
    failed.push(file);
    process.stderr.write(
      `  ${file} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
}
if (failed.length)
  process.stderr.write(`Failed: ${failed.join(', ')} (their BENCHMARKS.md sections are unchanged)\n`);
process.exitCode = failed.length ? 1 : 0;
