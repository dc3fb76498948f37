import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../test/helpers/auth.js';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { seedDirectoryDemo } from '../../directory/seed/seed-demo.js';
import { DEMO_COMMITTEE, demoVorlagePath } from './demo-seed.js';
import { vorlageModule } from './module.js';

const root = process.cwd();

it('keeps a verbatim copy of the seed Vorlage in the repository', () => {
  expect(readFileSync(demoVorlagePath())).toEqual(
    readFileSync(join(root, '..', 'shared', 'seed', '000_8d16cf350a602a70.txt')),
  );
});

describeEachDb('vorlage demo data', (env) => {
  it('imports the seed Vorlage once, without a council, its consultation linked to its committee', async () => {
    const { ctx } = env();
    const snapshot = async () => ({
      papers: await ctx.db
        .selectFrom('council_papers as p')
        .select([
          'p.id',
          'p.reference',
          'p.updated_at',
          'p.is_public',
          'p.body_oparl_id',
          'p.departments_json',
        ])
        .where('p.reference', '=', '10/036/2018')
        .execute(),
      consultations: await ctx.db
        .selectFrom('council_consultations')
        .select(['oparl_id', 'role', 'name', 'organization_ids_json'])
        .execute(),
      bodies: await ctx.db.selectFrom('council_bodies').select(['oparl_id', 'updated_at']).execute(),
      committees: await ctx.db.selectFrom('council_organizations').selectAll().execute(),
      audit: await ctx.db.selectFrom('audit_log').select('id').execute(),
      index: await ctx.db.selectFrom('search_documents').select(['id', 'indexed_at']).execute(),
    });
    const progress: string[] = [];
    // The directory demo data comes first (registry order): the committee is named after it.
    await seedDirectoryDemo(ctx, () => {});
    await vorlageModule.seedDemo!(ctx, (m) => progress.push(m));
    const first = await snapshot();
    expect(first.papers).toHaveLength(1);
    // The seed names no council: the paper has no body, as `paper import` without --body (DATA.md).
    expect(first.papers[0]).toMatchObject({ body_oparl_id: null, is_public: 1 });
    expect(first.bodies).toEqual([]);
    const directory = await ctx.db
      .selectFrom('organizations')
      .select(['key', 'name'])
      .where('key', 'in', [
        DEMO_COMMITTEE.directoryKey,
        'org:amt-digitalisierung-wirtschaftsfoerderung-kultur-tourismus',
      ])
      .orderBy('key')
      .execute();
    const [amt, committee] = directory.map((d) => d.name);
    expect(JSON.parse(first.papers[0].departments_json ?? '[]')).toEqual([amt]);
    expect(first.committees).toEqual([
      expect.objectContaining({ oparl_id: DEMO_COMMITTEE.oparlId, name: committee, body_oparl_id: null }),
    ]);
    expect(first.consultations).toEqual([
      expect.objectContaining({
        role: 'Kenntnisnahme',
        name: committee,
        organization_ids_json: JSON.stringify([DEMO_COMMITTEE.oparlId]),
      }),
    ]);
    const paper = await env().app.inject({ method: 'GET', url: `/api/papers/${first.papers[0].id}` });
    expect(paper.statusCode).toBe(200);
    expect(paper.json()).toMatchObject({ body: null, department: amt });
    expect(paper.json().consultations[0].organizations).toEqual([
      { id: first.committees[0].id, name: committee },
    ]);
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

  it('run twice yields exactly one paper 10/036/2018, without body, linked to its committee', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
    expect(await seed()).toMatch(/\[vorlage\] Vorlage 10\/036\/2018 angelegt/);
    expect(await seed()).toMatch(/\[vorlage\] Vorlage 10\/036\/2018 ist schon vorhanden/);
    const db = new Database(join(scratch, 'demo.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          `select p.body_oparl_id as body, o.name as committee
           from council_papers p
           join council_consultations c on c.paper_oparl_id = p.oparl_id
           left join council_organizations o on c.organization_ids_json = json_array(o.oparl_id)
           where p.reference = '10/036/2018' and p.deleted = 0`,
        )
        .all();
      expect(rows).toEqual([
        { body: null, committee: 'Ausschuss für Wirtschaftsförderung, Kultur und Tourismus' },
      ]);
    } finally {
      db.close();
    }
  }, 300_000);
});
