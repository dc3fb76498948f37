import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertSignedIn, canActForOrganization, canRead, visibleWhere } from '../../access/policy.js';
import { findCallById } from '../repository.js';
import { type CallFilters, callFilters } from '../schemas.js';

type UserActor = Extract<Actor, { kind: 'user' }>;

export function asUser(actor: Actor): UserActor {
  assertSignedIn(actor);
  if (actor.kind !== 'user') throw new ForbiddenError();
  return actor;
}

/** Settings exist from the first watch or saved search on; defaults: weekly digest, 42/14/3 days. */
export async function ensureSettings(db: Kysely<DB>, userId: number) {
  await db
    .insertInto('funding_alert_settings')
    .values({ user_id: userId, lead_days: '[42,14,3]', digest: 'weekly', immediate: 0, updated_at: nowIso() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  return db
    .selectFrom('funding_alert_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
}

export interface AlertSettingsInput {
  leadDays?: number[];
  digest?: 'daily' | 'weekly' | 'off';
  immediate?: boolean;
  subscribed?: boolean;
}

export async function updateSettings(db: Kysely<DB>, actor: Actor, input: AlertSettingsInput) {
  const user = asUser(actor);
  const current = await ensureSettings(db, user.id);
  await db
    .updateTable('funding_alert_settings')
    .set({
      lead_days: input.leadDays
        ? JSON.stringify([...new Set(input.leadDays)].sort((a, b) => b - a))
        : current.lead_days,
      digest: input.digest ?? current.digest,
      immediate: input.immediate === undefined ? current.immediate : input.immediate ? 1 : 0,
      unsubscribed_at:
        input.subscribed === undefined ? current.unsubscribed_at : input.subscribed ? null : nowIso(),
      updated_at: nowIso(),
    })
    .where('user_id', '=', user.id)
    .execute();
  return presentSettings(await ensureSettings(db, user.id));
}

export function presentSettings(s: {
  lead_days: string;
  digest: string;
  immediate: number;
  unsubscribed_at: string | null;
}) {
  return {
    leadDays: JSON.parse(s.lead_days) as number[],
    digest: s.digest as 'daily' | 'weekly' | 'off',
    immediate: s.immediate === 1,
    subscribed: s.unsubscribed_at === null,
  };
}

async function readableCall(db: Kysely<DB>, actor: Actor, callId: number) {
  const call = await findCallById(db, callId);
  if (
    !call ||
    !canRead(actor, { isPublic: call.is_public === 1, ownerOrganizationId: call.owner_organization_id })
  ) {
    throw new NotFoundError('Call');
  }
  return call;
}

/**
 * The organisation a user acts for when saving a search or watching a call for it: office staff
 * and partners for their own organisation; readers and users without one may not.
 */
function organizationToActFor(user: UserActor): number {
  if (user.organizationId == null) {
    throw new ForbiddenError('You belong to no organisation', 'Sie gehören zu keiner Organisation');
  }
  if (!canActForOrganization(user, user.organizationId)) {
    throw new ForbiddenError(
      'Only office and partner users act for their organisation',
      'Nur Geschäftsstelle und Partner handeln für ihre Organisation',
    );
  }
  return user.organizationId;
}

/** Watch a call for oneself or for one's organisation (everyone of it then gets reminders). */
export async function watchCall(db: Kysely<DB>, actor: Actor, callId: number, forOrganization = false) {
  const user = asUser(actor);
  await readableCall(db, actor, callId);
  const owner = forOrganization
    ? { user_id: null, organization_id: organizationToActFor(user) }
    : { user_id: user.id, organization_id: null };
  await ensureSettings(db, user.id);
  const existing = await db
    .selectFrom('funding_watches')
    .select('id')
    .where('call_id', '=', callId)
    .where((eb) =>
      owner.user_id != null
        ? eb('user_id', '=', owner.user_id)
        : eb.and([eb('user_id', 'is', null), eb('organization_id', '=', owner.organization_id)]),
    )
    .executeTakeFirst();
  if (existing) return { id: existing.id };
  const row = await db
    .insertInto('funding_watches')
    .values({ ...owner, call_id: callId, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** One's own watches and one's organisation's, each saying whether this user may remove it. */
export async function listWatches(db: Kysely<DB>, actor: Actor) {
  const user = asUser(actor);
  const rows = await db
    .selectFrom('funding_watches as w')
    .innerJoin('funding_calls as c', 'c.id', 'w.call_id')
    .select(['w.id', 'w.call_id as callId', 'c.title as callTitle', 'w.organization_id as organizationId'])
    .where(visibleWhere(user, 'c'))
    .where((eb) =>
      eb.or([
        eb('w.user_id', '=', user.id),
        ...(user.organizationId != null
          ? [eb.and([eb('w.user_id', 'is', null), eb('w.organization_id', '=', user.organizationId)])]
          : []),
      ]),
    )
    .orderBy('w.id')
    .execute();
  const mayAct = user.organizationId != null && canActForOrganization(user, user.organizationId);
  return rows.map((w) => ({ ...w, canRemove: w.organizationId == null || mayAct }));
}

export async function unwatch(db: Kysely<DB>, actor: Actor, id: number) {
  const user = asUser(actor);
  const mayAct = user.organizationId != null && canActForOrganization(user, user.organizationId);
  const res = await db
    .deleteFrom('funding_watches')
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('user_id', '=', user.id),
        ...(mayAct
          ? [eb.and([eb('user_id', 'is', null), eb('organization_id', '=', user.organizationId!)])]
          : []),
      ]),
    )
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('Watch');
}

export interface SavedSearchInput {
  name: string;
  /** the call list's filters (one shared schema) */
  filters: CallFilters;
  /** for the user's organisation: every member gets its alerts */
  forOrganization?: boolean;
}

/**
 * A stored filter set in the call list's shape. Rows written before the shared schema (or in an
 * old dump) may still say `fields`; unknown or invalid keys are dropped rather than failing a run.
 */
export function parseSavedFilters(json: string): CallFilters {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object') return {};
  const { fields, ...rest } = raw;
  if (Array.isArray(fields) && fields.length && rest.fieldOfAction === undefined) rest.fieldOfAction = fields;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(callFilters.shape)) {
    const parsed = schema.safeParse(rest[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as CallFilters;
}

/** Drops empty values, so a saved search keeps only the filters that narrow the list. */
function compactFilters(f: CallFilters): CallFilters {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '')),
  ) as CallFilters;
}

export async function saveSearch(db: Kysely<DB>, actor: Actor, input: SavedSearchInput) {
  const user = asUser(actor);
  const organizationId = input.forOrganization ? organizationToActFor(user) : user.organizationId;
  await ensureSettings(db, user.id);
  const row = await db
    .insertInto('funding_saved_searches')
    .values({
      user_id: user.id,
      organization_id: organizationId,
      scope: input.forOrganization ? 'organization' : 'user',
      name: input.name,
      filters: JSON.stringify(compactFilters(input.filters)),
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** One's own saved searches and one's organisation's, each saying whether this user may delete it. */
export async function listSavedSearches(db: Kysely<DB>, actor: Actor) {
  const user = asUser(actor);
  const rows = await db
    .selectFrom('funding_saved_searches')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('user_id', '=', user.id), eb('scope', '=', 'user')]),
        ...(user.organizationId != null
          ? [eb.and([eb('scope', '=', 'organization'), eb('organization_id', '=', user.organizationId)])]
          : []),
      ]),
    )
    .orderBy('id')
    .execute();
  const mayAct = user.organizationId != null && canActForOrganization(user, user.organizationId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filters: parseSavedFilters(r.filters),
    forOrganization: r.scope === 'organization',
    canDelete: r.scope === 'user' || mayAct,
  }));
}

/**
 * A user deletes one of their own saved searches, or (office, partner) one of their
 * organisation's; anything else is not found.
 */
export async function deleteSavedSearch(db: Kysely<DB>, actor: Actor, id: number) {
  const user = asUser(actor);
  const mayAct = user.organizationId != null && canActForOrganization(user, user.organizationId);
  const res = await db
    .deleteFrom('funding_saved_searches')
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('user_id', '=', user.id), eb('scope', '=', 'user')]),
        ...(mayAct
          ? [eb.and([eb('scope', '=', 'organization'), eb('organization_id', '=', user.organizationId!)])]
          : []),
      ]),
    )
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('Saved search');
}

/** One-click unsubscribe: stops every funding alert mail of that user. */
export async function unsubscribeUser(db: Kysely<DB>, userId: number): Promise<boolean> {
  const res = await db
    .updateTable('funding_alert_settings')
    .set({ unsubscribed_at: nowIso(), updated_at: nowIso() })
    .where('user_id', '=', userId)
    .where('unsubscribed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
