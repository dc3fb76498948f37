import type { Generated } from 'kysely';

export interface AuditTables {
  audit_log: {
    id: Generated<number>;
    at: string;
    actor_user_id: number | null;
    actor_label: string;
    entity_type: string;
    entity_id: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
    request_id: string | null;
  };
}
