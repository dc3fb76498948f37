import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { ConflictError, NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { assertAdmin } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from './passwords.js';
import { findUserByEmail, findUserById, listUsers } from './repository.js';
import type { CreateUserInput, UpdateUserInput, User } from './schemas.js';
import { destroyUserSessions } from './sessions.js';

type UserRecord = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** The public shape of a user: never the password hash. */
export function presentUser(u: UserRecord): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organizationId: u.organization_id,
    disabled: u.disabled === 1,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    version: u.version,
  };
}

const audited = (u: User) => ({ ...u, lastLoginAt: undefined });

export async function getUsers(db: Kysely<DB>, actor: Actor): Promise<User[]> {
  assertAdmin(actor);
  return (await listUsers(db)).map(presentUser);
}

export async function createUser(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateUserInput,
  requestId?: string,
): Promise<User> {
  assertAdmin(actor);
  if (await findUserByEmail(db, input.email)) {
    throw new ConflictError(
      'A user with this email exists already',
      'Es gibt bereits einen Zugang mit dieser E-Mail-Adresse',
    );
  }
  const password_hash = await hashPassword(input.password);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        organization_id: input.organizationId,
        password_hash,
        disabled: 0,
        failed_logins: 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = presentUser(row);
    await recordAudit(trx, {
      actor,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      after: audited(user),
      requestId,
    });
    return user;
  });
}

export async function updateUser(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: UpdateUserInput,
  requestId?: string,
): Promise<User> {
  assertAdmin(actor);
  const password_hash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw new NotFoundError('User');
    if (before.version !== input.version) throw new ConflictError();
    const row = await trx
      .updateTable('users')
      .set({
        name: input.name,
        role: input.role,
        organization_id: input.organizationId,
        disabled: input.disabled === undefined ? undefined : input.disabled ? 1 : 0,
        password_hash,
        locked_until: password_hash ? null : undefined,
        updated_at: new Date().toISOString(),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new ConflictError();
    // A changed role, organisation, password or a disabled account ends every open session.
    if (input.role || input.organizationId !== undefined || input.disabled || password_hash) {
      await destroyUserSessions(trx, id);
    }
    const user = presentUser(row);
    await recordAudit(trx, {
      actor,
      entityType: 'user',
      entityId: id,
      action: 'update',
      before: audited(presentUser(before)),
      after: { ...audited(user), passwordChanged: Boolean(password_hash) },
      requestId,
    });
    return user;
  });
}
