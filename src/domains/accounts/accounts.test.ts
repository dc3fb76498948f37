import { expect, it } from 'vitest';
import { signIn } from '../../../test/helpers/auth.js';
import { describeEachDb } from '../../../test/helpers/context.js';
import { MAX_FAILED_LOGINS } from './login.js';

describeEachDb('accounts', (env) => {
  it('signs in with argon2id, sets an httpOnly session cookie and answers /me', async () => {
    const { app, ctx } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const stored = await ctx.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', admin.user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('$argon2id$')).toBe(true);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: admin.headers.cookie },
    });
    expect(me.json()).toMatchObject({ user: { email: admin.user.email, role: 'admin' } });
    expect(me.json().csrfToken).toBe(admin.headers['x-csrf-token']);
    const anon = await app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.json()).toEqual({ user: null, csrfToken: null });
  });

  it('marks the session cookie httpOnly and SameSite=Lax, and stores only its hash', async () => {
    const { app, ctx } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.user.email, password: admin.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'rl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const raw = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', cookie.value)
      .executeTakeFirst();
    expect(raw).toBeUndefined();
  });

  it('rejects a wrong password with 401 in both languages', async () => {
    const admin = await signIn(env(), { role: 'admin' });
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.user.email, password: 'wrong-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      messageDe: expect.stringContaining('falsch'),
    });
    const unknown = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: 'whatever-123' },
    });
    expect(unknown.statusCode).toBe(401);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const { app } = env();
    const user = await signIn(env(), { role: 'reader' });
    let last = 0;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.user.email, password: 'nope-nope' },
        })
      ).statusCode;
    }
    expect(last).toBe(429);
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.user.email, password: user.password },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('requires the CSRF token for writes of a signed-in user', async () => {
    const { app } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const payload = { email: 'csrf@example.org', name: 'CSRF', role: 'reader', password: 'long-enough-pw' };
    const without = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.headers.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.headers.cookie, 'x-csrf-token': 'x'.repeat(32) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(ok.statusCode).toBe(201);
    // With the token, a body that does not fit the schema is a 400 with the stable code, both
    // messages and every offending field.
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { ...payload, email: 'not-an-email', role: 'superuser' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      messageDe: 'Die Anfrage ist ungültig',
      requestId: invalid.headers['x-request-id'],
    });
    const details = invalid.json().details as { in: string; path: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['/email', '/role']);
    expect(details.every((d) => d.in === 'body')).toBe(true);
    const stored = await env()
      .ctx.db.selectFrom('users')
      .select('id')
      .where('email', '=', 'not-an-email')
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('refuses a cross-origin sign-in attempt', async () => {
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'a@example.org', password: 'whatever-123' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets only admins manage users, audits changes and ends sessions on a role change', async () => {
    const { app, ctx } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const office = await signIn(env(), { role: 'office' });
    const listByOffice = await app.inject({ method: 'GET', url: '/api/users', headers: office.headers });
    expect(listByOffice.statusCode).toBe(403);
    const current = (await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers }))
      .json()
      .items.find((u: { id: number }) => u.id === office.user.id);
    expect(current).not.toHaveProperty('passwordHash');
    const changed = await app.inject({
      method: 'PATCH',
      url: `/api/users/${office.user.id}`,
      headers: admin.headers,
      payload: { version: current.version, role: 'reader' },
    });
    expect(changed.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/users/${office.user.id}`,
      headers: admin.headers,
      payload: { version: current.version, name: 'Stale' },
    });
    expect(stale.statusCode).toBe(409);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: office.headers });
    expect(me.json().user).toBeNull();
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(office.user.id))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).role).toBe('office');
    expect(JSON.parse(audit.after_json!).role).toBe('reader');
    expect(audit.actor_label).toBe(admin.user.email);
    expect(audit.after_json).not.toContain('argon2');
  });

  it('shows the audit log to admins only', async () => {
    const { app } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const reader = await signIn(env(), { role: 'reader' });
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: reader.headers })).statusCode).toBe(
      403,
    );
    const res = await app.inject({
      method: 'GET',
      url: '/api/audit?entityType=user',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((e: { action: string }) => e.action === 'login')).toBe(true);
    const badQuery = await app.inject({ method: 'GET', url: '/api/audit?limit=0', headers: admin.headers });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The request is not valid',
      messageDe: 'Die Anfrage ist ungültig',
      details: [{ in: 'querystring', path: '/limit' }],
    });
  });

  it('signs out and forgets the session', async () => {
    const { app } = env();
    const user = await signIn(env(), { role: 'reader' });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: user.headers });
    expect(out.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: user.headers });
    expect(me.json().user).toBeNull();
  });
});
