import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../../../bench/parser-fixtures.js';
import { garbagePdf, makeTextPdf } from '../../../../bench/pdf-make.js';
import { paperFieldNames } from './schemas.js';

const root = process.cwd();
const fixtures = loadFixtures();
let scratch: string;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'regiolotse.js'), ...args],
      { timeout: 90_000, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Every CLI process starts the whole bundle; they run side by side and the tests read the results.
const runs = new Map<string, Run>();

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
  scratch = mkdtempSync(join(tmpdir(), 'vorlage-cli-'));
  const seed = fixtures.find((f) => f.layout === 'seed')!;
  writeFileSync(join(scratch, 'seed.pdf'), await makeTextPdf(readFileSync(seed.textPath, 'utf8')));
  writeFileSync(join(scratch, 'broken.pdf'), garbagePdf());
  const jobs: [string, string[]][] = [
    ...fixtures.map((f): [string, string[]] => [f.name, ['paper', 'parse', f.textPath, '--json']]),
    ['pdf', ['paper', 'parse', join(scratch, 'seed.pdf'), '--json']],
    ['summary', ['paper', 'parse', fixtures[0]!.textPath]],
    ['broken', ['paper', 'parse', join(scratch, 'broken.pdf'), '--json']],
  ];
  const importEnv = {
    DATABASE_URL: `sqlite:${join(scratch, 'import.db')}`,
    APP_SECRET: 'test-secret-test-secret-test-secret-000',
    LOG_LEVEL: 'silent',
  };
  const threeConsultations = fixtures.find((f) => f.expected.consultations.length === 3)!;
  await Promise.all([
    ...jobs.map(async ([name, args]) => runs.set(name, await cli(args))),
    (async () =>
      runs.set('import', await cli(['paper', 'import', threeConsultations.textPath], importEnv)))(),
  ]);
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('regiolotse paper parse', () => {
  for (const f of fixtures) {
    it(`prints ${f.name} as JSON with exactly the paper fields`, () => {
      const run = runs.get(f.name)!;
      expect(run.status, run.stderr).toBe(0);
      const paper = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(paper)).toEqual([...paperFieldNames, 'confidence']);
      expect(paper.reference).toBe(f.expected.reference);
      expect(paper.date).toBe(f.expected.date);
      const consultations = paper.consultations as { committee: string; date: string; role: string }[];
      expect(consultations.map(({ committee, date, role }) => ({ committee, date, role }))).toEqual(
        f.expected.consultations,
      );
      for (const c of consultations) expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  }

  it('reads a PDF through the extractor', () => {
    const run = runs.get('pdf')!;
    expect(run.status, run.stderr).toBe(0);
    const paper = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(paper.reference).toBe('10/036/2018');
    expect(paper.handler).toBe('Girard, Marcel');
    expect(paper.date).toBe('2018-08-23');
    expect(paper.title).toBe(
      'Vorstellung des Regionalmanagements Landeshauptstadt Düsseldorf - Kreis Mettmann',
    );
  });

  it('prints a German summary without --json', () => {
    const run = runs.get('summary')!;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Vorlage ${fixtures[0]!.expected.reference}`);
    expect(run.stdout).toContain('Beratungsfolge:');
    expect(run.stdout).toContain('Auswirkungen:  finanziell nicht erkennbar');
  });

  it('imports a Vorlage into the council tables', () => {
    const run = runs.get('import')!;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Vorlage \d{4}\/\d{4} angelegt: id \d+, 3 Beratungen\n$/);
  });

  it('fails with a message and exit code 1 for a broken PDF', () => {
    const run = runs.get('broken')!;
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Fehler/);
    expect(run.stdout).toBe('');
  });
});
