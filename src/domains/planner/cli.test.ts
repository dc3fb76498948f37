import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { plantPlannerWorld } from './test-calendar.js';

const root = process.cwd();

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin', 'regiolotse.js'), ...args],
      {
        timeout: 90_000,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          APP_SECRET: 'test-secret-test-secret-test-secret-000',
          LOG_LEVEL: 'silent',
        },
      },
      (err, stdout, stderr) => resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const base = ['planner', 'check', '--as-of', '2027-01-04'];
const runsToMake: Record<string, string[]> = {
  contract: [
    ...base,
    '--deadline',
    '2027-03-10',
    '--sequence',
    'ausschuss für wirtschaft > HAUPT- UND FINANZAUSSCHUSS >  Rat ',
    '--lead-days',
    '14',
    '--body',
    'stadt sonnenberg',
    '--json',
  ],
  bodyDefaults: [...base, '--deadline', '2027-03-10', '--sequence', 'Kreisausschuss > Kreistag', '--json'],
  buffer: [
    ...base,
    '--deadline',
    '2027-03-10',
    '--sequence',
    'Kreisausschuss > Kreistag',
    '--buffer-days',
    '20',
    '--json',
  ],
  ambiguous: [
    ...base,
    '--deadline',
    '2027-03-10',
    '--sequence',
    'Haupt- und Finanzausschuss > Rat',
    '--json',
  ],
  unknown: [...base, '--deadline', '2027-03-10', '--sequence', 'Finanzausschus > Rat', '--json'],
  unknownBody: [...base, '--deadline', '2027-03-10', '--sequence', 'Rat', '--body', 'Sonnenberg', '--json'],
  beforeAsOf: [...base, '--deadline', '2027-01-03', '--sequence', 'Rat', '--json'],
  badDate: [...base, '--deadline', '2027-02-30', '--sequence', 'Rat', '--json'],
  badLead: [...base, '--deadline', '2027-03-10', '--sequence', 'Rat', '--lead-days', 'zwei', '--json'],
  ended: [
    ...base,
    '--deadline',
    '2027-03-10',
    '--sequence',
    'Rat der Stadt (Wahlperiode 2014–2020)',
    '--json',
  ],
  summary: [...base, '--deadline', '2027-03-10', '--sequence', 'Kreisausschuss > Kreistag'],
};

describeEachDb('regiolotse planner check (a real child process)', (env) => {
  const runs = new Map<string, Run>();

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { cwd: root });
    await plantPlannerWorld(env().ctx);
    const kreis = await env()
      .ctx.db.selectFrom('council_bodies')
      .select('oparl_id')
      .where('name', '=', 'Kreis Tannhausen')
      .executeTakeFirstOrThrow();
    const now = nowIso();
    await env()
      .ctx.db.insertInto('planner_body_settings')
      .values({
        body_oparl_id: kreis.oparl_id,
        lead_days: 21,
        warn_slack_days: 20,
        illustrative: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const url = env().ctx.config.DATABASE_URL;
    await Promise.all(
      Object.entries(runsToMake).map(async ([name, args]) => runs.set(name, await cli(args, url))),
    );
  }, 180_000);

  const json = (name: string) => {
    const run = runs.get(name) as Run;
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };
  const failure = (name: string) => {
    const run = runs.get(name) as Run;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    return run.stderr;
  };

  it('prints exactly the contract: names in any letter case, dates YYYY-MM-DD', () => {
    const out = json('contract');
    expect(Object.keys(out)).toEqual([
      'feasible',
      'latestFilingDate',
      'slackDays',
      'latest',
      'earliest',
      'earliestDecisionDate',
    ]);
    expect(out).toEqual({
      feasible: true,
      latestFilingDate: '2027-01-06',
      slackDays: 2,
      latest: [
        { committee: 'Ausschuss für Wirtschaft', meetingDate: '2027-01-20' },
        { committee: 'Haupt- und Finanzausschuss', meetingDate: '2027-01-27' },
        { committee: 'Rat', meetingDate: '2027-03-03' },
      ],
      earliest: [
        { committee: 'Ausschuss für Wirtschaft', meetingDate: '2027-01-20' },
        { committee: 'Haupt- und Finanzausschuss', meetingDate: '2027-01-27' },
        { committee: 'Rat', meetingDate: '2027-02-03' },
      ],
      earliestDecisionDate: '2027-02-03',
    });
  });

  it("takes the lead days from the committees' body and the buffer days from the flag", () => {
    expect(json('bodyDefaults')).toEqual({
      feasible: true,
      latestFilingDate: '2027-01-20',
      slackDays: 16,
      latest: [
        { committee: 'Kreisausschuss', meetingDate: '2027-02-10' },
        { committee: 'Kreistag', meetingDate: '2027-02-18' },
      ],
      earliest: [
        { committee: 'Kreisausschuss', meetingDate: '2027-02-10' },
        { committee: 'Kreistag', meetingDate: '2027-02-18' },
      ],
      earliestDecisionDate: '2027-02-18',
    });
    // 2027-03-10 minus 20 days is 2027-02-18: the Kreistag that day still counts.
    expect(json('buffer')).toMatchObject({ feasible: true, slackDays: 16 });
  });

  it('prints null and empty plans where there is none', () => {
    expect(json('ended')).toEqual({
      feasible: false,
      latestFilingDate: null,
      slackDays: null,
      latest: [],
      earliest: [],
      earliestDecisionDate: null,
    });
  });

  it('names the candidates of an ambiguous committee and fails', () => {
    const err = failure('ambiguous');
    expect(err).toContain('Haupt- und Finanzausschuss (Stadt Sonnenberg)');
    expect(err).toContain('Haupt- und Finanzausschuss (Kreis Tannhausen)');
    expect(err).toMatch(/Fehler: .*bezeichnet 2 Gremien/);
    expect(err).toMatch(/Error: .*names 2 committees/);
  });

  it('names similar committees for an unknown one, and known bodies for an unknown body', () => {
    const err = failure('unknown');
    expect(err).toMatch(/Kein Gremium heißt „Finanzausschus“\. Ähnliche Namen: .*Haupt- und Finanzausschuss/);
    expect(err).toMatch(/No committee is named "Finanzausschus"/);
    expect(failure('unknownBody')).toMatch(/Keine Körperschaft heißt „Sonnenberg“.*Stadt Sonnenberg/);
  });

  it('refuses a deadline before the as-of day, impossible dates and bad day counts', () => {
    expect(failure('beforeAsOf')).toMatch(
      /Frist 03\.01\.2027 liegt vor dem Stichtag.*\n.*before the as-of day/,
    );
    expect(failure('badDate')).toMatch(/2027-02-30/);
    expect(failure('badLead')).toMatch(/--lead-days: „zwei“ ist keine ganze Zahl/);
  });

  it('prints a German summary without --json', () => {
    const run = runs.get('summary') as Run;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Fristenplaner – Kreis Tannhausen: Frist 10.03.2027, Stand 04.01.2027');
    expect(run.stdout).toMatch(/^Machbar: +ja$/m);
    expect(run.stdout).toContain('Warnung: Nur noch 16 Tage');
  });
});
