import type { Generated } from 'kysely';
import type { Role } from '../access/actor.js';

export interface AccountsTables {
  users: {
    id: Generated<number>;
    email: string;
    name: string;
    password_hash: string;
    role: Role;
    organization_id: number | null;
    disabled: number;
    failed_logins: number;
    locked_until: string | null;
    last_login_at: string | null;
    created_at: string;
    updated_at: string;
    version: Generated<number>;
  };
  sessions: {
    /** sha256 of the cookie token: a leaked table does not yield usable cookies */
    id: string;
    user_id: number;
    csrf_token: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
    ip: string | null;
    user_agent: string | null;
  };
}
