import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { demoVorlagePath } from './demo-seed.js';
import { vorlageModule } from './module.js';

const root = process.cwd();

it('keeps a verbatim copy of the seed Vorlage in the repository', () => {
  expect(readFileSync(demoVorlagePath())).toEqual(
    readFileSync(join(root, '..', 'shared', 'seed', '000_8d16cf350a602a70.txt')),
  );
});

describeEachDb('vorlage demo data', (env) => {
  it('imports the seed Vorlage once as a paper of Landeshauptstadt Düsseldorf', async () => {
    const { ctx } = env();
    const snapshot = async () => ({
      papers: await ctx.db
        .selectFrom('council_papers as p')
        .innerJoin('council_bodies as b', 'b.oparl_id', 'p.body_oparl_id')
        .select(['p.id', 'p.reference', 'p.updated_at', 'p.is_public', 'b.name'])
        .where('p.reference', '=', '10/036/2018')
        .execute(),
      consultations: await ctx.db.selectFrom('council_consultations').select(['oparl_id', 'role']).execute(),
      bodies: await ctx.db.selectFrom('council_bodies').select(['oparl_id', 'updated_at']).execute(),
      audit: await ctx.db.selectFrom('audit_log').select('id').execute(),
      index: await ctx.db.selectFrom('search_documents').select(['id', 'indexed_at']).execute(),
    });
    const progress: string[] = [];
    await vorlageModule.seedDemo!(ctx, (m) => progress.push(m));
    const first = await snapshot();
    expect(first.papers).toHaveLength(1);
    expect(first.papers[0]).toMatchObject({ name: 'Landeshauptstadt Düsseldorf', is_public: 1 });
    expect(first.consultations).toEqual([expect.objectContaining({ role: 'Kenntnisnahme' })]);
    await vorlageModule.seedDemo!(ctx, (m) => progress.push(m));
    expect(await snapshot()).toEqual(first);
    expect(progress[1]).toMatch(/schon vorhanden/);
  });

  it('keeps the pseudo source of uploaded Vorlagen out of the OParl sources and their sync', async () => {
    const office = await signIn(env(), { role: 'office' });
    const list = await env().app.inject({
      method: 'GET',
      url: '/api/oparl-sources',
      headers: office.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain('local:');
  });
});

describe('seed --demo from the bundle', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'vorlage-demo-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const seed = () =>
    new Promise<string>((resolve, reject) => {
      // Started from a folder outside the repository: the bundle must find the file by its own location.
      execFile(
        process.execPath,
        [join(root, 'bin', 'regiolotse.js'), 'seed', '--demo'],
        {
          cwd: scratch,
          timeout: 240_000,
          env: {
            ...process.env,
            DATABASE_URL: `sqlite:${join(scratch, 'demo.db')}`,
            APP_SECRET: 'test-secret-test-secret-test-secret-000',
            LOG_LEVEL: 'silent',
          },
        },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)),
      );
    });

  it('run twice yields exactly one paper 10/036/2018 of Düsseldorf', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
    expect(await seed()).toMatch(/\[vorlage\] Vorlage 10\/036\/2018 angelegt/);
    expect(await seed()).toMatch(/\[vorlage\] Vorlage 10\/036\/2018 ist schon vorhanden/);
    const db = new Database(join(scratch, 'demo.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          `select b.name from council_papers p join council_bodies b on b.oparl_id = p.body_oparl_id
           where p.reference = '10/036/2018' and p.deleted = 0`,
        )
        .all();
      expect(rows).toEqual([{ name: 'Landeshauptstadt Düsseldorf' }]);
    } finally {
      db.close();
    }
  }, 300_000);
});
