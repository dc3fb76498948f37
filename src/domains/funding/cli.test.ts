import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedFunding } from '../../../test/fixtures/funding/support.js';

const root = process.cwd();

function cli(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin', 'regiolotse.js'), ...args],
      { timeout: 90_000, env: { ...process.env, ...env } },
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

describe('regiolotse funding import', () => {
  it('queues the immediate alert job when the import brings new calls, as every import path does', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
    const dir = mkdtempSync(join(tmpdir(), 'funding-cli-'));
    try {
      const file = join(dir, 'cli.db');
      const env = {
        DATABASE_URL: `sqlite:${file}`,
        APP_SECRET: 'test-secret-test-secret-test-secret-000',
        LOG_LEVEL: 'silent',
        JOBS: 'off',
      };
      const r = await cli(
        ['funding', 'import', sharedFunding('eu-ft-portal', 'grantsTenders_sample.json')],
        '',
        env,
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/new 6/);
      const db = new Database(file, { readonly: true });
      const types = (db.prepare('select type from jobs order by id').all() as { type: string }[]).map(
        (j) => j.type,
      );
      db.close();
      expect(types).toContain('funding.alerts.immediate');
      expect(types).toContain('funding.extract-deadlines');
      // a second run brings nothing new: no further alert job
      const again = await cli(
        ['funding', 'import', sharedFunding('eu-ft-portal', 'grantsTenders_sample.json')],
        '',
        env,
      );
      expect(again.status).toBe(0);
      const db2 = new Database(file, { readonly: true });
      const n = db2
        .prepare("select count(*) as n from jobs where type = 'funding.alerts.immediate'")
        .get() as { n: number };
      db2.close();
      expect(n.n).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
