import type { AppContext } from '../../src/app/context.js';
import { ensureSource } from '../../src/domains/council/oparl/sources.js';
import { storePage } from '../../src/domains/council/oparl/store-page.js';
import { addDays } from '../../src/domains/planner/calendar-day.js';
import { nowIso } from '../../src/infra/db/columns.js';

/**
 * The planner bench's region: 12 bodies with 5 committees each and 100 meetings per committee over
 * 10 years, imported through the real OParl store path, plus hand-entered meetings (some on the
 * day of an imported one, so superseded) and each body's lead days.
 */
export const BODIES = 12;
const COMMITTEES = 5;
const MEETINGS_PER_COMMITTEE = 100;
export const FIRST = '2022-01-03';
const SYSTEM = 'https://bench.example.org/oparl/system';
export const o = (path: string) => `https://bench.example.org/oparl/${path}`;
const T = (kind: string) => `https://schema.oparl.org/1.1/${kind}`;

export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

async function page(
  ctx: AppContext,
  kind: 'Body' | 'Organization' | 'Meeting',
  body: string | null,
  entries: unknown[],
) {
  const source = await ensureSource(ctx.db, SYSTEM);
  await storePage(
    ctx,
    {
      sourceId: source.id,
      bodyOparlId: body,
      listUrl: o(`list/${kind}/${body ?? ''}`),
      kind,
      entries,
      fetchedAt: Date.now(),
    },
    null,
  );
}

/** The region through the real import path, plus hand-entered meetings and body settings. */
export async function seedPlannerRegion(ctx: AppContext) {
  const r = rng(7);
  const stamps = { created: '2021-12-01T09:00:00+01:00', modified: '2021-12-01T09:00:00+01:00' };
  await page(
    ctx,
    'Body',
    null,
    Array.from({ length: BODIES }, (_, b) => ({
      id: o(`body/${b}`),
      type: T('Body'),
      name: `Stadt ${b + 1}`,
      system: SYSTEM,
      ...stamps,
    })),
  );
  let manual = 0;
  for (let b = 0; b < BODIES; b++) {
    const body = o(`body/${b}`);
    await page(
      ctx,
      'Organization',
      body,
      Array.from({ length: COMMITTEES }, (_, c) => ({
        id: o(`org/${b}/${c}`),
        type: T('Organization'),
        body,
        name: `Ausschuss ${c + 1}`,
        ...stamps,
      })),
    );
    const meetings: unknown[] = [];
    const handEntered: { committee_oparl_id: string; meeting_date: string }[] = [];
    for (let c = 0; c < COMMITTEES; c++) {
      // a cycle of about 36 days, staggered by step so a sequence Ausschuss 1 → 2 → 3 fits each cycle
      for (let k = 0; k < MEETINGS_PER_COMMITTEE; k++) {
        const day = addDays(FIRST, Math.round(k * 36.5) + c * 4 + Math.floor(r() * 3));
        meetings.push({
          id: o(`meeting/${b}/${c}/${k}`),
          type: T('Meeting'),
          name: `Sitzung ${k + 1}`,
          start: `${day}T17:00:00+01:00`,
          organization: [o(`org/${b}/${c}`)],
          ...(r() < 0.03 ? { cancelled: true } : {}),
          ...stamps,
        });
        if (k % 20 === 5)
          handEntered.push({ committee_oparl_id: o(`org/${b}/${c}`), meeting_date: addDays(day, 18) });
        if (k % 20 === 15) handEntered.push({ committee_oparl_id: o(`org/${b}/${c}`), meeting_date: day });
      }
    }
    for (let i = 0; i < meetings.length; i += 250)
      await page(ctx, 'Meeting', body, meetings.slice(i, i + 250));
    const now = nowIso();
    await ctx.db
      .insertInto('planner_meetings')
      .values(
        handEntered.map((m) => ({
          ...m,
          start_time: null,
          note: null,
          cancelled: 0,
          deleted: 0,
          illustrative: 0,
          is_public: 1,
          owner_organization_id: null,
          created_by: 'bench',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    manual += handEntered.length;
    await ctx.db
      .insertInto('planner_body_settings')
      .values({
        body_oparl_id: body,
        lead_days: 21,
        warn_slack_days: 14,
        illustrative: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return { manual };
}
