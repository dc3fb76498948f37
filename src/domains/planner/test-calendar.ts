import type { AppContext } from '../../app/context.js';
import { ensureSource } from '../council/oparl/sources.js';
import { storePage } from '../council/oparl/store-page.js';

/**
 * Test support: a council system imported through the real OParl store path (bodies, committees,
 * meetings), so the planner reads what a sync writes. Not used by product code.
 */
const SYSTEM = 'https://rats.example.org/oparl/system';
export const oparl = (path: string) => `https://rats.example.org/oparl/${path}`;
const T = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;
const stamps = { created: '2026-01-05T09:00:00+01:00', modified: '2026-01-06T09:00:00+01:00' };

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'logger'>;

async function page(
  ctx: Ctx,
  kind: 'Body' | 'Organization' | 'Meeting',
  body: string | null,
  entries: unknown[],
) {
  const source = await ensureSource(ctx.db, SYSTEM);
  await storePage(
    ctx as AppContext,
    {
      sourceId: source.id,
      bodyOparlId: body,
      listUrl: oparl(`list/${kind}/${Math.random()}`),
      kind,
      entries,
      fetchedAt: Date.now(),
    },
    null,
  );
}

export async function importBodies(ctx: Ctx, bodies: { key: string; name: string }[]) {
  await page(
    ctx,
    'Body',
    null,
    bodies.map((b) => ({
      id: oparl(`body/${b.key}`),
      type: T('Body'),
      name: b.name,
      system: SYSTEM,
      ...stamps,
    })),
  );
}

export async function importCommittees(
  ctx: Ctx,
  bodyKey: string,
  committees: { key: string; name: string; endDate?: string }[],
) {
  const body = oparl(`body/${bodyKey}`);
  await page(
    ctx,
    'Organization',
    body,
    committees.map((c) => ({
      id: oparl(`organization/${c.key}`),
      type: T('Organization'),
      body,
      name: c.name,
      ...(c.endDate ? { endDate: c.endDate } : {}),
      ...stamps,
    })),
  );
}

export interface TestMeeting {
  key: string;
  committees: string[];
  /** local Berlin time, e.g. 2027-01-12T17:00 */
  start: string;
  cancelled?: boolean;
  deleted?: boolean;
}

export async function importMeetings(ctx: Ctx, bodyKey: string, meetings: TestMeeting[]) {
  const body = oparl(`body/${bodyKey}`);
  await page(
    ctx,
    'Meeting',
    body,
    meetings.map((m) =>
      m.deleted
        ? { id: oparl(`meeting/${m.key}`), type: T('Meeting'), deleted: true, ...stamps }
        : {
            id: oparl(`meeting/${m.key}`),
            type: T('Meeting'),
            name: `Sitzung ${m.key}`,
            start: `${m.start}:00+01:00`,
            organization: m.committees.map((c) => oparl(`organization/${c}`)),
            ...(m.cancelled ? { cancelled: true } : {}),
            ...stamps,
          },
    ),
  );
}

export async function idOf(
  ctx: Pick<AppContext, 'db'>,
  table: 'council_bodies' | 'council_organizations',
  key: string,
) {
  const kind = table === 'council_bodies' ? 'body' : 'organization';
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('oparl_id', '=', oparl(`${kind}/${key}`))
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The world of the planner's tests (as-of 2027-01-04): Stadt Sonnenberg with Fachausschuss →
 * HFA → Rat, Kreis Tannhausen with Kreisausschuss → Kreistag (and its own HFA: a name two bodies
 * share), a non-public committee, imported meetings (one cancelled, one deleted).
 */
export async function plantPlannerWorld(ctx: Ctx) {
  await importBodies(ctx, [
    { key: 'stadt', name: 'Stadt Sonnenberg' },
    { key: 'kreis', name: 'Kreis Tannhausen' },
  ]);
  await importCommittees(ctx, 'stadt', [
    { key: 'fa', name: 'Ausschuss für Wirtschaft' },
    { key: 'hfa', name: 'Haupt- und Finanzausschuss' },
    { key: 'rat', name: 'Rat' },
    { key: 'geheim', name: 'Geheimprojekt Zebrastreifen Ausschuss' },
    { key: 'alt', name: 'Rat der Stadt (Wahlperiode 2014–2020)', endDate: '2020-10-31' },
  ]);
  await importCommittees(ctx, 'kreis', [
    { key: 'ka', name: 'Kreisausschuss' },
    { key: 'kt', name: 'Kreistag' },
    { key: 'khfa', name: 'Haupt- und Finanzausschuss' },
  ]);
  await importMeetings(ctx, 'stadt', [
    { key: 'fa1', committees: ['fa'], start: '2027-01-20T17:00' },
    { key: 'fa2', committees: ['fa'], start: '2027-02-17T17:00' },
    { key: 'fa3', committees: ['fa'], start: '2027-03-17T17:00' },
    { key: 'hfa1', committees: ['hfa'], start: '2027-01-27T16:00' },
    { key: 'hfa2', committees: ['hfa'], start: '2027-02-24T16:00', cancelled: true },
    { key: 'hfa3', committees: ['hfa'], start: '2027-03-24T16:00' },
    { key: 'rat1', committees: ['rat'], start: '2027-02-03T15:00' },
    { key: 'rat2', committees: ['rat'], start: '2027-03-03T15:00' },
    { key: 'rat3', committees: ['rat'], start: '2027-03-31T15:00' },
    { key: 'rat-old', committees: ['rat'], start: '2026-12-01T15:00' },
    { key: 'geheim1', committees: ['geheim'], start: '2027-02-01T10:00' },
  ]);
  await importMeetings(ctx, 'stadt', [{ key: 'rat2b', committees: ['rat'], start: '2027-03-05T15:00' }]);
  await importMeetings(ctx, 'stadt', [{ key: 'rat2b', committees: [], start: '', deleted: true }]);
  await importMeetings(ctx, 'kreis', [
    { key: 'ka1', committees: ['ka'], start: '2027-02-10T14:00' },
    { key: 'kt1', committees: ['kt'], start: '2027-02-18T14:00' },
  ]);
  const geheim = await idOf(ctx, 'council_organizations', 'geheim');
  return {
    stadt: await idOf(ctx, 'council_bodies', 'stadt'),
    kreis: await idOf(ctx, 'council_bodies', 'kreis'),
    fa: await idOf(ctx, 'council_organizations', 'fa'),
    hfa: await idOf(ctx, 'council_organizations', 'hfa'),
    rat: await idOf(ctx, 'council_organizations', 'rat'),
    ka: await idOf(ctx, 'council_organizations', 'ka'),
    kt: await idOf(ctx, 'council_organizations', 'kt'),
    geheim,
  };
}

/** Imported rows have no write path that sets an owner; the test makes the committee non-public. */
export async function makeNonPublic(
  ctx: Pick<AppContext, 'db'>,
  committeeId: number,
  ownerOrganizationId: number,
) {
  const org = await ctx.db
    .selectFrom('council_organizations')
    .select('oparl_id')
    .where('id', '=', committeeId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('council_organizations')
    .set({ is_public: 0, owner_organization_id: ownerOrganizationId })
    .where('id', '=', committeeId)
    .execute();
  await ctx.db
    .updateTable('council_meetings')
    .set({ is_public: 0, owner_organization_id: ownerOrganizationId })
    .where('organization_ids_json', 'like', `%${JSON.stringify(org.oparl_id)}%`)
    .execute();
}
