import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** Polls until the URL answers 200; returns the milliseconds since `since`. */
export async function waitFor200(url: string, since: number, timeoutMs = 30_000): Promise<number> {
  for (;;) {
    if ((await getStatus(url)) === 200) return performance.now() - since;
    if (performance.now() - since > timeoutMs)
      throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface Spawned {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 of the ready URL. */
  readyMs: number;
  stop: () => Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts `node bin/regiolotse.js serve` on a database and waits for /health. */
export async function startRegiolotse(
  root: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Spawned> {
  const port = await freePort();
  const since = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'regiolotse.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-00',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = stopper(child);
  try {
    const readyMs = await waitFor200(`http://127.0.0.1:${port}/health`, since);
    return { child, port, readyMs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Starts the bare Fastify baseline server serving `bodyFile` as JSON on every GET path. */
export async function startBareServer(root: string, bodyFile: string): Promise<Spawned> {
  const port = await freePort();
  const since = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'bench', 'lib', 'bare-server.mjs'), String(port), bodyFile],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = stopper(child);
  try {
    const readyMs = await waitFor200(`http://127.0.0.1:${port}/health`, since);
    return { child, port, readyMs, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
