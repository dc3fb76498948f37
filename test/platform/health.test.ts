import { expect, it } from 'vitest';
import { describeEachDb } from '../helpers/context.js';

describeEachDb('platform basics', (env) => {
  it('answers /health with the database in use', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: env().dialect });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sends security headers', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('serves an OpenAPI 3 document', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('answers unknown paths with a 404 body in both languages', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', messageDe: 'Nicht gefunden' });
  });

  it('keeps the audit log for admins only', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(401);
  });

  it('runs the scheduled audit retention job when awaited', async () => {
    const { ctx } = env();
    const id = await ctx.jobs.enqueue('audit.retention', { days: 365 });
    await ctx.jobs.runUntilIdle();
    const job = await ctx.jobs.get(id);
    expect(job?.status).toBe('done');
    expect(JSON.parse(job?.result ?? '{}')).toEqual({ deleted: 0 });
  });
});
