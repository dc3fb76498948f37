import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cloneTestDatabase } from '../helpers/databases.js';

const bin = join(process.cwd(), 'bin', 'regiolotse.js');

it('starts, reports health and metrics, and shuts down gracefully on SIGTERM', async () => {
  const db = await cloneTestDatabase('sqlite');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: 'pipe',
  });
  let log = '';
  child.stdout.on('data', (d) => {
    log += d;
  });
  try {
    let health: Response | null = null;
    for (let i = 0; i < 100 && !health?.ok; i++) {
      health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
      if (!health?.ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('regiolotse_http_requests_total');
    expect(metrics).toContain('route="/health"');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    // Structured JSON logs with request ids and a category.
    const lines = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => typeof l.reqId === 'string' && l.category === 'http')).toBe(true);
    expect(lines.some((l) => l.msg === 'shutting down')).toBe(true);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await db.drop();
  }
});

it('refuses to start with a clear error when the configuration is wrong', async () => {
  const child = spawn(process.execPath, [bin, 'migrate'], {
    env: { ...process.env, DATABASE_URL: 'mysql://nope' },
    stdio: 'pipe',
  });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const [code] = await once(child, 'exit');
  expect(code).toBe(1);
  expect(err).toContain('DATABASE_URL');
  expect(err).toContain('Ungültige Konfiguration');
});
