import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import type { AppServer } from '../../src/app/context.js';
import { signIn } from '../helpers/auth.js';
import { describeEachDb } from '../helpers/context.js';

const remote = '203.0.113.5';

describeEachDb('/metrics access', (env) => {
  const extra: AppServer[] = [];
  afterAll(async () => {
    for (const app of extra) await app.close();
  });
  const get = (app: AppServer, opts: { headers?: Record<string, string>; remoteAddress?: string } = {}) =>
    app.inject({ method: 'GET', url: '/metrics', ...opts });

  it('without METRICS_TOKEN: direct requests from this machine and admins, nobody else', async () => {
    const { app } = env();
    const local = await get(app);
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('regiolotse_http_requests_total');

    const outside = await get(app, { remoteAddress: remote });
    expect(outside.statusCode).toBe(401);
    expect(outside.json()).toMatchObject({ code: 'UNAUTHENTICATED', messageDe: 'Bitte melden Sie sich an' });
    expect(outside.body).not.toContain('regiolotse_');
    // A proxy on this machine relays clients from anywhere: its loopback address does not count.
    const relayed = await get(app, { headers: { 'x-forwarded-for': remote } });
    expect(relayed.statusCode).toBe(401);

    const reader = await signIn(env(), { role: 'reader' });
    const office = await signIn(env(), { role: 'office' });
    const admin = await signIn(env(), { role: 'admin' });
    for (const user of [reader, office]) {
      const res = await get(app, { headers: { cookie: user.headers.cookie }, remoteAddress: remote });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'FORBIDDEN',
        messageDe: expect.stringContaining('Monitoring'),
      });
    }
    const byAdmin = await get(app, { headers: { cookie: admin.headers.cookie }, remoteAddress: remote });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.body).toContain('regiolotse_http_request_duration_seconds');
  });

  it('with METRICS_TOKEN: the bearer token (or an admin) from anywhere, and no longer loopback alone', async () => {
    const base = env();
    const token = 'prometheus-scrape-token-0123456789';
    const app = await buildApp(
      { ...base.ctx, config: { ...base.ctx.config, METRICS_TOKEN: token } },
      { logger: false, webDist: '/nonexistent' },
    );
    extra.push(app);
    const local = await get(app);
    expect(local.statusCode).toBe(401);
    expect(local.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    for (const wrong of [`Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Basic ${token}`, token]) {
      expect((await get(app, { headers: { authorization: wrong }, remoteAddress: remote })).statusCode).toBe(
        401,
      );
    }
    const scraped = await get(app, { headers: { authorization: `Bearer ${token}` }, remoteAddress: remote });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    expect(scraped.body).toContain('regiolotse_http_requests_total');
    const admin = await signIn({ ...base, app }, { role: 'admin' });
    expect(
      (await get(app, { headers: { cookie: admin.headers.cookie }, remoteAddress: remote })).statusCode,
    ).toBe(200);
  });
});
