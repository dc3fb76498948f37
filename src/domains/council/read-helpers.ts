import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { canRead } from '../access/policy.js';

export const parseIds = (v: string | null): string[] => (v ? (JSON.parse(v) as string[]) : []);

/** A record the actor may not read is reported as missing, so its existence does not leak. */
export function assertVisible<
  T extends { is_public: number; owner_organization_id: number | null; deleted: number },
>(actor: Actor, row: T | undefined, what: string): T {
  if (
    !row ||
    row.deleted === 1 ||
    !canRead(actor, { isPublic: row.is_public === 1, ownerOrganizationId: row.owner_organization_id })
  ) {
    throw new NotFoundError(what);
  }
  return row;
}

export async function organizationNames(db: Kysely<DB>, oparlIds: string[]) {
  const ids = [...new Set(oparlIds)];
  if (ids.length === 0) return new Map<string, { id: number; name: string | null }>();
  const rows = await db
    .selectFrom('council_organizations')
    .select(['id', 'oparl_id', 'name'])
    .where('oparl_id', 'in', ids)
    .where('deleted', '=', 0)
    .execute();
  return new Map(rows.map((r) => [r.oparl_id, { id: r.id, name: r.name }]));
}

export async function bodyRef(db: Kysely<DB>, oparlId: string | null) {
  if (!oparlId) return null;
  const row = await db
    .selectFrom('council_bodies')
    .select(['id', 'name'])
    .where('oparl_id', '=', oparlId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name } : null;
}

/** The web page behind an OParl object, when the source gives one (property "web"). */
export function webLink(rawJson: string): string | null {
  const raw = JSON.parse(rawJson) as { web?: unknown };
  return typeof raw.web === 'string' && /^https?:\/\//.test(raw.web) ? raw.web : null;
}
