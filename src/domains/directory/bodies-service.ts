import { nowIso } from '../../infra/db/columns.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import { assertSignedIn, seesEverything } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertOfficialKeys } from './bodies-keys.js';
import {
  allBodies,
  bodyWithKey,
  childBodies,
  findBody,
  insertBody,
  updateBody as updateRow,
} from './bodies-repository.js';
import { visibleBodyOrganizations } from './organizations-repository.js';
import { type BodyRow, toBody, toOrganizationRef, toTree } from './presenters.js';
import type { Body, BodyCreate, BodyNode, BodyPatch } from './schemas.js';
import { foldTransliterated, searchColumnValue } from './search-text.js';
import { checkVersion, defined, notStale, type ServiceDeps, unknownReference } from './service-support.js';

/** Bodies (Gebietskörperschaften) are public geography: everyone may read them. */
export async function bodiesTree(deps: ServiceDeps, q?: string): Promise<BodyNode[]> {
  const bodies = (await allBodies(deps.db)).map(toBody);
  return toTree(q ? matchesWithAncestors(bodies, q) : bodies);
}

/**
 * The bodies whose name (in any German spelling) or official key contains every word of the query,
 * with their ancestors so each hit keeps its place in the tree. A region has a few hundred bodies
 * at most (all of NRW: 449), so they are filtered here rather than through a search column.
 */
function matchesWithAncestors(bodies: Body[], q: string): Body[] {
  const tokens = foldTransliterated(q).split(' ').filter(Boolean);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const keep = new Set<number>();
  for (const b of bodies) {
    const haystack = searchColumnValue(b.name, b.ags, b.ars);
    if (!tokens.every((t) => haystack.includes(t))) continue;
    for (let cur: Body | undefined = b; cur && !keep.has(cur.id); cur = byId.get(cur.parentId ?? -1))
      keep.add(cur.id);
  }
  return bodies.filter((b) => keep.has(b.id));
}

export async function getBodyDetail(deps: ServiceDeps, id: number) {
  const row = await findBody(deps.db, id);
  if (!row) throw new NotFoundError('Body');
  const [parent, children, organizations] = await Promise.all([
    row.parent_id ? findBody(deps.db, row.parent_id) : Promise.resolve<BodyRow | undefined>(undefined),
    childBodies(deps.db, id),
    visibleBodyOrganizations(deps.db, deps.actor, id),
  ]);
  return {
    ...toBody(row),
    parent: parent ? toBody(parent) : null,
    children: children.map(toBody),
    organizations: organizations.map(toOrganizationRef),
  };
}

/** The region's geography is kept by the office: only office staff and admins change it. */
function assertCanEditBodies(deps: ServiceDeps) {
  assertSignedIn(deps.actor);
  if (!seesEverything(deps.actor))
    throw new ForbiddenError(
      'Only the office edits the local authorities',
      'Nur die Geschäftsstelle bearbeitet die Gebietskörperschaften',
    );
}

type Trx = ServiceDeps['db'];

async function checkedParent(db: Trx, parentId: number | null | undefined) {
  if (parentId == null) return null;
  const parent = await findBody(db, parentId);
  if (!parent) throw unknownReference('parentId');
  return parent;
}

/** One body per official key: a second "05158028" would split the records filed under Ratingen. */
async function assertKeysFree(db: Trx, body: { ags: string | null; ars: string | null }, exceptId?: number) {
  for (const column of ['ags', 'ars'] as const) {
    const value = body[column];
    if (!value) continue;
    const other = await bodyWithKey(db, column, value, exceptId);
    if (other) {
      const label = column.toUpperCase();
      throw new BadRequestError(
        'OFFICIAL_KEY_TAKEN',
        `${label} ${value} already belongs to ${other.name}`,
        `Der ${label} ${value} gehört bereits zu ${other.name}`,
        [{ path: [column], message: `${label} already belongs to ${other.name}` }],
      );
    }
  }
}

export async function createBody(deps: ServiceDeps, input: BodyCreate): Promise<Body> {
  assertCanEditBodies(deps);
  return deps.db.transaction().execute(async (trx) => {
    const values = { kind: input.kind, ags: input.ags ?? null, ars: input.ars ?? null };
    assertOfficialKeys(values, (await checkedParent(trx, input.parentId)) ?? null);
    await assertKeysFree(trx, values);
    const now = nowIso();
    const row = await insertBody(trx, {
      key: null,
      name: input.name,
      ...values,
      parent_id: input.parentId ?? null,
      website: input.website ?? null,
      source: input.source ?? null,
      attribution: input.attribution ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = toBody(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'body',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateBody(deps: ServiceDeps, id: number, patch: BodyPatch): Promise<Body> {
  assertCanEditBodies(deps);
  return deps.db.transaction().execute(async (trx) => {
    const current = await findBody(trx, id);
    if (!current) throw new NotFoundError('Body');
    checkVersion(current.version, patch.version);
    const changes = defined({
      name: patch.name,
      kind: patch.kind,
      ags: patch.ags,
      ars: patch.ars,
      parent_id: patch.parentId,
      website: patch.website,
      source: patch.source,
      attribution: patch.attribution,
    });
    const merged = { ...current, ...changes };
    const parent = await checkedParent(trx, merged.parent_id);
    // Only a town has a parent and only a Kreis is one, so no body can end up below itself.
    assertOfficialKeys(merged, parent);
    if (current.kind === 'district' && merged.kind !== 'district' && (await childBodies(trx, id)).length > 0)
      throw new BadRequestError(
        'BODY_HAS_TOWNS',
        'Towns lie in this Kreis; it stays a Kreis',
        'In diesem Kreis liegen Städte; er bleibt ein Kreis',
        [{ path: ['kind'], message: 'Towns lie in this Kreis' }],
      );
    await assertKeysFree(trx, merged, id);
    const row = await updateRow(trx, id, patch.version, { ...changes, updated_at: nowIso() });
    const after = toBody(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'body',
      entityId: id,
      action: 'update',
      before: toBody(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
