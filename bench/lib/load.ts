import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
}

export interface LoadOptions {
  connections: number;
  durationMs: number;
  warmupMs: number;
}

/** Runs the load generator in a second process against a 127.0.0.1 URL. */
export function runLoad(root: string, url: string, opts: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'bench', 'lib', 'load-worker.ts'),
        url,
        String(opts.connections),
        String(opts.durationMs),
        String(opts.warmupMs),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim()) as LoadResult);
    });
  });
}
