import type { AppContext } from '../../../app/context.js';
import { type CursorUpdate, getCursor, type StartRun, updateCursor } from './cursors.js';
import type { OParlHttpClient } from './http-client.js';
import type { ObjectKind } from './kinds.js';
import { quarantine } from './quarantine.js';
import { storePage } from './store-page.js';

export interface ListProgress {
  listUrl: string;
  kind: ObjectKind;
  page: number;
  totalPages: number | null;
  objects: number;
}

export interface ListDeps {
  ctx: Pick<AppContext, 'db' | 'dialect' | 'logger'>;
  client: OParlHttpClient;
  onPage?: (p: ListProgress) => void;
}

export interface ListJob {
  sourceId: number;
  bodyOparlId: string;
  kind: ObjectKind;
  listKey: string;
  listUrl: string;
  /** Overrides the stored watermark (CLI --since). */
  since?: string | null;
}

export interface ListResult {
  status: 'done' | 'error';
  pages: number;
  stored: number;
  quarantined: number;
  quirks: Record<string, number>;
  error: string | null;
}

/** A safety margin: objects changed while the last run was going are asked for again. */
const watermarkMarginMs = 60_000;

const filterParams = ['modified_since', 'modified_until', 'created_since', 'created_until'];

/** Does the URL ask for a date window (so that an empty answer is plausible)? */
function isFiltered(url: string): boolean {
  const params = new URL(url).searchParams;
  return filterParams.some((p) => params.has(p));
}

function withParam(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.toString();
}

/**
 * Syncs one external object list: resumes an unfinished run at its cursor, otherwise starts a
 * full run or, when a previous run completed, an incremental one from its watermark.
 */
export async function syncList(deps: ListDeps, job: ListJob): Promise<ListResult> {
  const { ctx, client } = deps;
  const log = ctx.logger.child({ category: 'oparl', list: job.listUrl });
  const key = { sourceId: job.sourceId, bodyOparlId: job.bodyOparlId, listKind: job.listKey };
  const result: ListResult = { status: 'done', pages: 0, stored: 0, quarantined: 0, quirks: {}, error: null };
  const quirk = (name: string, n = 1) => {
    result.quirks[name] = (result.quirks[name] ?? 0) + n;
  };

  const cursor = await getCursor(ctx.db, key);
  const resumable = cursor && cursor.status !== 'done' && cursor.next_url && cursor.list_url === job.listUrl;
  // A new run is written together with its first page (or its first failure), in one transaction:
  // killed before that, the cursor is as it was and the next sync decides the same way again.
  let start: StartRun | undefined;
  let runStartedAt: string;
  let url: string | null;
  // Pages of this run already committed (a resumed run continues mid-list).
  let pagesBefore: number;
  if (!resumable || job.since !== undefined) {
    const since = job.since !== undefined ? job.since : (cursor?.watermark ?? null);
    const startedAt = new Date(Date.now() - watermarkMarginMs).toISOString();
    const startUrl = since ? withParam(job.listUrl, 'modified_since', since) : job.listUrl;
    start = { listUrl: job.listUrl, startUrl, since, startedAt };
    runStartedAt = startedAt;
    url = startUrl;
    pagesBefore = 0;
  } else {
    log.info({ nextUrl: cursor?.next_url }, 'resuming list at its cursor');
    runStartedAt = cursor?.run_started_at ?? new Date().toISOString();
    url = cursor?.next_url ?? null;
    pagesBefore = cursor?.pages ?? 0;
  }
  /** The cursor update of this step; the first one of a new run also begins the run. */
  const step = (u: Omit<CursorUpdate, keyof typeof key | 'start'>): CursorUpdate => ({
    ...key,
    ...u,
    ...(start ? { start } : {}),
  });
  const visited = new Set<string>();
  while (url) {
    visited.add(url);
    const fetchedAt = Date.now();
    // Several servers answer an empty filter window with 404 instead of an empty list; that can
    // only be so on the first page of a filtered request. Anywhere else a 404 loses pages.
    const mayBeEmpty = pagesBefore === 0 && isFiltered(url);
    const res = await client.get(url, { retryNotFound: !mayBeEmpty });
    if (!res.ok) {
      if (res.error.reason === 'not_found' && mayBeEmpty) {
        quirk('not_found_as_empty_list');
        await updateCursor(
          ctx.db,
          step({
            nextUrl: null,
            status: 'done',
            pagesDelta: 1,
            watermark: runStartedAt,
          }),
        );
        return result;
      }
      if (res.error.raw !== null) {
        await quarantine(ctx.db, {
          sourceId: job.sourceId,
          listUrl: url,
          objectId: null,
          raw: res.error.raw,
          reason: `page ${res.error.reason}: ${res.error.message}`,
        });
        result.quarantined++;
      }
      log.warn({ url, reason: res.error.reason }, 'list page failed; the next sync resumes here');
      await updateCursor(
        ctx.db,
        step({
          nextUrl: url,
          status: 'error',
          pagesDelta: 0,
          error: res.error.message,
        }),
      );
      return { ...result, status: 'error', error: `${url}: ${res.error.message}` };
    }
    const body = res.json as {
      data?: unknown;
      links?: { next?: unknown };
      pagination?: { totalPages?: unknown };
    };
    if (!body || typeof body !== 'object' || !Array.isArray(body.data)) {
      await quarantine(ctx.db, {
        sourceId: job.sourceId,
        listUrl: url,
        objectId: null,
        raw: res.text,
        reason: 'page is not an OParl list (no data array)',
      });
      result.quarantined++;
      await updateCursor(
        ctx.db,
        step({
          nextUrl: url,
          status: 'error',
          pagesDelta: 0,
          error: 'not a list page',
        }),
      );
      return { ...result, status: 'error', error: `${url}: not a list page` };
    }
    let next: string | null =
      typeof body.links?.next === 'string' && body.links.next !== '' ? body.links.next : null;
    if (next && visited.has(next)) {
      quirk('next_link_loops');
      log.warn({ url, next }, 'next link points to a page already read; list ends here');
      next = null;
    }
    const stats = await storePage(
      ctx,
      {
        sourceId: job.sourceId,
        bodyOparlId: job.bodyOparlId || null,
        listUrl: url,
        kind: job.kind,
        entries: body.data,
        fetchedAt,
      },
      step({
        nextUrl: next,
        status: next ? 'running' : 'done',
        pagesDelta: 1,
        ...(next ? {} : { watermark: runStartedAt }),
      }),
    );
    start = undefined;
    result.pages++;
    result.stored += stats.stored.length;
    result.quarantined += stats.quarantined;
    for (const s of stats.stored) for (const q of s.quirks) quirk(q);
    const totalPages = typeof body.pagination?.totalPages === 'number' ? body.pagination.totalPages : null;
    deps.onPage?.({
      listUrl: job.listUrl,
      kind: job.kind,
      page: result.pages,
      totalPages,
      objects: stats.stored.length,
    });
    pagesBefore++;
    url = next;
  }
  return result;
}
