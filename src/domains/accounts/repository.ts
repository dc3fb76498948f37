import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { normaliseEmail } from './normalise-email.js';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>) {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export function findSession(db: Kysely<DB>, sessionId: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.role',
      'users.organization_id as organizationId',
      'users.disabled',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}
