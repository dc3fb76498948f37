import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { type Actor, actorLabel, actorUserId } from '../access/actor.js';

export interface AuditEntry {
  actor: Actor;
  entityType: string;
  entityId: string | number;
  action: 'create' | 'update' | 'delete' | 'end' | 'login' | 'logout' | 'import' | string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Writes one audit row. Call it inside the same transaction as the change it describes. */
export async function recordAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_user_id: actorUserId(e.actor),
      actor_label: actorLabel(e.actor),
      entity_type: e.entityType,
      entity_id: String(e.entityId),
      action: e.action,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      request_id: e.requestId ?? null,
    })
    .execute();
}
