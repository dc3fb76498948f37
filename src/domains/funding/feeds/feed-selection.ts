import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { type Actor, anonymous } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';

export type FeedScope =
  | { kind: 'public' }
  | { kind: 'user'; userId: number }
  | { kind: 'org'; organizationId: number };

export interface FeedRound {
  roundId: number;
  callId: number;
  source: string;
  title: string;
  label: string | null;
  date: string;
  time: string | null;
  timeZone: string;
  url: string | null;
  origin: string;
  evidence: string | null;
}

/** Who reads the feed: a user as themselves, an organisation as a reader of it, anyone else anonymously. */
export async function feedActor(db: Kysely<DB>, scope: FeedScope, trusted: boolean): Promise<Actor> {
  if (!trusted || scope.kind === 'public') return anonymous;
  if (scope.kind === 'org') {
    return {
      kind: 'user',
      id: 0,
      name: 'feed',
      email: 'feed',
      role: 'reader',
      organizationId: scope.organizationId,
    };
  }
  const u = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'organization_id', 'disabled'])
    .where('id', '=', scope.userId)
    .executeTakeFirst();
  if (!u || u.disabled) return anonymous;
  return {
    kind: 'user',
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    organizationId: u.organization_id,
  };
}

/**
 * Deadlines for a calendar: for a user the calls they or their organisation watch or were pointed
 * to; for an organisation the calls it watches, was pointed to or marked relevant; for the public
 * every public call. Rounds of calls the reader may not see are dropped.
 */
export async function selectFeedRounds(
  db: Kysely<DB>,
  scope: FeedScope,
  actor: Actor,
  today: string,
): Promise<FeedRound[]> {
  let callIds: number[] | null = null;
  if (scope.kind !== 'public') {
    const org =
      scope.kind === 'org' ? scope.organizationId : actor.kind === 'user' ? actor.organizationId : null;
    const userId = scope.kind === 'user' ? scope.userId : null;
    const ids = new Set<number>();
    const watches = await db
      .selectFrom('funding_watches')
      .select('call_id')
      .where((eb) =>
        eb.or([
          ...(userId != null ? [eb('user_id', '=', userId)] : []),
          ...(org != null ? [eb('organization_id', '=', org)] : []),
          sql<SqlBool>`1 = 0`,
        ]),
      )
      .execute();
    for (const w of watches) ids.add(w.call_id);
    if (org != null) {
      for (const p of await db
        .selectFrom('funding_pointers')
        .select('call_id')
        .where('organization_id', '=', org)
        .execute())
        ids.add(p.call_id);
      for (const f of await db
        .selectFrom('funding_match_feedback')
        .select('call_id')
        .where('organization_id', '=', org)
        .where('relevant', '=', 1)
        .execute())
        ids.add(f.call_id);
    }
    callIds = [...ids];
    if (callIds.length === 0) return [];
  }
  const from = new Date(Date.parse(today) - 60 * 86_400_000).toISOString().slice(0, 10);
  let q = db
    .selectFrom('funding_rounds as r')
    .innerJoin('funding_calls as c', 'c.id', 'r.call_id')
    .select([
      'r.id as roundId',
      'c.id as callId',
      'c.source',
      'c.title',
      'r.label',
      'r.deadline_date',
      'r.deadline_time',
      'r.time_zone',
      'c.source_url',
      'r.origin',
      'r.evidence',
    ])
    .where('r.withdrawn_at', 'is', null)
    .where('c.withdrawn_at', 'is', null)
    .where('r.review_status', '!=', 'rejected')
    .where('r.deadline_date', '>=', from);
  if (callIds) q = q.where('c.id', 'in', callIds);
  // Filtered in SQL, so the bound counts only rounds the reader may see.
  const rows = await q
    .where(visibleWhere(actor, 'c'))
    .orderBy('r.deadline_date')
    .orderBy('r.id')
    .limit(5000)
    .execute();
  return rows.map((r) => ({
    roundId: r.roundId,
    callId: r.callId,
    source: r.source,
    title: r.title,
    label: r.label,
    date: r.deadline_date!,
    time: r.deadline_time,
    timeZone: r.time_zone,
    url: r.source_url,
    origin: r.origin,
    evidence: r.evidence,
  }));
}
