import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/domains/access/actor.js';
import { systemActor } from '../../src/domains/access/actor.js';
import { createUser } from '../../src/domains/accounts/users-service.js';
import type { TestEnv } from './context.js';

export interface SignedIn {
  user: { id: number; email: string; role: Role; organizationId: number | null };
  /** cookie + x-csrf-token: pass to app.inject({ headers }) */
  headers: { cookie: string; 'x-csrf-token': string };
  password: string;
}

/** Creates a user with the given role (and organisation) through the real service and signs in via the API. */
export async function signIn(
  env: TestEnv,
  opts: { role: Role; organizationId?: number | null; email?: string },
): Promise<SignedIn> {
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const email = opts.email ?? `${opts.role}-${randomBytes(4).toString('hex')}@example.org`;
  const user = await createUser(env.ctx.db, systemActor('test'), {
    email,
    name: `Test ${opts.role}`,
    role: opts.role,
    organizationId: opts.organizationId ?? null,
    password,
  });
  const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rl_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    user: { id: user.id, email, role: opts.role, organizationId: user.organizationId },
    headers: { cookie: `rl_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken },
    password,
  };
}
