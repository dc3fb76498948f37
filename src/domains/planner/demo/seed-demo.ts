import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { indexSyncedObjects } from '../../council/oparl/search-sync.js';
import type { UpsertResult } from '../../council/oparl/upsert-object.js';
import { todayInBerlin } from '../calendar-day.js';
import { ILLUSTRATIVE_MARK, PLANNER_SOURCE_URL } from '../committees-repository.js';
import { type DemoBody, demoBodies, demoExamples, demoMeetings } from './calendars.js';

const DEMO_USER = 'system:demo';

async function ensurePlannerSource(db: Kysely<DB>, now: string): Promise<number> {
  const existing = await db
    .selectFrom('council_sources')
    .select('id')
    .where('system_url', '=', PLANNER_SOURCE_URL)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('council_sources')
    .values({
      system_url: PLANNER_SOURCE_URL,
      name: 'Von Hand erfasste Gremien (Fristenplaner)',
      oparl_version: null,
      last_sync_started_at: null,
      last_sync_finished_at: null,
      last_sync_status: null,
      last_error: null,
      counts_json: null,
      error_count: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const oparlObject = (now: string, sourceId: number) => ({
  source_id: sourceId,
  oparl_created: null,
  oparl_modified: null,
  deleted: 0,
  quirks_json: null,
  is_public: 1,
  owner_organization_id: null,
  created_at: now,
  updated_at: now,
});

/** The body as the council tables know it: an imported one of that AGS or name, else a local one. */
async function ensureBody(db: Kysely<DB>, b: DemoBody, sourceId: number, now: string) {
  const existing = await db
    .selectFrom('council_bodies')
    .select(['id', 'oparl_id'])
    .where('deleted', '=', 0)
    .where((eb) => eb.or([eb('ags', '=', b.ags), eb('name', '=', b.name)]))
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };
  const oparlId = `urn:regiolotse:planner:body:${b.ags}`;
  const row = await db
    .insertInto('council_bodies')
    .values({
      ...oparlObject(now, sourceId),
      oparl_id: oparlId,
      body_oparl_id: null,
      name: b.name,
      short_name: b.shortName,
      ags: b.ags,
      website: b.website,
      system_oparl_id: null,
      raw_json: JSON.stringify({
        name: b.name,
        shortName: b.shortName,
        ags: b.ags,
        [ILLUSTRATIVE_MARK]: false,
      }),
    })
    .returning(['id', 'oparl_id'])
    .executeTakeFirstOrThrow();
  return { ...row, created: true };
}

async function ensureCommittee(
  db: Kysely<DB>,
  c: { directoryKey: string; name: string },
  bodyOparlId: string,
  sourceId: number,
  now: string,
) {
  const oparlId = `urn:regiolotse:planner:organization:${c.directoryKey.replace(/^org:/, '')}`;
  const existing = await db
    .selectFrom('council_organizations')
    .select(['id', 'oparl_id'])
    .where('oparl_id', '=', oparlId)
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };
  const raw = {
    name: c.name,
    organizationType: 'Gremium',
    directoryKey: c.directoryKey,
    [ILLUSTRATIVE_MARK]: true,
  };
  const row = await db
    .insertInto('council_organizations')
    .values({
      ...oparlObject(now, sourceId),
      oparl_id: oparlId,
      body_oparl_id: bodyOparlId,
      name: c.name,
      short_name: null,
      organization_type: 'Gremium',
      classification: null,
      start_date: null,
      end_date: null,
      raw_json: JSON.stringify(raw),
    })
    .returning(['id', 'oparl_id'])
    .executeTakeFirstOrThrow();
  return { ...row, created: true };
}

async function ensureSettings(
  db: Kysely<DB>,
  b: DemoBody,
  bodyOparlId: string,
  committeeIds: string[],
  now: string,
) {
  const settings = await db
    .selectFrom('planner_body_settings')
    .select('id')
    .where('body_oparl_id', '=', bodyOparlId)
    .executeTakeFirst();
  if (!settings)
    await db
      .insertInto('planner_body_settings')
      .values({
        body_oparl_id: bodyOparlId,
        lead_days: b.leadDays,
        warn_slack_days: b.warnSlackDays,
        illustrative: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  const sequence = await db
    .selectFrom('planner_sequences')
    .select('id')
    .where('body_oparl_id', '=', bodyOparlId)
    .where('name', '=', b.sequenceName)
    .executeTakeFirst();
  if (!sequence)
    await db
      .insertInto('planner_sequences')
      .values({
        body_oparl_id: bodyOparlId,
        name: b.sequenceName,
        committees_json: JSON.stringify(committeeIds),
        sort_order: 0,
        illustrative: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
}

/**
 * Illustrative meeting calendars for Düsseldorf and the Kreis Mettmann, their lead times and usual
 * sequences, and three worked examples (feasible, tight, impossible), all relative to the day of
 * the first run. Later runs change nothing: calendars and examples are written once, together.
 */
export async function seedPlannerDemo(
  ctx: AppContext,
  progress: (message: string) => void,
  seedDay: string = todayInBerlin(),
): Promise<void> {
  const indexed: UpsertResult[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const sourceId = await ensurePlannerSource(trx, now);
    const seeded = await trx
      .selectFrom('planner_examples')
      .select('id')
      .where('key', '=', 'demo:feasible')
      .executeTakeFirst();
    const examples: { bodyOparlId: string; sequenceName: string }[] = [];
    for (const b of demoBodies) {
      const body = await ensureBody(trx, b, sourceId, now);
      const committees = new Map<string, string>();
      for (const c of b.committees) {
        const org = await ensureCommittee(trx, c, body.oparl_id, sourceId, now);
        committees.set(c.directoryKey, org.oparl_id);
        if (org.created)
          indexed.push({
            kind: 'Organization',
            id: org.id,
            oparlId: org.oparl_id,
            deleted: false,
            quirks: [],
          });
      }
      await ensureSettings(trx, b, body.oparl_id, [...committees.values()], now);
      examples.push({ bodyOparlId: body.oparl_id, sequenceName: b.sequenceName });
      if (seeded) continue;
      const meetings = demoMeetings(b, seedDay).map((m) => ({
        committee_oparl_id: committees.get(m.directoryKey) as string,
        meeting_date: m.day,
        start_time: m.startTime,
        note: m.note,
        cancelled: m.cancelled ? 1 : 0,
        deleted: 0,
        illustrative: 1,
        is_public: 1,
        owner_organization_id: null,
        created_by: DEMO_USER,
        created_at: now,
        updated_at: now,
      }));
      await trx.insertInto('planner_meetings').values(meetings).execute();
      progress(`${b.name}: ${meetings.length} illustrative Sitzungstermine ab ${seedDay}`);
    }
    if (seeded) {
      progress('Sitzungskalender und Beispielfragen sind schon vorhanden');
      return;
    }
    await trx
      .insertInto('planner_examples')
      .values(
        demoExamples(seedDay).map((e) => ({
          key: e.key,
          kind: e.kind,
          deadline: e.deadline,
          as_of: seedDay,
          buffer_days: 0,
          bodies_json: JSON.stringify(examples),
          illustrative: 1,
          created_at: now,
        })),
      )
      .execute();
    progress('3 Beispielfragen (machbar, knapp, unmöglich)');
  });
  if (indexed.length) await indexSyncedObjects(ctx, indexed);
}
