import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { type Actor, systemActor } from '../../access/actor.js';
import { filteredCalls } from '../api/list-calls.js';
import { MatchingEngine } from '../matching/engine.js';
import { loadCallsForMatching, loadFieldNames, parseJsonList } from '../matching/load.js';
import { loadFeedback } from '../matching/match-service.js';
import type { CallFilters } from '../schemas.js';
import type { RoundInfo } from './change-lines.js';
import { parseSavedFilters } from './subscriptions.js';
import {
  loadPointersSince,
  loadWatchedActivity,
  type PointerNotice,
  type WatchedChange,
} from './watched-activity.js';

/** From this score (0…1, see matching/engine.ts) a new call is mailed at once to an organisation. */
export const PROFILE_ALERT_MIN_SCORE = 0.5;
const ALERTS_ACTOR = systemActor('funding-alerts');

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
  /** who saved it; for an organisation's search every member with `organizationId` gets it */
  userId: number;
  organizationId: number | null;
  scope: 'user' | 'organization';
  name: string;
  filters: CallFilters;
}

/** A new call that fits an organisation's matching profile well enough to mail at once. */
export interface ProfileMatch {
  score: number;
  reasons: string[];
}

export interface AlertData {
  users: AlertUser[];
  calls: Map<number, AlertCall>;
  searches: SavedSearch[];
  /** saved search id → ids of the new calls it finds (the call list's own query decides) */
  searchHits: Map<number, Set<number>>;
  /** organisation id → new call id → match with its profile (only loaded for immediate runs) */
  profileMatches: Map<number, Map<number, ProfileMatch>>;
  organizationNames: Map<number, string>;
  /** user id → watched call ids (own watches and the organisation's) */
  watched: Map<number, Set<number>>;
  /** user id → call ids the person watches themself (the rest of `watched` is their organisation's) */
  ownWatches: Map<number, Set<number>>;
  rounds: { id: number; callId: number; date: string; time: string | null; label: string | null }[];
  changes: WatchedChange[];
  /** every round of a watched call, for naming it in a change line */
  roundInfo: Map<number, RoundInfo>;
  /** the office pointed these calls out to organisations of recipients (since the horizon) */
  pointers: PointerNotice[];
  /** field-of-action key → name */
  fieldNames: Record<string, string>;
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
  opts: { since: string; today: string; userIds?: number[]; profileMatches?: boolean },
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
  const ownWatches = new Map<number, Set<number>>();
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
    ownWatches.set(u.id, new Set(byUser.get(u.id) ?? []));
  }
  const watchedIds = [...new Set(watchRows.map((w) => w.call_id))];
  const orgIds = [
    ...new Set(
      users.flatMap((u) =>
        u.actor.kind === 'user' && u.actor.organizationId != null ? [u.actor.organizationId] : [],
      ),
    ),
  ];
  const pointers = await loadPointersSince(db, orgIds, opts.since);
  const pointedIds = [...new Set(pointers.map((p) => p.callId))];

  const callRows = await db
    .selectFrom('funding_calls')
    .select([
      'id',
      'title',
      'text',
      'effective_fields',
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
        ...(pointedIds.length ? [eb('id', 'in', pointedIds)] : []),
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
        fields: parseJsonList(c.effective_fields),
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
  const searchRow = (r: {
    id: number;
    user_id: number;
    organization_id: number | null;
    scope: 'user' | 'organization';
    name: string;
    filters: string;
  }): SavedSearch => ({
    id: r.id,
    userId: r.user_id,
    organizationId: r.organization_id,
    scope: r.scope,
    name: r.name,
    filters: parseSavedFilters(r.filters),
  });
  const searchColumns = ['id', 'user_id', 'organization_id', 'scope', 'name', 'filters'] as const;
  for (const part of chunk(userIds, 500)) {
    const rows = await db
      .selectFrom('funding_saved_searches')
      .select(searchColumns)
      .where('user_id', 'in', part)
      .where('scope', '=', 'user')
      .execute();
    searches.push(...rows.map(searchRow));
  }
  for (const part of chunk(orgIds, 500)) {
    const rows = await db
      .selectFrom('funding_saved_searches')
      .select(searchColumns)
      .where('organization_id', 'in', part)
      .where('scope', '=', 'organization')
      .execute();
    searches.push(...rows.map(searchRow));
  }
  const newCallIds = [...calls.values()].filter((c) => c.firstSeenAt > opts.since).map((c) => c.id);
  const searchHits = await findSearchHits(db, searches, newCallIds, opts.today);

  const immediateOrgs = opts.profileMatches
    ? [
        ...new Set(
          users.flatMap((u) =>
            u.immediate && u.actor.kind === 'user' && u.actor.organizationId != null
              ? [u.actor.organizationId]
              : [],
          ),
        ),
      ]
    : [];
  const profileMatches =
    immediateOrgs.length && newCallIds.length
      ? await matchNewCallsToProfiles(db, immediateOrgs, newCallIds, opts.today)
      : new Map<number, Map<number, ProfileMatch>>();
  const organizationNames = new Map<number, string>();
  const namedOrgs = [...new Set([...profileMatches.keys(), ...pointers.map((p) => p.organizationId)])];
  for (const part of chunk(namedOrgs, 500)) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) organizationNames.set(r.id, r.name);
  }

  const { rounds, changes, roundInfo } = await loadWatchedActivity(db, watchedIds, opts);
  const fieldNames = (await loadFieldNames(db)).byKey;

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
  return {
    users,
    calls,
    searches,
    searchHits,
    profileMatches,
    organizationNames,
    watched,
    ownWatches,
    rounds,
    changes,
    roundInfo,
    pointers,
    fieldNames,
    sent,
  };
}

/**
 * Which new calls each saved search finds, asked of the call list's own query (filteredCalls)
 * restricted to the new calls, once per distinct filter set; whether a recipient may read a call
 * is checked per recipient when the mail is composed.
 */
async function findSearchHits(
  db: Kysely<DB>,
  searches: SavedSearch[],
  newCallIds: number[],
  today: string,
): Promise<Map<number, Set<number>>> {
  const hits = new Map<number, Set<number>>();
  if (!searches.length || !newCallIds.length) return hits;
  const byFilters = new Map<string, SavedSearch[]>();
  for (const s of searches) {
    const key = JSON.stringify(s.filters, Object.keys(s.filters).sort());
    byFilters.set(key, [...(byFilters.get(key) ?? []), s]);
  }
  for (const group of byFilters.values()) {
    const found = new Set<number>();
    for (const part of chunk(newCallIds, 1000)) {
      const rows = await filteredCalls(db, ALERTS_ACTOR, { ...group[0].filters, ids: part }, today).execute();
      for (const r of rows) found.add(r.id);
    }
    for (const s of group) hits.set(s.id, found);
  }
  return hits;
}

/**
 * New calls against the matching profiles of the organisations whose members want immediate
 * notice, scored by the matching engine over all live calls (as on the "Passende Aufrufe" page,
 * with the organisation's relevant / not relevant feedback) and kept from PROFILE_ALERT_MIN_SCORE.
 */
async function matchNewCallsToProfiles(
  db: Kysely<DB>,
  organizationIds: number[],
  newCallIds: number[],
  today: string,
): Promise<Map<number, Map<number, ProfileMatch>>> {
  const out = new Map<number, Map<number, ProfileMatch>>();
  const profiles = [];
  for (const part of chunk(organizationIds, 500)) {
    profiles.push(
      ...(await db
        .selectFrom('funding_org_profiles as p')
        .innerJoin('organizations as o', 'o.id', 'p.organization_id')
        .select([
          'o.id',
          'o.name',
          'o.description',
          'p.fields_of_action',
          'p.applicant_type',
          'p.region_ags',
          'p.keywords',
        ])
        .where('p.organization_id', 'in', part)
        .execute()),
    );
  }
  if (!profiles.length) return out;
  const [calls, fields] = await Promise.all([
    loadCallsForMatching(db, ALERTS_ACTOR, today),
    loadFieldNames(db),
  ]);
  const engine = new MatchingEngine(calls, fields.byKey, today);
  const fresh = new Set(newCallIds);
  for (const p of profiles) {
    const matches = engine.matchTarget(
      {
        id: p.id,
        title: p.name,
        text: p.description,
        fields: parseJsonList(p.fields_of_action),
        applicantType: p.applicant_type,
        regionAgs: p.region_ags,
        keywords: parseJsonList(p.keywords),
      },
      { limit: calls.length, minScore: PROFILE_ALERT_MIN_SCORE, feedback: await loadFeedback(db, p.id) },
    );
    const mine = new Map<number, ProfileMatch>();
    for (const m of matches)
      if (fresh.has(m.callId)) mine.set(m.callId, { score: m.score, reasons: m.reasons });
    if (mine.size) out.set(p.id, mine);
  }
  return out;
}
