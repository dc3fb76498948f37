import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { Actor } from '../access/actor.js';
import { findSession } from './repository.js';

export const SESSION_COOKIE = 'rl_session';
/** Sessions end after 8 hours without a request, and after 7 days in any case. */
export const SESSION_IDLE_MS = 8 * 3600_000;
const SESSION_MAX_MS = 7 * 86_400_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

/** The user behind a session cookie, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(db: Kysely<DB>, token: string): Promise<ResolvedSession | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const now = new Date();
  const row = await findSession(db, hashToken(token), now.toISOString());
  if (!row || row.disabled) return null;
  // Slide the idle expiry at most once a minute, never past the absolute maximum.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) {
    const session = await db
      .selectFrom('sessions')
      .select('created_at')
      .where('id', '=', row.sessionId)
      .executeTakeFirst();
    const max = Date.parse(session?.created_at ?? now.toISOString()) + SESSION_MAX_MS;
    await db
      .updateTable('sessions')
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(Math.min(max, now.getTime() + SESSION_IDLE_MS)).toISOString(),
      })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    actor: {
      kind: 'user',
      id: row.userId,
      name: row.name,
      email: row.email,
      role: row.role,
      organizationId: row.organizationId,
    },
  };
}

export async function destroySession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

export async function destroyUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function pruneExpiredSessions(db: Kysely<DB>): Promise<number> {
  const res = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', new Date().toISOString())
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
