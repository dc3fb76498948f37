import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import type { AppServer } from '../../src/app/context.js';
import { LOGIN_ATTEMPTS_PER_EMAIL, LOGIN_ATTEMPTS_PER_IP } from '../../src/domains/accounts/login.js';
import type { Config } from '../../src/infra/config.js';
import { signIn } from '../helpers/auth.js';
import { describeEachDb, type TestEnv } from '../helpers/context.js';

const fakeCookie = () => `rl_session=${randomBytes(32).toString('base64url')}`;
const unknownEmail = () => `nobody-${randomBytes(4).toString('hex')}@example.org`;

describeEachDb('rate limits', (env) => {
  // Each test gets its own app, so its limiter starts empty; the database is the suite's.
  const apps: AppServer[] = [];
  async function freshApp(overrides: Partial<Config> = {}): Promise<TestEnv> {
    const base = env();
    const ctx = { ...base.ctx, config: { ...base.ctx.config, ...overrides } };
    const app = await buildApp(ctx, { logger: false, webDist: '/nonexistent' });
    await app.ready();
    apps.push(app);
    return { ...base, ctx, app };
  }
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  const attempt = (
    app: AppServer,
    opts: { email?: string; headers?: Record<string, string>; remoteAddress?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: fakeCookie(), ...opts.headers },
      remoteAddress: opts.remoteAddress,
      payload: { email: opts.email ?? unknownEmail(), password: 'same-password-everywhere' },
    });

  it('limits sign-ins per client address even with a fresh cookie on every attempt', async () => {
    const { app } = await freshApp();
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i++) statuses.push((await attempt(app)).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await attempt(app);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many requests, try again later',
      messageDe: 'Zu viele Anfragen, bitte später erneut versuchen',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client address is not affected.
    expect((await attempt(app, { remoteAddress: '192.0.2.7' })).statusCode).toBe(401);
  });

  it('ignores a spoofed X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const direct = await freshApp();
    const spoofed = (i: number) => ({ headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i++) await attempt(direct.app, spoofed(i));
    const limited = await attempt(direct.app, spoofed(200));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');

    // Behind a named proxy the header is the client address: each forwarded client has its own count.
    const proxied = await freshApp({ TRUST_PROXY: ['127.0.0.1'] });
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP + 5; i++) {
      expect((await attempt(proxied.app, spoofed(i))).statusCode).toBe(401);
    }
    // …but a client talking to the server directly cannot name itself.
    const outsider = { ...spoofed(1), remoteAddress: '203.0.113.9' };
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i++) await attempt(proxied.app, outsider);
    expect((await attempt(proxied.app, outsider)).statusCode).toBe(429);
  });

  it('limits sign-ins on one account from many addresses, whatever the spelling of the email', async () => {
    const { app } = await freshApp();
    const email = unknownEmail();
    const spellings = [email, ` ${email.toUpperCase()} `];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_EMAIL; i++) {
      const res = await attempt(app, { email: spellings[i % 2], remoteAddress: `192.0.2.${i + 1}` });
      expect(res.statusCode).toBe(401);
    }
    const limited = await attempt(app, { email, remoteAddress: '192.0.2.100' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      messageDe: expect.stringContaining('Zu viele'),
    });
    expect((await attempt(app, { remoteAddress: '192.0.2.100' })).statusCode).toBe(401);
  });

  it('counts the API per verified user, and made-up cookies per address', async () => {
    const limit = 5;
    const test = await freshApp({ RATE_LIMIT_PER_MINUTE: limit });
    const me = (headers: Record<string, string>) =>
      test.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    for (let i = 0; i < limit; i++) expect((await me({ cookie: fakeCookie() })).statusCode).toBe(200);
    const anonymous = await me({ cookie: fakeCookie() });
    expect(anonymous.statusCode).toBe(429);
    expect(anonymous.json().code).toBe('RATE_LIMITED');

    // A signed-in user on the same address has a count of their own.
    const user = await signIn(test, { role: 'reader' });
    for (let i = 0; i < limit; i++) {
      const res = await me({ cookie: user.headers.cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.id).toBe(user.user.id);
    }
    expect((await me({ cookie: user.headers.cookie })).statusCode).toBe(429);
    // Health checks and the web UI are not limited.
    expect((await test.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
