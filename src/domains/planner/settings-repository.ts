import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';

/** The office's defaults when a body has no settings yet. */
export const DEFAULT_LEAD_DAYS = 0;
export const DEFAULT_WARN_SLACK_DAYS = 14;

export async function settingsOf(db: Kysely<DB>, bodyOparlIds: string[]) {
  if (bodyOparlIds.length === 0) return new Map<string, SettingsRow>();
  const rows = await db
    .selectFrom('planner_body_settings')
    .selectAll()
    .where('body_oparl_id', 'in', bodyOparlIds)
    .execute();
  return new Map(rows.map((r) => [r.body_oparl_id, r]));
}
export type SettingsRow = NonNullable<Awaited<ReturnType<typeof findSettings>>>;

export function findSettings(db: Kysely<DB>, bodyOparlId: string) {
  return db
    .selectFrom('planner_body_settings')
    .selectAll()
    .where('body_oparl_id', '=', bodyOparlId)
    .executeTakeFirst();
}

export function sequencesOf(db: Kysely<DB>, bodyOparlIds: string[]) {
  return db
    .selectFrom('planner_sequences')
    .selectAll()
    .where('body_oparl_id', 'in', bodyOparlIds.length ? bodyOparlIds : [''])
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findSequence(db: Kysely<DB>, id: number) {
  return db.selectFrom('planner_sequences').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSequences(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('planner_sequences').selectAll().where('id', 'in', ids).execute();
}

export type SequenceRow = NonNullable<Awaited<ReturnType<typeof findSequence>>>;

export const sequenceCommittees = (row: { committees_json: string }) =>
  JSON.parse(row.committees_json) as string[];
