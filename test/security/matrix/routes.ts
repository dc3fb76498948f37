import type { AppServer } from '../../../src/app/context.js';
import { PUBLIC_WORD, SECRET_WORDS, SHARED_WORD } from './plant.js';

interface OpenApiParam {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { enum?: unknown[]; type?: string };
}
interface OpenApiDoc {
  paths: Record<string, { get?: { parameters?: OpenApiParam[] } }>;
}

export interface GetRoute {
  /** Fastify-style path, e.g. /api/papers/:id */
  path: string;
  params: OpenApiParam[];
}

/** Routes whose answers change with every request whatever the data (scanned, never compared). */
export const volatileRoutes = new Set(['/metrics']);

/**
 * Every GET route: those in /openapi.json plus the ones hidden from it (read from the router's
 * tree), so that routes added later are covered without touching this test.
 */
export async function getRoutes(app: AppServer): Promise<GetRoute[]> {
  const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenApiDoc;
  const routes = new Map<string, GetRoute>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (item.get) {
      const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
      routes.set(fastifyPath, { path: fastifyPath, params: item.get.parameters ?? [] });
    }
  }
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const full = stack.join('');
    if (m[3]?.split(', ').includes('GET') && !routes.has(full)) {
      const params = [...full.matchAll(/:(\w+)/g)].map((p) => ({ name: p[1], in: 'path' as const }));
      routes.set(full, { path: full, params });
    }
  }
  routes.delete('/openapi.json');
  return [...routes.values()].sort((a, b) => a.path.localeCompare(b.path));
}

const docTypes = [
  'paper',
  'file',
  'meeting',
  'committee',
  'organization',
  'person',
  'call',
  'programme',
  'event',
];
const queries = [
  SECRET_WORDS[1],
  SHARED_WORD,
  SECRET_WORDS[0],
  PUBLIC_WORD,
  'Geheim',
  'Zebra*',
  `${SHARED_WORD} OR x`,
];
/** Names the planted public records share with the non-public ones: facet and filter values. */
const filterValues = ['Stadt Sonnenfeld', 'Verkehrsausschuss', 'Beschlussvorlage', 'Mobilität', 'manual'];
const skipped = new Set(['q', 'format', 'limit', 'offset', 'page', 'sort']);
const isIdName = (name: string) => /(^id$|Id$)/.test(name);
const dateLike = (name: string) => /from|since|until|^to$|To$/i.test(name);
const numeric = (p: OpenApiParam) => p.schema?.type === 'integer' || p.schema?.type === 'number';

function pathValues(route: GetRoute, name: string, ids: number[]): string[] {
  const p = route.params.find((x) => x.name === name);
  if (p?.schema?.enum) return p.schema.enum.map(String);
  return ids.map(String);
}

/** Concrete URLs for one route: every id we planted in each path parameter, and a set of query variants. */
export function urlsFor(route: GetRoute, ids: number[]): string[] {
  let paths = [route.path];
  for (const name of [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])) {
    const values = pathValues(route, name, ids);
    paths = paths.flatMap((p) => values.map((v) => p.replace(`:${name}`, encodeURIComponent(v))));
  }
  const query = route.params.filter((p) => p.in === 'query');
  const has = (n: string) => query.some((p) => p.name === n);
  const variants: Record<string, string>[] = [{}];
  const qs = has('q') ? queries : [undefined];
  const formats = query.find((p) => p.name === 'format')?.schema?.enum?.map(String) ?? [undefined];
  // Exports are slow to build: every format for two terms, the other terms in the default format.
  for (const [i, q] of qs.entries()) {
    for (const format of i < 2 ? formats : [undefined]) {
      variants.push({ ...(q ? { q } : {}), ...(format ? { format } : {}) });
    }
  }
  // Filters are asked with a search term that finds public and non-public records alike.
  const base: Record<string, string> = has('q') ? { q: SHARED_WORD } : {};
  const typeValues = has('type') ? docTypes : [undefined];
  for (const p of query) {
    if (skipped.has(p.name) || dateLike(p.name) || (p.name === 'type' && !p.schema?.enum)) continue;
    const values = p.schema?.enum
      ? p.schema.enum.map(String)
      : p.name === 'year'
        ? ['2026']
        : isIdName(p.name) || numeric(p)
          ? ids.map(String)
          : filterValues;
    for (const v of values) {
      const types = isIdName(p.name) ? typeValues : [undefined];
      for (const type of types) variants.push({ ...base, [p.name]: v, ...(type ? { type } : {}) });
    }
  }
  if (has('type') && !query.some((p) => isIdName(p.name)))
    for (const type of docTypes) variants.push({ ...base, type });
  const window: Record<string, string> = { ...base };
  for (const p of query) {
    if (/from|since/i.test(p.name)) window[p.name] = '2000-01-01';
    else if (dateLike(p.name)) window[p.name] = '2100-12-31';
  }
  if (Object.keys(window).length > 0) variants.push(window);
  const seen = new Set<string>();
  for (const path of paths) {
    for (const v of variants) {
      const search = new URLSearchParams(v).toString();
      seen.add(search ? `${path}?${search}` : path);
    }
  }
  return [...seen];
}

/** URLs inside a response that point back into our server (OParl links, pagination, feeds). */
export function ownLinks(body: string): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/https?:\/\/localhost(?::\d+)?(\/[^\s"'<>\\]*)/g)) {
    out.add(m[1].replace(/&amp;/g, '&'));
  }
  return [...out];
}
