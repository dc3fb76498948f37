import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  limit: number;
  beforeId?: number;
}

const parse = (v: string | null) => (v == null ? null : (JSON.parse(v) as unknown));

export async function listAudit(db: Kysely<DB>, q: AuditQuery) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: parse(r.before_json),
    after: parse(r.after_json),
    requestId: r.request_id,
  }));
}

/** Deletes audit rows older than `days`; the nightly retention job calls it. */
export async function pruneAudit(db: Kysely<DB>, days: number): Promise<number> {
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
  const res = await db.deleteFrom('audit_log').where('at', '<', cutoff).executeTakeFirst();
  return Number(res.numDeletedRows);
}
