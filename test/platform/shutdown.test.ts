import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { DB } from '../../src/app/schema.js';
import { openDatabase } from '../../src/infra/db/connect.js';
import { cloneTestDatabase, testDialects } from '../helpers/databases.js';

const bin = join(process.cwd(), 'bin', 'regiolotse.js');

/** A council system that accepts the connection and never answers: the sync job hangs on it. */
async function silentCouncilSystem() {
  const seen: string[] = [];
  const server = createServer((req) => {
    seen.push(req.url ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oparl/system`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, seen, close };
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const dialect of testDialects) {
  it(`on SIGTERM finishes the request in flight, refuses new ones and queues the running job again [${dialect}]`, async () => {
    const db = await cloneTestDatabase(dialect);
    const council = await silentCouncilSystem();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const base = `http://127.0.0.1:${port}`;
    const database = openDatabase<DB>(db.url);
    let child: ReturnType<typeof spawn> | undefined;
    try {
      const at = new Date().toISOString();
      const source = await database.db
        .insertInto('council_sources')
        .values({
          system_url: council.url,
          name: 'Schweigsames Ratsinformationssystem',
          error_count: 0,
          request_delay_ms: 0,
          timeout_ms: 120_000,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const job = await database.db
        .insertInto('jobs')
        .values({
          type: 'council.oparl-sync',
          payload: JSON.stringify({ sourceId: source.id }),
          status: 'queued',
          progress_done: 0,
          attempts: 0,
          run_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      child = spawn(process.execPath, [bin, 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          SHUTDOWN_GRACE_SECONDS: '2',
        },
        stdio: 'pipe',
      });
      let log = '';
      child.stdout?.on('data', (d) => {
        log += d;
      });
      const exited = once(child, 'exit');
      await until('health', async () => (await fetch(`${base}/health`).catch(() => null))?.ok === true);
      // The runner picks the job up on its first tick and then waits on the silent system.
      await until('the sync job to call the council system', () => council.seen.length > 0);
      const leased = await database.db
        .selectFrom('jobs')
        .select(['status', 'locked_until'])
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      expect(leased.status).toBe('running');
      expect(leased.locked_until).not.toBeNull();

      // A sign-in whose body is only half sent when the signal comes.
      const body = JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password' });
      const inFlight = request(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const answered = once(inFlight, 'response');
      inFlight.write(body.slice(0, 10));
      await new Promise((r) => setTimeout(r, 200));
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      await until('the shutdown to begin', () => log.includes('shutting down'));
      await new Promise((r) => setTimeout(r, 200));

      // No new connections once shutting down…
      await expect(fetch(`${base}/health`)).rejects.toThrow();
      // …but the request in flight is answered in full.
      inFlight.end(body.slice(10));
      const [res] = (await answered) as [import('node:http').IncomingMessage];
      let text = '';
      for await (const chunk of res) text += chunk;
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(text)).toMatchObject({ code: 'INVALID_CREDENTIALS' });

      const [code] = await exited;
      expect(code).toBe(0);
      // It waited the grace period for the job, and no longer.
      expect(Date.now() - signalledAt).toBeGreaterThan(1_500);
      expect(Date.now() - signalledAt).toBeLessThan(8_000);
      expect(log).toContain('running jobs queued again');

      const released = await database.db
        .selectFrom('jobs')
        .select(['status', 'locked_until', 'run_at', 'error', 'attempts'])
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      expect(released).toMatchObject({ status: 'queued', locked_until: null, attempts: 1 });
      expect(released.error).toMatch(/shutdown/);
      expect(released.run_at <= new Date().toISOString()).toBe(true);
    } finally {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await council.close();
      await database.close();
      await db.drop();
    }
  }, 60_000);
}
