import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { parseJsonList } from '../matching/load.js';

export interface AlertUser {
  id: number;
  email: string;
  name: string;
  actor: Actor;
  leadDays: number[];
  digest: 'daily' | 'weekly' | 'off';
  immediate: boolean;
  lastDigestAt: string | null;
  lastImmediateAt: string | null;
}

export interface AlertCall {
  id: number;
  title: string;
  text: string | null;
  fields: string[];
  applicants: string[];
  regions: string[];
  isPublic: boolean;
  owner: number | null;
  firstSeenAt: string;
  sourceUrl: string | null;
}

export interface SavedSearch {
  id: number;
  userId: number;
  name: string;
  filters: { q?: string; fields?: string[]; applicant?: string; region?: string };
}

export interface AlertData {
  users: AlertUser[];
  calls: Map<number, AlertCall>;
  searches: SavedSearch[];
  /** user id → watched call ids (own watches and the organisation's) */
  watched: Map<number, Set<number>>;
  rounds: { id: number; callId: number; date: string; time: string | null; label: string | null }[];
  changes: { id: number; callId: number; at: string; kind: string; changes: string }[];
  sent: Set<string>;
}

const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Everything the alert run needs, loaded in a handful of queries for all recipients at once, so
 * a digest for a thousand users costs the same few round-trips as one.
 */
export async function loadAlertData(
  db: Kysely<DB>,
  opts: { since: string; today: string; userIds?: number[] },
): Promise<AlertData> {
  let q = db
    .selectFrom('funding_alert_settings as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.organization_id',
      's.lead_days',
      's.digest',
      's.immediate',
      's.last_digest_at',
      's.last_immediate_at',
    ])
    .where('s.unsubscribed_at', 'is', null)
    .where('u.disabled', '=', 0);
  if (opts.userIds) q = q.where('u.id', 'in', opts.userIds.length ? opts.userIds : [-1]);
  const userRows = await q.orderBy('u.id').execute();
  const users: AlertUser[] = userRows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    actor: {
      kind: 'user',
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      organizationId: u.organization_id,
    },
    leadDays: parseJsonList(u.lead_days)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 0),
    digest: u.digest,
    immediate: u.immediate === 1,
    lastDigestAt: u.last_digest_at,
    lastImmediateAt: u.last_immediate_at,
  }));
  const userIds = users.map((u) => u.id);
  const orgOf = new Map(userRows.map((u) => [u.id, u.organization_id]));

  const watchRows = userIds.length
    ? await db.selectFrom('funding_watches').select(['user_id', 'organization_id', 'call_id']).execute()
    : [];
  const watched = new Map<number, Set<number>>();
  const byUser = new Map<number, number[]>();
  const byOrg = new Map<number, number[]>();
  for (const w of watchRows) {
    if (w.user_id != null) byUser.set(w.user_id, [...(byUser.get(w.user_id) ?? []), w.call_id]);
    if (w.organization_id != null)
      byOrg.set(w.organization_id, [...(byOrg.get(w.organization_id) ?? []), w.call_id]);
  }
  for (const u of users) {
    const org = orgOf.get(u.id);
    watched.set(u.id, new Set([...(byUser.get(u.id) ?? []), ...(org != null ? (byOrg.get(org) ?? []) : [])]));
  }
  const watchedIds = [...new Set(watchRows.map((w) => w.call_id))];

  const callRows = await db
    .selectFrom('funding_calls')
    .select([
      'id',
      'title',
      'text',
      'fields_of_action',
      'eligible_applicants',
      'regions',
      'is_public',
      'owner_organization_id',
      'first_seen_at',
      'source_url',
    ])
    .where('withdrawn_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('first_seen_at', '>', opts.since),
        ...(watchedIds.length ? [eb('id', 'in', watchedIds)] : []),
      ]),
    )
    .execute();
  const calls = new Map<number, AlertCall>(
    callRows.map((c) => [
      c.id,
      {
        id: c.id,
        title: c.title,
        text: c.text,
        fields: parseJsonList(c.fields_of_action),
        applicants: parseJsonList(c.eligible_applicants),
        regions: parseJsonList(c.regions),
        isPublic: c.is_public === 1,
        owner: c.owner_organization_id,
        firstSeenAt: c.first_seen_at,
        sourceUrl: c.source_url,
      },
    ]),
  );

  const searches: SavedSearch[] = [];
  for (const part of chunk(userIds, 500)) {
    const rows = await db
      .selectFrom('funding_saved_searches')
      .select(['id', 'user_id', 'name', 'filters'])
      .where('user_id', 'in', part)
      .execute();
    for (const r of rows)
      searches.push({ id: r.id, userId: r.user_id, name: r.name, filters: JSON.parse(r.filters) });
  }

  const rounds = [];
  const changes = [];
  for (const part of chunk(watchedIds, 500)) {
    const rs = await db
      .selectFrom('funding_rounds')
      .select(['id', 'call_id', 'deadline_date', 'deadline_time', 'label'])
      .where('call_id', 'in', part)
      .where('withdrawn_at', 'is', null)
      .where('review_status', '!=', 'rejected')
      .where('deadline_date', '>=', opts.today)
      .execute();
    rounds.push(
      ...rs.map((r) => ({
        id: r.id,
        callId: r.call_id,
        date: r.deadline_date!,
        time: r.deadline_time,
        label: r.label,
      })),
    );
    const roundIds = await db
      .selectFrom('funding_rounds')
      .select(['id', 'call_id'])
      .where('call_id', 'in', part)
      .execute();
    const callOfRound = new Map(roundIds.map((r) => [r.id, r.call_id]));
    const cs = await db
      .selectFrom('funding_changes')
      .select(['id', 'record_type', 'record_id', 'at', 'kind', 'changes'])
      .where('at', '>', opts.since)
      .where('kind', '!=', 'first_seen')
      .where((eb) =>
        eb.or([
          eb.and([eb('record_type', '=', 'call'), eb('record_id', 'in', part)]),
          ...(roundIds.length
            ? [
                eb.and([
                  eb('record_type', '=', 'round'),
                  eb(
                    'record_id',
                    'in',
                    roundIds.map((r) => r.id),
                  ),
                ]),
              ]
            : []),
        ]),
      )
      .execute();
    changes.push(
      ...cs.map((c) => ({
        id: c.id,
        callId: c.record_type === 'call' ? c.record_id : (callOfRound.get(c.record_id) ?? -1),
        at: c.at,
        kind: c.kind,
        changes: c.changes,
      })),
    );
  }

  const sent = new Set<string>();
  for (const part of chunk(userIds, 500)) {
    const rows = await db
      .selectFrom('funding_alert_log')
      .select(['user_id', 'kind', 'ref_key'])
      .where('user_id', 'in', part)
      .where('sent_at', '>', new Date(Date.parse(opts.today) - 400 * 86_400_000).toISOString())
      .execute();
    for (const r of rows) sent.add(`${r.user_id}|${r.kind}|${r.ref_key}`);
  }
  return { users, calls, searches, watched, rounds, changes, sent };
}
