import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { cloneTestDatabase } from '../../../../test/helpers/databases.js';
import { loadFixtures, unpackCorpus } from '../../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import type { DB } from '../../../app/schema.js';
import { openDatabase } from '../../../infra/db/connect.js';
import { objectKinds, tableOf } from './kinds.js';
import { syncSource } from './sync-source.js';

async function snapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const kind of objectKinds) {
    out[kind] = await db
      .selectFrom(tableOf[kind])
      .select([
        'oparl_id',
        'name',
        'raw_json',
        'deleted',
        'is_public',
        'body_oparl_id',
        'oparl_modified',
        'quirks_json',
      ])
      .orderBy('oparl_id')
      .execute();
  }
  return out;
}

function runCli(url: string, dbUrl: string): ChildProcess {
  return spawn(
    process.execPath,
    ['bin/regiolotse.js', 'oparl', 'sync', url, '--delay', '15', '--backoff', '10', '--timeout', '5000'],
    {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        LOG_LEVEL: 'silent',
        JOBS: 'off',
        APP_SECRET: 'test-secret-test-secret-test-secret-000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

let server: OParlTestServer;
let corpus: ReturnType<typeof unpackCorpus>;
beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-server.mjs']);
  corpus = unpackCorpus();
  server = await startOParlServer(loadFixtures({ corpusDir: corpus.dir, papers: 120, meetings: 30 }), {
    pageSize: 20,
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
  corpus?.remove();
});

describeEachDb('OParl sync killed mid-way and resumed (built CLI)', (env) => {
  it('ends with the same rows as an uninterrupted run', async () => {
    const { ctx } = env();
    const started = Date.now();
    const full = await syncSource(ctx, server.systemUrl, { client: { politenessDelayMs: 0, backoffMs: 10 } });
    const seconds = (Date.now() - started) / 1000;
    expect(full.status).toBe('ok');
    expect(full.quarantined).toBe(0);
    process.stdout.write(
      `[oparl] uninterrupted import (${ctx.dialect}): ${full.stored} objects, ${full.pages} pages in ${seconds.toFixed(1)} s = ${Math.round(full.stored / seconds)} objects/s\n`,
    );
    const expected = await snapshot(ctx.db);

    const clone = await cloneTestDatabase(ctx.dialect);
    const other = openDatabase<DB>(clone.url);
    try {
      const seen = server.requests.length;
      const first = runCli(server.systemUrl, clone.url);
      // Killed while the Karlsruhe papers are half read (page 5 of 8 requested).
      const killed = () => server.requests.slice(seen).some((r) => r.endsWith('/0001/papers?page=5'));
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (killed() || first.exitCode !== null) {
            clearInterval(timer);
            first.kill('SIGKILL');
            resolve();
          }
        }, 2);
      });
      await exited(first);
      const partial = await snapshot(other.db);
      const partialPapers = partial.Paper.length;
      expect(partialPapers).toBeLessThan(expected.Paper.length);
      const paperCursor = await other.db
        .selectFrom('council_sync_cursors')
        .select(['status', 'next_url'])
        .where('list_kind', '=', 'paper')
        .where('body_oparl_id', 'like', '%/bodies/0001')
        .executeTakeFirstOrThrow();
      expect(paperCursor.status).toBe('running');
      expect(paperCursor.next_url).toMatch(/page=[3-5]$/);

      const requestsBefore = server.requests.length;
      const second = runCli(server.systemUrl, clone.url);
      let out = '';
      second.stdout?.on('data', (d) => {
        out += String(d);
      });
      expect(await exited(second)).toBe(0);
      expect(out).toContain('"status": "ok"');
      // The resumed run continues at the paper cursor instead of reading the list from page 1.
      const resumed = server.requests.slice(requestsBefore).filter((r) => r.includes('/0001/papers'));
      const cursorUrl = new URL(paperCursor.next_url ?? '');
      expect(resumed[0]).toBe(cursorUrl.pathname + cursorUrl.search);
      expect(resumed).not.toContain('/oparl/bodies/0001/papers');
      const got = await snapshot(other.db);
      expect(await other.db.selectFrom('council_quarantine').select('reason').execute()).toEqual([]);
      expect(got).toEqual(expected);
    } finally {
      await other.close();
      await clone.drop();
    }
  }, 120_000);
});
