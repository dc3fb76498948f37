import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { FundingRecordType, FundingTables } from './tables.js';

/**
 * Plain row access to the funding tables, shared with the deadlines/matching/alerts/feeds parts.
 * No access checks here: callers filter with visibleWhere()/canRead() (programmes and calls carry
 * is_public/owner_organization_id; rounds inherit from their call).
 */
export type ProgrammeRow = Selectable<FundingTables['funding_programmes']>;
export type CallRow = Selectable<FundingTables['funding_calls']>;
export type RoundRow = Selectable<FundingTables['funding_rounds']>;
export type ChangeRow = Selectable<FundingTables['funding_changes']>;
export type NewRound = Insertable<FundingTables['funding_rounds']>;
export type RoundPatch = Updateable<FundingTables['funding_rounds']>;

export function findProgrammeById(db: Kysely<DB>, id: number) {
  return db.selectFrom('funding_programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCallById(db: Kysely<DB>, id: number) {
  return db.selectFrom('funding_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCallsOfProgramme(db: Kysely<DB>, programmeId: number) {
  return db
    .selectFrom('funding_calls')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute();
}

/** Calls that are not withdrawn, with their programme's deadline text (input for deadline extraction). */
export function listLiveCalls(db: Kysely<DB>) {
  return db
    .selectFrom('funding_calls')
    .leftJoin('funding_programmes', 'funding_programmes.id', 'funding_calls.programme_id')
    .selectAll('funding_calls')
    .select(['funding_programmes.deadline_text as programme_deadline_text'])
    .where('funding_calls.withdrawn_at', 'is', null)
    .orderBy('funding_calls.id')
    .execute();
}

export function listRoundsOfCall(db: Kysely<DB>, callId: number, opts: { includeWithdrawn?: boolean } = {}) {
  let q = db.selectFrom('funding_rounds').selectAll().where('call_id', '=', callId);
  if (!opts.includeWithdrawn) q = q.where('withdrawn_at', 'is', null);
  return q.orderBy('deadline_date').orderBy('id').execute();
}

export function findRoundByKey(db: Kysely<DB>, callId: number, roundKey: string) {
  return db
    .selectFrom('funding_rounds')
    .selectAll()
    .where('call_id', '=', callId)
    .where('round_key', '=', roundKey)
    .executeTakeFirst();
}

export function findRoundById(db: Kysely<DB>, id: number) {
  return db.selectFrom('funding_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRound(db: Kysely<DB>, values: NewRound): Promise<number> {
  const row = await db.insertInto('funding_rounds').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRound(db: Kysely<DB>, id: number, patch: RoundPatch): Promise<void> {
  await db.updateTable('funding_rounds').set(patch).where('id', '=', id).execute();
}

export function listChangesOf(db: Kysely<DB>, recordType: FundingRecordType, recordId: number) {
  return db
    .selectFrom('funding_changes')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Change rows after a given id (alerts poll with the last id they handled). */
export function listChangesAfter(db: Kysely<DB>, afterId: number, limit = 1000) {
  return db
    .selectFrom('funding_changes')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function insertChange(
  db: Kysely<DB>,
  values: Insertable<FundingTables['funding_changes']>,
): Promise<void> {
  await db.insertInto('funding_changes').values(values).execute();
}
