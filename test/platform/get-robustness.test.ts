import { expect, it } from 'vitest';
import { signIn } from '../helpers/auth.js';
import { describeEachDb } from '../helpers/context.js';

interface OpenApiParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}
interface OpenApiDoc {
  paths: Record<string, { get?: { parameters?: OpenApiParam[] } }>;
}

// Values that have broken servers before: wrong types, overflow, encodings, injection attempts.
const oddValues = [
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999999',
  '%00',
  '%C3%28',
  "'%20OR%201=1--",
  '"',
  '*',
  encodeURIComponent('(("'),
  'x'.repeat(3000),
  '2026-13-45',
  encodeURIComponent('<script>'),
];

describeEachDb('every GET endpoint answers odd input without a 5xx', (env) => {
  it('survives odd path and query values, anonymous and as admin', async () => {
    const { app } = env();
    const admin = await signIn(env(), { role: 'admin' });
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDoc;
    const failures: string[] = [];
    let requests = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const query = (item.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      for (const value of oddValues) {
        const url =
          path.replace(/\{[^}]+\}/g, value) +
          (query.length ? `?${query.map((q) => `${encodeURIComponent(q)}=${value}`).join('&')}` : '');
        for (const headers of [{}, { cookie: admin.headers.cookie }]) {
          const res = await app.inject({ method: 'GET', url, headers });
          requests++;
          if (res.statusCode >= 500)
            failures.push(`${res.statusCode} GET ${url.slice(0, 200)}: ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 120_000);
});
