import { beforeAll, expect, it } from 'vitest';
import { type SignedIn, signIn } from '../helpers/auth.js';
import { describeEachDb, type TestEnv } from '../helpers/context.js';
import { mask } from './matrix/capture.js';
import { plantPublic, plantSecrets, SECRET_WORDS, type Secret } from './matrix/plant.js';

/**
 * The planner's routes that the GET matrix cannot ask: the question (POST /api/planner/check) and
 * every write route. Anonymous and organisation-B users must get the same answers before and after
 * the non-public records exist (a non-public committee, its hand-entered meeting, a non-public
 * meeting of a public committee, a sequence naming the committee), and their writes change nothing.
 */

const restricted = ['anonymous', 'readerB', 'partnerB'] as const;
type Restricted = (typeof restricted)[number];

interface Request {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
}

const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function ids(e: TestEnv) {
  const db = e.ctx.db;
  const of = async (table: 'council_bodies' | 'council_organizations', oparlId: string) =>
    (await db.selectFrom(table).select('id').where('oparl_id', '=', oparlId).executeTakeFirstOrThrow()).id;
  return {
    body: await of('council_bodies', 'https://ratsinfo.example.org/oparl/body/1'),
    committee: await of('council_organizations', 'https://ratsinfo.example.org/oparl/organization/1'),
  };
}

/** Every planner request a restricted user might try, with the ids the secrets have (or will have). */
function requests(body: number, committee: number, secretIds: number[]): Request[] {
  const question = (bodies: object[]) => ({
    method: 'POST' as const,
    url: '/api/planner/check',
    payload: { deadline: ahead(90), bodies },
  });
  const out: Request[] = [
    question([{ bodyId: body, committeeIds: [committee] }]),
    question([{ bodyId: body, committeeIds: [committee, committee] }]),
  ];
  for (const id of secretIds) {
    out.push(
      question([{ bodyId: body, committeeIds: [id] }]),
      question([{ bodyId: body, sequenceId: id }]),
      { method: 'POST', url: '/api/planner/meetings', payload: { committeeId: id, date: ahead(40) } },
      { method: 'PATCH', url: `/api/planner/meetings/${id}`, payload: { cancelled: true, version: 1 } },
      { method: 'DELETE', url: `/api/planner/meetings/${id}?version=1` },
      { method: 'PATCH', url: `/api/planner/sequences/${id}`, payload: { name: 'x', version: 1 } },
      { method: 'DELETE', url: `/api/planner/sequences/${id}?version=1` },
      {
        method: 'POST',
        url: `/api/planner/bodies/${body}/sequences`,
        payload: { name: 'y', committeeIds: [id] },
      },
    );
  }
  out.push({
    method: 'PUT',
    url: `/api/planner/bodies/${body}/settings`,
    payload: { leadDays: 1, warnSlackDays: 1 },
  });
  return out;
}

const strip = (text: string) => mask(text).replace(/"requestId":"[^"]*"/g, '');

describeEachDb('non-public records on the planner routes beyond GET', (env) => {
  const who = {} as Record<Restricted | 'admin', SignedIn | null>;
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  let secrets: Secret[] = [];
  let asked: Request[] = [];
  let rowsBefore = '';

  const snapshot = async () => {
    const db = env().ctx.db;
    const rows = await Promise.all(
      (['planner_meetings', 'planner_sequences', 'planner_body_settings'] as const).map((t) =>
        db.selectFrom(t).selectAll().orderBy('id').execute(),
      ),
    );
    return JSON.stringify(rows);
  };

  const ask = async (into: Map<string, string>) => {
    for (const a of restricted) {
      for (const r of asked) {
        const res = await env().app.inject({ ...r, headers: who[a]?.headers ?? {} });
        into.set(
          `${a} ${r.method} ${r.url} ${JSON.stringify(r.payload ?? {})}`,
          `${res.statusCode} ${strip(res.body)}`,
        );
      }
    }
  };

  beforeAll(async () => {
    const e = env();
    who.admin = await signIn(e, { role: 'admin' });
    const pub = await plantPublic(e, who.admin);
    who.anonymous = null;
    who.readerB = await signIn(e, { role: 'reader', organizationId: pub.orgB });
    who.partnerB = await signIn(e, { role: 'partner', organizationId: pub.orgB });
    const { body, committee } = await ids(e);
    // The ids the secrets get lie just above what exists now; ask for a margin of them.
    const top = Math.max(
      ...(await Promise.all(
        (['council_organizations', 'planner_meetings', 'planner_sequences'] as const).map(async (t) =>
          Number(
            (
              await e.ctx.db
                .selectFrom(t)
                .select((eb) => eb.fn.max('id').as('m'))
                .executeTakeFirst()
            )?.m ?? 0,
          ),
        ),
      )),
    );
    asked = requests(
      body,
      committee,
      Array.from({ length: top + 4 }, (_, i) => i + 1),
    );
    await ask(before);
    secrets = await plantSecrets(e, who.admin, pub);
    rowsBefore = await snapshot();
    await ask(after);
  }, 600_000);

  it('plants the planner secrets within the ids asked', () => {
    const planner = secrets.filter((s) =>
      ['committee', 'plannerMeeting', 'plannerSequence'].includes(s.kind),
    );
    expect(planner.map((s) => s.kind).sort()).toEqual([
      'committee',
      'plannerMeeting',
      'plannerMeeting',
      'plannerSequence',
    ]);
    const maxId = Math.max(...asked.flatMap((r) => [...r.url.matchAll(/\/(\d+)/g)].map((m) => Number(m[1]))));
    for (const s of planner) expect(s.id).toBeLessThanOrEqual(maxId);
  });

  it('answers questions and refuses writes exactly as before the non-public records existed', () => {
    const changed = [...before.keys()].filter((k) => before.get(k) !== after.get(k));
    expect(changed.map((k) => `${k}: ${before.get(k)} ⇒ ${after.get(k)}`)).toEqual([]);
    expect([...after.values()].filter((v) => SECRET_WORDS.some((w) => v.includes(w)))).toEqual([]);
    // The questions about public committees are answered (not merely refused) for signed-in users.
    const answered = [...after.entries()].filter(
      ([k, v]) => k.startsWith('readerB POST /api/planner/check') && v.startsWith('200'),
    );
    expect(answered.length).toBeGreaterThanOrEqual(2);
  });

  it('would notice: the office counts the non-public meeting of the public committee', async () => {
    const office = await signIn(env(), { role: 'office' });
    const q = asked[0];
    const res = await env().app.inject({ ...q, headers: office.headers });
    const mine = `${res.statusCode} ${strip(res.body)}`;
    expect(mine).not.toBe(after.get(`readerB ${q.method} ${q.url} ${JSON.stringify(q.payload ?? {})}`));
    expect(res.json().bodies[0].latest[0].meeting).toMatchObject({ source: 'manual' });
  });

  it('lets no restricted user change a planner record', async () => {
    expect(await snapshot()).toBe(rowsBefore);
    const statuses = new Set(
      [...after.entries()].filter(([k]) => !k.includes('/api/planner/check')).map(([, v]) => v.slice(0, 3)),
    );
    expect([...statuses].sort()).toEqual(['401', '403']);
  });
});
