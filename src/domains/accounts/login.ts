import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { DomainError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { burnVerifyTime, verifyPassword } from './passwords.js';
import { findUserByEmail } from './repository.js';
import { createSession, type NewSession } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** Sign-in attempts per minute from one client address, and on one email address from anywhere. */
export const LOGIN_ATTEMPTS_PER_IP = 20;
export const LOGIN_ATTEMPTS_PER_EMAIL = 10;

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(
      401,
      'INVALID_CREDENTIALS',
      'Email or password is wrong',
      'E-Mail-Adresse oder Passwort ist falsch',
    );
  }
}

export class AccountLockedError extends DomainError {
  constructor(until: string) {
    super(
      429,
      'ACCOUNT_LOCKED',
      'Too many failed sign-ins; the account is locked for a while',
      'Zu viele fehlgeschlagene Anmeldungen; das Konto ist vorübergehend gesperrt',
      { lockedUntil: until },
    );
  }
}

export interface LoginResult extends NewSession {
  actor: Extract<Actor, { kind: 'user' }>;
}

/** Checks the password (argon2id), counts failures, locks after MAX_FAILED_LOGINS, opens a session. */
export async function login(
  db: Kysely<DB>,
  input: {
    email: string;
    password: string;
    ip?: string | null;
    userAgent?: string | null;
    requestId?: string;
  },
): Promise<LoginResult> {
  const user = await findUserByEmail(db, input.email);
  const now = new Date();
  if (!user || user.disabled) {
    await burnVerifyTime(input.password);
    throw new InvalidCredentialsError();
  }
  if (user.locked_until && user.locked_until > now.toISOString())
    throw new AccountLockedError(user.locked_until);
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor = {
    kind: 'user' as const,
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: user.organization_id,
  };
  if (!ok) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failed, locked_until: lock })
        .where('id', '=', user.id)
        .execute();
      if (lock) {
        await recordAudit(trx, {
          actor,
          entityType: 'user',
          entityId: user.id,
          action: 'lockout',
          after: { lockedUntil: lock },
          requestId: input.requestId,
        });
      }
    });
    if (lock) throw new AccountLockedError(lock);
    throw new InvalidCredentialsError();
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, {
      actor,
      entityType: 'user',
      entityId: user.id,
      action: 'login',
      requestId: input.requestId,
    });
    return createSession(trx, user.id, { ip: input.ip, userAgent: input.userAgent });
  });
  return { ...session, actor };
}
