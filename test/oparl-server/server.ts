import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fixtures, type Json, karlsruheOrigin } from './fixtures.js';
import { exampleBody10, exampleOrigin, shape10 } from './oparl10.js';

/**
 * Faults to inject. Page keys are "<body slug>/<list>:<page>" (e.g. "0001/papers:2"), list keys
 * "<body slug>/<list>"; counts say how many times a fault answers before the page turns good.
 */
export interface Faults {
  http500?: Record<string, number>;
  slow?: Record<string, { ms: number; times: number }>;
  truncated?: Record<string, number>;
  invalidUtf8?: Record<string, number>;
  /** Page n+1 repeats the last object of page n. */
  duplicateAcrossPages?: string[];
  /** The last page's next link points back to the first page. */
  loopNext?: string[];
  /** The page answers 404 (a vendor losing a page mid-list), as many times as counted. */
  notFoundOnPage?: Record<string, number>;
  /** A filtered list with no result answers 404 (as some vendors do). */
  notFoundForEmptyWindow?: boolean;
  /** Page 1 carries objects that cannot be stored (no id, non-URL id, unknown type). */
  invalidObjects?: string[];
  /** File paths answering this HTTP status as many times as counted (then the bytes). */
  fileStatus?: Record<string, { status: number; times: number }>;
  /** Milliseconds every file answer takes (to see concurrency). */
  fileDelayMs?: number;
  /** Meetings (OParl ids) whose name announces the cancellation, with no cancelled flag. */
  cancelledByName?: string[];
  /** Lists whose objects come with created/modified stamped with the time of the request. */
  crawlDateStamp?: string[];
}

export interface OParlTestServer {
  base: string;
  systemUrl: string;
  faults: Faults;
  /** Every path+query served, in order. */
  requests: string[];
  /** List pages answered with 200. */
  pagesServed: () => number;
  /** Every file request: path and the time it arrived (ms). */
  fileRequests: { path: string; at: number }[];
  /** The most file requests answered at the same time. */
  maxFilesInFlight: () => number;
  /** The objects the server holds per list key, after rewriting (for assertions). */
  lists: Map<string, Json[]>;
  close: () => Promise<void>;
}

/** Bytes served at a path (e.g. a File's downloadUrl); chunked = no Content-Length, as some servers do. */
export interface ServedFile {
  body: Uint8Array;
  contentType: string;
  chunked?: boolean;
}

export const invalidEntries = (base: string): unknown[] => [
  { type: 'https://schema.oparl.org/1.1/Paper', name: 'Objekt ohne id' },
  { id: 4711, type: 'https://schema.oparl.org/1.1/Paper', name: 'Objekt mit Zahl als id' },
  {
    id: `${base}/bodies/0001/unknown/1`,
    type: 'https://schema.oparl.org/1.1/Gremiumsding',
    name: 'unbekannter Typ',
  },
  'kein Objekt',
];

const listProps = [
  'organization',
  'person',
  'meeting',
  'paper',
  'membership',
  'agendaItem',
  'consultation',
  'file',
  'locationList',
  'legislativeTermList',
];

const filterNames = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

function rewrite<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(from, to)) as T;
}

function take(counter: Record<string, number> | undefined, key: string): boolean {
  if (!counter || !counter[key]) return false;
  counter[key]--;
  return true;
}

/** A loopback OParl 1.0/1.1 server replaying real fixtures with injectable faults. */
export async function startOParlServer(
  fixtures: Fixtures,
  opts: {
    pageSize?: number;
    faults?: Faults;
    files?: Map<string, ServedFile>;
    /**
     * '1.0': a 1.0 System; Karlsruhe in 1.0 shape (four lists, consultations and agenda items only
     * embedded), plus the spec's 1.0 example body (persons with embedded memberships).
     */
    version?: '1.0' | '1.1';
    /** The System embeds the Body objects instead of linking to a list (as 1.0 servers do). */
    embedBodies?: boolean;
  } = {},
): Promise<OParlTestServer> {
  const v10 = opts.version === '1.0';
  const pageSize = opts.pageSize ?? 20;
  const faults: Faults = opts.faults ?? {};
  const requests: string[] = [];
  let pages = 0;
  const lists = new Map<string, Json[]>();
  const objects = new Map<string, Json>();
  let system: Json = {};
  const bodies: Json[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oparl`;

  system = {
    id: `${base}/system`,
    type: `https://schema.oparl.org/${v10 ? '1.0' : '1.1'}/System`,
    oparlVersion: `https://schema.oparl.org/${v10 ? '1.0' : '1.1'}/`,
    name: 'Regiolotse OParl-Testserver (echte Antworten, umgeschrieben)',
    body: `${base}/bodies`,
    created: '2026-11-25T00:00:00+01:00',
    modified: '2026-11-25T00:00:00+01:00',
  };
  for (const m of fixtures.mst) {
    const own = `${base}/bodies/${m.slug}`;
    const body = rewrite(rewrite(m.body, m.body.id as string, own), m.system.id as string, `${base}/system`);
    bodies.push(body);
    // Some vendors' list URLs do not start with the body id (e.g. "papers.asp?body=1").
    for (const prop of listProps) {
      if (typeof body[prop] !== 'string') continue;
      body[prop] = `${own}/${prop}`;
      lists.set(new URL(body[prop] as string).pathname, []);
    }
  }
  if (fixtures.dangling) {
    // Served as one more body; its lists are empty but for the meeting, whose committees and
    // participant the server does not know (404 when asked for them).
    const d = fixtures.dangling;
    const own = `${base}/bodies/wuppertal`;
    const to = (v: Json) =>
      rewrite(rewrite(v, d.body.id as string, own), d.system.id as string, `${base}/system`);
    const body = to(d.body);
    bodies.push(body);
    for (const prop of listProps) {
      if (typeof body[prop] === 'string') lists.set(new URL(body[prop] as string).pathname, []);
    }
    lists.get(new URL(body.meeting as string).pathname)!.push(to(d.meeting));
  }
  const ka = rewrite(fixtures.karlsruhe, karlsruheOrigin, base);
  const kaBody = `${base}/bodies/0001`;
  const byName = (a: Json, b: Json) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true });
  const path = (u: string) => new URL(u).pathname;
  // The Karlsruhe Body object is not among the fixtures; the server describes it from what it serves.
  const karlsruhe: Json = {
    id: kaBody,
    type: 'https://schema.oparl.org/1.1/Body',
    system: `${base}/system`,
    name: 'Stadt Karlsruhe',
    shortName: 'Karlsruhe',
    ags: '08212000',
    organization: `${kaBody}/organizations`,
    person: `${kaBody}/people`,
    meeting: `${kaBody}/meetings`,
    paper: `${kaBody}/papers`,
    consultation: `${kaBody}/consultations`,
    legislativeTermList: `${kaBody}/legislativeterms`,
    legislativeTerm: [],
    created: '2016-10-12T09:08:36+02:00',
    modified: '2025-03-03T14:30:18+01:00',
  };
  const as = (list: Json[], kind: string) => (v10 ? list.map((o) => shape10(o, kind)) : list).sort(byName);
  bodies.push(v10 ? shape10(karlsruhe, 'Body') : karlsruhe);
  lists.set(path(`${kaBody}/organizations`), as(ka.organizations, 'Organization'));
  lists.set(path(`${kaBody}/people`), []);
  lists.set(path(`${kaBody}/meetings`), as(ka.meetings, 'Meeting'));
  lists.set(path(`${kaBody}/papers`), as(ka.papers, 'Paper'));
  if (!v10) {
    lists.set(path(`${kaBody}/legislativeterms`), []);
    lists.set(path(`${kaBody}/consultations`), ka.consultations.sort(byName));
  } else {
    const example = rewrite(exampleBody10(), exampleOrigin, `${base}/example`);
    // The spec's examples disagree on their body's and system's URLs; they are made to agree.
    example.body.system = `${base}/system`;
    bodies.push(example.body);
    for (const [prop, list] of Object.entries(example.lists)) {
      for (const o of list) o.body = example.body.id;
      lists.set(path(example.body[prop] as string), list);
    }
  }
  lists.set(path(`${base}/bodies`), bodies);
  if (opts.embedBodies) system.body = bodies;
  for (const list of lists.values()) for (const o of list) objects.set(path(o.id as string), o);
  objects.set(path(system.id as string), system);

  const send = (res: ServerResponse, status: number, body: Buffer | string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  };

  const fileRequests: { path: string; at: number }[] = [];
  let filesInFlight = 0;
  let maxFilesInFlight = 0;
  async function serveFile(path: string, file: ServedFile, res: ServerResponse): Promise<void> {
    fileRequests.push({ path, at: Date.now() });
    filesInFlight++;
    maxFilesInFlight = Math.max(maxFilesInFlight, filesInFlight);
    try {
      if (faults.fileDelayMs) await new Promise((r) => setTimeout(r, faults.fileDelayMs));
      const status = faults.fileStatus?.[path];
      if (status && status.times > 0) {
        status.times--;
        res.writeHead(status.status, { 'content-type': 'text/plain' });
        res.end('Fehler');
        return;
      }
      res.writeHead(200, {
        'content-type': file.contentType,
        ...(file.chunked ? {} : { 'content-length': String(file.body.byteLength) }),
      });
      for (let i = 0; i < file.body.byteLength && !res.destroyed; i += 65_536)
        res.write(file.body.subarray(i, i + 65_536));
      res.end();
    } finally {
      filesInFlight--;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    requests.push(url.pathname + url.search);
    const file = opts.files?.get(url.pathname);
    if (file) return serveFile(url.pathname, file, res);
    const list = lists.get(url.pathname);
    if (!list) {
      const obj = objects.get(url.pathname);
      return obj ? send(res, 200, JSON.stringify(obj)) : send(res, 404, '{"error":"not found"}');
    }
    const listKey = url.pathname.replace(/^\/oparl\/bodies\/?/, '') || 'bodies';
    const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
    const pageKey = `${listKey}:${page}`;
    const slow = faults.slow?.[pageKey];
    if (slow && slow.times > 0) {
      slow.times--;
      await new Promise((r) => setTimeout(r, slow.ms));
    }
    if (take(faults.http500, pageKey)) return send(res, 500, '{"error":"internal"}');
    if (take(faults.notFoundOnPage, pageKey)) return send(res, 404, '{"error":"not found"}');

    const now = new Date().toISOString();
    let items = list.map((o) => {
      let out = o;
      if (faults.cancelledByName?.includes(o.id as string))
        out = { ...out, name: `${String(o.name)} - ENTFÄLLT -` };
      if (faults.crawlDateStamp?.includes(listKey)) out = { ...out, created: now, modified: now };
      return out;
    });
    const filters = filterNames.filter((f) => url.searchParams.has(f));
    for (const f of filters) {
      const at = Date.parse(url.searchParams.get(f) ?? '');
      const field = f.startsWith('created') ? 'created' : 'modified';
      items = items.filter((o) => {
        const t = Date.parse(String(o[field]));
        return f.endsWith('since') ? t >= at : t <= at;
      });
    }
    if (faults.notFoundForEmptyWindow && filters.length > 0 && items.length === 0) {
      return send(res, 404, '{"error":"no data"}');
    }
    const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
    let data: unknown[] = items.slice((page - 1) * pageSize, page * pageSize);
    if (faults.duplicateAcrossPages?.includes(listKey) && page > 1) {
      data = [items[(page - 1) * pageSize - 1], ...data];
    }
    if (faults.invalidObjects?.includes(listKey) && page === 1) data = [...data, ...invalidEntries(base)];
    const link = (p: number) => {
      const u = new URL(url.pathname, base);
      for (const f of filters) u.searchParams.set(f, url.searchParams.get(f) ?? '');
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    const links: Record<string, string> = { first: link(1), last: link(totalPages) };
    if (page > 1) links.prev = link(page - 1);
    if (page < totalPages) links.next = link(page + 1);
    else if (faults.loopNext?.includes(listKey) && totalPages > 1) links.next = link(1);
    const text = JSON.stringify({
      data,
      pagination: { totalElements: items.length, elementsPerPage: pageSize, currentPage: page, totalPages },
      links,
    });
    if (take(faults.truncated, pageKey)) return send(res, 200, text.slice(0, Math.floor(text.length / 2)));
    if (take(faults.invalidUtf8, pageKey)) {
      const bytes = Buffer.from(text, 'utf8');
      bytes[Math.floor(bytes.length / 3)] = 0xff;
      bytes[Math.floor(bytes.length / 3) + 1] = 0xfe;
      return send(res, 200, bytes);
    }
    pages++;
    return send(res, 200, text);
  }

  return {
    base,
    systemUrl: system.id as string,
    faults,
    requests,
    pagesServed: () => pages,
    fileRequests,
    maxFilesInFlight: () => maxFilesInFlight,
    lists,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
