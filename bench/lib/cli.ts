import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs `node [nodeArgs] bin/regiolotse.js args…` to completion; returns its wall time in ms. */
export function runCli(
  root: string,
  nodeArgs: string[],
  args: string[],
  env: Record<string, string>,
): Promise<number> {
  const since = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, join(root, 'bin', 'regiolotse.js'), ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString()).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(performance.now() - since);
      else reject(new Error(`regiolotse ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}
