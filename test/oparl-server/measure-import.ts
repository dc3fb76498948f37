/**
 * Measures the import rate from the loopback server: node --import tsx test/oparl-server/measure-import.ts
 * [papers=2000] [meetings=500] [DATABASE_URL]. Uses a fresh SQLite file unless DATABASE_URL names a database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/app/create-context.js';
import { syncSource } from '../../src/domains/council/oparl/sync-source.js';
import { loadConfig } from '../../src/infra/config.js';
import { createLogger } from '../../src/infra/logger.js';
import { loadFixtures, unpackCorpus } from './fixtures.js';
import { startOParlServer } from './server.js';

const papers = Number(process.argv[2] ?? 2000);
const meetings = Number(process.argv[3] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'regiolotse-measure-'));
const url = process.argv[4] ?? `sqlite:${join(dir, 'measure.db')}`;
const corpus = unpackCorpus();
const server = await startOParlServer(loadFixtures({ corpusDir: corpus.dir, papers, meetings }), {
  pageSize: 100,
});
const ctx = await createContext({
  config: loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    APP_SECRET: 'measure-secret-measure-secret-0000',
  }),
  logger: createLogger('silent'),
});
try {
  const started = Date.now();
  const report = await syncSource(ctx, server.systemUrl, { client: { politenessDelayMs: 0 } });
  const seconds = (Date.now() - started) / 1000;
  const second = Date.now();
  const again = await syncSource(ctx, server.systemUrl, { client: { politenessDelayMs: 0 } });
  process.stdout.write(
    `${JSON.stringify({
      database: ctx.dialect,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      status: report.status,
      objects: report.stored,
      pages: report.pages,
      seconds,
      objectsPerSecond: Math.round(report.stored / seconds),
      incrementalResyncSeconds: (Date.now() - second) / 1000,
      incrementalStored: again.stored,
      counts: report.counts,
    })}\n`,
  );
} finally {
  await ctx.database.close();
  await server.close();
  corpus.remove();
  rmSync(dir, { recursive: true, force: true });
}
