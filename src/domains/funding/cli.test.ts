import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();

function cli(args: string[], input: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin', 'regiolotse.js'), ...args],
      { timeout: 60_000 },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

describe('regiolotse funding deadlines', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
  });

  it('refuses a reference day that is no calendar day, with exit code 1 and the reason', async () => {
    for (const bad of ['foo', '2026-02-30', '15.03.2026']) {
      const r = await cli(['funding', 'deadlines', '--today', bad], 'Anträge bis zum 15. März.');
      expect(r.status, bad).toBe(1);
      expect(r.stderr).toContain('kein Kalendertag');
      expect(r.stdout).not.toMatch(/NaN/);
    }
  });

  it('reads the next occurrence from a valid reference day', async () => {
    const r = await cli(
      ['funding', 'deadlines', '--json', '--today', '2026-02-03'],
      'Anträge bis zum 15. März.',
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).deadlines[0].date).toBe('2026-03-15');
  });
});
