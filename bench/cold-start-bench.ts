import { runCli } from './lib/cli.js';
import { openContext, sqliteUrl } from './lib/databases.js';
import { startBareServer, startRegiolotse } from './lib/processes.js';
import { type BenchContext, type BenchReport, median, ratioOf } from './lib/types.js';

const RUNS = 5;

/** Time from spawning `node bin/regiolotse.js serve` on an existing SQLite database to its first /health 200. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const url = sqliteUrl(ctx.outDir, 'cold-start');
  const prepared = await openContext(url);
  await prepared.database.close();

  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const server = await startRegiolotse(ctx.root, url);
    app.push(server.readyMs);
    await server.stop();
    const baseline = await startBareServer(ctx.root, '');
    bare.push(baseline.readyMs);
    await baseline.stop();
  }
  // How much of it is only loading the bundle and its packages: the CLI exits right after.
  const loadOnly: number[] = [];
  for (let i = 0; i < RUNS; i++) loadOnly.push(await runCli(ctx.root, [], ['--help'], { DATABASE_URL: url }));
  const value = median(app);
  const base = median(bare);
  ctx.log(
    `regiolotse ${app.map((v) => v.toFixed(0)).join(', ')} ms; bare ${bare.map((v) => v.toFixed(0)).join(', ')} ms`,
  );
  return {
    title: 'Cold start: spawn to first /health 200',
    metrics: [
      {
        name: `serve on an existing SQLite database (median of ${RUNS})`,
        value,
        unit: 'ms',
        baseline: { label: 'bare Fastify, plain JS', value: base },
        ratio: ratioOf(value, base, false),
        goal: '< 1500 ms',
        met: value < 1500,
      },
      {
        name: 'diagnostic: `regiolotse --help` (loading the code only)',
        value: median(loadOnly),
        unit: 'ms',
        baseline: { label: 'whole cold start', value },
      },
    ],
    notes: [
      `runs: ${app.map((v) => v.toFixed(0)).join(', ')} ms (baseline ${bare.map((v) => v.toFixed(0)).join(', ')} ms)`,
    ],
  };
}
