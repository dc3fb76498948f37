// OParl import rate from the loopback server (real Karlsruhe corpus, no file download), on SQLite and
// PostgreSQL, against a baseline in the same run: fetching and parsing every page without storing.
import { join } from 'node:path';
import pg from 'pg';
import { createContext } from '../src/app/create-context.js';
import { extractObjects } from '../src/domains/council/oparl/extract.js';
import { bodyLists } from '../src/domains/council/oparl/kinds.js';
import { syncSource } from '../src/domains/council/oparl/sync-source.js';
import { loadConfig } from '../src/infra/config.js';
import { createLogger } from '../src/infra/logger.js';
import { loadFixtures, unpackCorpus } from '../test/oparl-server/fixtures.js';
import { startOParlServer } from '../test/oparl-server/server.js';
import { type BenchContext, type BenchReport, ratioOf } from './lib/types.js';

const PAPERS = Number(process.env.OPARL_BENCH_PAPERS ?? 2000);
const MEETINGS = Number(process.env.OPARL_BENCH_MEETINGS ?? 500);

/**
 * Walks every list of every body (following links.next), parses the JSON and flattens each entry
 * with its embedded objects as the import does, storing nothing. It counts what the import counts
 * (every object, embedded ones included), so the two rates compare like with like.
 */
async function fetchOnly(systemUrl: string): Promise<number> {
  const get = async (url: string) => (await (await fetch(url)).json()) as Record<string, unknown>;
  const system = await get(systemUrl);
  let objects = 0;
  let next: string | undefined = system.body as string;
  const bodies: Record<string, unknown>[] = [];
  while (next) {
    const page = await get(next);
    bodies.push(...(page.data as Record<string, unknown>[]));
    next = (page.links as { next?: string } | undefined)?.next;
  }
  for (const body of bodies) {
    objects += extractObjects(structuredClone(body), 'Body').objects.length;
    for (const [key, value] of Object.entries(body)) {
      const kind = Object.hasOwn(bodyLists, key) ? bodyLists[key] : undefined;
      if (typeof value !== 'string' || !kind) continue;
      for (let url: string | undefined = value; url; ) {
        const page = await get(url);
        for (const entry of page.data as unknown[]) objects += extractObjects(entry, kind).objects.length;
        url = (page.links as { next?: string } | undefined)?.next;
      }
    }
  }
  return objects;
}

async function importInto(url: string, systemUrl: string) {
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
    const report = await syncSource(ctx, systemUrl, { client: { politenessDelayMs: 0 } });
    const seconds = (performance.now() - started) / 1000;
    return { stored: report.stored, seconds };
  } finally {
    await ctx.database.close();
  }
}

export async function run(ctx: BenchContext): Promise<BenchReport> {
  const corpus = unpackCorpus();
  const server = await startOParlServer(
    loadFixtures({ corpusDir: corpus.dir, papers: PAPERS, meetings: MEETINGS }),
    {
      pageSize: 100,
    },
  );
  const pgName = `regiolotse_bench_oparl_${process.pid}`;
  const admin = new pg.Client({ connectionString: ctx.pgAdminUrl });
  await admin.connect();
  try {
    const t0 = performance.now();
    const fetched = await fetchOnly(server.systemUrl);
    const fetchSeconds = (performance.now() - t0) / 1000;
    ctx.log(`fetch only: ${fetched} objects in ${fetchSeconds.toFixed(1)} s`);
    const sqlite = await importInto(
      `sqlite:${join(ctx.outDir, `oparl-${process.pid}.db`)}`,
      server.systemUrl,
    );
    ctx.log(`SQLite: ${sqlite.stored} objects in ${sqlite.seconds.toFixed(1)} s`);
    await admin.query(`CREATE DATABASE ${pgName}`);
    const u = new URL(ctx.pgAdminUrl);
    u.pathname = `/${pgName}`;
    const postgres = await importInto(u.toString(), server.systemUrl);
    ctx.log(`PostgreSQL: ${postgres.stored} objects in ${postgres.seconds.toFixed(1)} s`);
    const fetchRate = fetched / fetchSeconds;
    const sqliteRate = sqlite.stored / sqlite.seconds;
    const pgRate = postgres.stored / postgres.seconds;
    const baseline = { label: 'fetch + parse + flatten only, nothing stored', value: Math.round(fetchRate) };
    return {
      title: 'OParl import from the loopback server (no file download)',
      metrics: [
        {
          name: 'SQLite import',
          value: Math.round(sqliteRate),
          unit: 'objects/s',
          baseline,
          ratio: ratioOf(sqliteRate, fetchRate, true),
          goal: '≥ 2000 objects/s',
          met: sqliteRate >= 2000,
        },
        {
          name: 'PostgreSQL import',
          value: Math.round(pgRate),
          unit: 'objects/s',
          baseline,
          ratio: ratioOf(pgRate, fetchRate, true),
          goal: '≥ 2000 objects/s',
          met: pgRate >= 2000,
        },
      ],
      notes: [
        `${PAPERS} real Karlsruhe papers and ${MEETINGS} meetings with their embedded objects, pages of 100, served by test/oparl-server on 127.0.0.1; stored objects: SQLite ${sqlite.stored}, PostgreSQL ${postgres.stored}`,
        `fetch-only baseline: ${fetched} objects (list entries and their embedded objects, counted as the import counts them)`,
        'the import stores every object with its raw JSON in one multi-row upsert per table and page, cursor per page in the same transaction, search index updated per page in one batched call',
      ],
    };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await admin.end();
    await server.close();
    corpus.remove();
  }
}
