import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openContext, sqliteUrl } from './lib/databases.js';
import { type LoadResult, runLoad } from './lib/load.js';
import { processCpuMs } from './lib/proc-cpu.js';
import { startBareServer, startRegiolotse } from './lib/processes.js';
import { seedDirectory } from './lib/seed-directory.js';
import { type BenchContext, type BenchReport, ratioOf } from './lib/types.js';

const PATH = '/api/organizations?limit=50';
const LOAD = { connections: 10, durationMs: 8_000, warmupMs: 2_000 };
const ROUNDS = 2;

function best(results: LoadResult[]): LoadResult {
  return results.reduce((a, b) => (b.rps > a.rps ? b : a));
}

function checked(r: LoadResult, what: string): LoadResult {
  if (r.errors > 0 || r.non2xx > 0 || r.requests === 0)
    throw new Error(`${what}: ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests} requests`);
  return r;
}

/** Directory list endpoint under load vs a bare Fastify route returning the same JSON, both over loopback. */
export async function run(ctx: BenchContext): Promise<BenchReport> {
  const url = sqliteUrl(ctx.outDir, 'api-list');
  const seeded = await openContext(url);
  await seedDirectory(seeded.db, { organizations: 2_000, people: 20_000, memberships: 20_000 });
  await seeded.database.close();

  const app = await startRegiolotse(ctx.root, url, { JOBS: 'off', RATE_LIMIT_PER_MINUTE: '1000000000' });
  let bodyBytes = 0;
  const appRuns: LoadResult[] = [];
  const bareRuns: LoadResult[] = [];
  const healthRuns: LoadResult[] = [];
  const cpuPerRequest = { app: [] as number[], bare: [] as number[] };
  try {
    const res = await fetch(`http://127.0.0.1:${app.port}${PATH}`);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${PATH} answered ${res.status}: ${text.slice(0, 200)}`);
    bodyBytes = Buffer.byteLength(text);
    const bodyFile = join(ctx.outDir, 'api-list-body.json');
    writeFileSync(bodyFile, text);
    const bare = await startBareServer(ctx.root, bodyFile);
    try {
      // Alternate the two so a burst of other work on the machine hits both alike.
      for (let i = 0; i < ROUNDS; i++) {
        const appCpu = processCpuMs(app.child.pid);
        appRuns.push(
          checked(await runLoad(ctx.root, `http://127.0.0.1:${app.port}${PATH}`, LOAD), 'regiolotse'),
        );
        const bareCpu = processCpuMs(bare.child.pid);
        bareRuns.push(checked(await runLoad(ctx.root, `http://127.0.0.1:${bare.port}/list`, LOAD), 'bare'));
        // Warm-up requests are not counted but their CPU is: a slight overestimate, alike for both.
        const appAfter = processCpuMs(app.child.pid);
        const bareAfter = processCpuMs(bare.child.pid);
        if (
          appCpu !== undefined &&
          appAfter !== undefined &&
          bareCpu !== undefined &&
          bareAfter !== undefined
        ) {
          cpuPerRequest.app.push((appAfter - appCpu) / appRuns[i].requests);
          cpuPerRequest.bare.push((bareAfter - bareCpu) / bareRuns[i].requests);
        }
      }
      // The platform's own stack (security headers, auth, rate limit, metrics) around a trivial handler.
      healthRuns.push(
        checked(await runLoad(ctx.root, `http://127.0.0.1:${app.port}/health`, LOAD), 'health'),
      );
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
  }
  const a = best(appRuns);
  const b = best(bareRuns);
  if (Math.abs(a.bytesPerResponse - b.bytesPerResponse) > 0.05 * b.bytesPerResponse)
    throw new Error(`response sizes differ: ${a.bytesPerResponse} vs ${b.bytesPerResponse} bytes`);
  const rpsRatio = ratioOf(a.rps, b.rps, true);
  return {
    title: `API: GET ${PATH} (directory list) vs bare Fastify`,
    metrics: [
      {
        name: 'throughput',
        value: a.rps,
        unit: 'req/s',
        baseline: { label: 'bare Fastify', value: b.rps },
        ratio: rpsRatio,
        goal: 'ratio ≥ 0.5',
        met: rpsRatio >= 0.5,
      },
      {
        name: 'p99 latency',
        value: a.p99,
        unit: 'ms',
        baseline: { label: 'bare Fastify', value: b.p99 },
        ratio: ratioOf(a.p99, b.p99, false),
      },
      { name: 'p50 latency', value: a.p50, unit: 'ms', baseline: { label: 'bare Fastify', value: b.p50 } },
      ...(cpuPerRequest.app.length
        ? [
            {
              name: 'server CPU per request (independent of machine load)',
              value: Math.min(...cpuPerRequest.app),
              unit: 'ms',
              baseline: { label: 'bare Fastify', value: Math.min(...cpuPerRequest.bare) },
              ratio: ratioOf(Math.min(...cpuPerRequest.app), Math.min(...cpuPerRequest.bare), false),
            },
          ]
        : []),
      {
        name: 'diagnostic: GET /health through the full stack',
        value: healthRuns[0].rps,
        unit: 'req/s',
        baseline: { label: 'bare Fastify list', value: b.rps },
        ratio: ratioOf(healthRuns[0].rps, b.rps, true),
      },
    ],
    notes: [
      `SQLite seeded with 2,000 organisations, 20,000 people and memberships; response ${bodyBytes} bytes (50 items), anonymous caller`,
      `load: ${LOAD.connections} keep-alive connections from a second process over 127.0.0.1, ${LOAD.warmupMs / 1000} s warm-up + ${LOAD.durationMs / 1000} s measured, best of ${ROUNDS} alternating rounds`,
      'server: `node bin/regiolotse.js serve` with LOG_LEVEL=warn, JOBS=off and the rate limit raised (its check still runs)',
      `all rounds req/s: regiolotse ${appRuns.map((r) => r.rps.toFixed(0)).join(', ')}; bare ${bareRuns.map((r) => r.rps.toFixed(0)).join(', ')}`,
    ],
  };
}
