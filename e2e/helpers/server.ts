import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cloneTestDatabase } from '../../test/helpers/databases.js';

export interface RunningServer {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const address = srv.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  srv.close();
  return port;
}

const bin = join(process.cwd(), 'bin', 'regiolotse.js');

/** Runs the built CLI (`npm run build` first) with the given args and environment; resolves with its output. */
export async function runCli(args: string[], env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts the real server (built CLI) on a fresh copy of the test database, seeded with the demo data. */
export async function startServer(
  opts: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const db = await cloneTestDatabase('sqlite');
  const port = await freePort();
  const env = {
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JOBS: 'off',
    ...opts.env,
  };
  if (opts.seed !== false) {
    const seeded = await runCli(['seed', '--demo'], env);
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  }
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let log = '';
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    databaseUrl: db.url,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      await db.drop();
    },
  };
}
