import type { AppContext } from '../../../app/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { danglingQuirk, markDanglingReferences } from './dangling.js';
import type { HostLimiter } from './host-limiter.js';
import { type ClientOptions, defaultClientOptions, OParlHttpClient } from './http-client.js';
import { bodyLists, parseType } from './kinds.js';
import { countSourceObjects, ensureSource } from './sources.js';
import { storePage } from './store-page.js';
import { type ListProgress, type ListResult, syncList } from './sync-list.js';

export interface SyncOptions {
  /** Only this body (its OParl id, or our numeric id). */
  body?: string;
  /** Ask for objects modified since this date instead of the stored watermark. */
  since?: string;
  client?: Partial<ClientOptions>;
  /** Per-host limits shared with other work of the process (file downloads). */
  limiter?: HostLimiter;
  onPage?: (p: ListProgress) => void;
}

export interface SyncReport {
  sourceId: number;
  status: 'ok' | 'partial' | 'failed';
  bodies: number;
  lists: number;
  pages: number;
  stored: number;
  quarantined: number;
  quirks: Record<string, number>;
  errors: string[];
  counts: Record<string, number>;
  seconds: number;
}

type SyncCtx = Pick<AppContext, 'db' | 'dialect' | 'logger'>;

async function runPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Syncs one OParl system: System → body list → every external list of every body, each list
 * resumable from its own cursor. A failing list is reported and the others go on.
 */
export async function syncSource(
  ctx: SyncCtx,
  systemUrl: string,
  opts: SyncOptions = {},
): Promise<SyncReport> {
  const started = Date.now();
  const log = ctx.logger.child({ category: 'oparl', systemUrl });
  const options = { ...defaultClientOptions, ...opts.client };
  const client = new OParlHttpClient(options, log, opts.limiter);
  const { id: sourceId } = await ensureSource(ctx.db, systemUrl);
  const report: SyncReport = {
    sourceId,
    status: 'ok',
    bodies: 0,
    lists: 0,
    pages: 0,
    stored: 0,
    quarantined: 0,
    quirks: {},
    errors: [],
    counts: {},
    seconds: 0,
  };
  const add = (r: ListResult) => {
    report.lists++;
    report.pages += r.pages;
    report.stored += r.stored;
    report.quarantined += r.quarantined;
    for (const [k, v] of Object.entries(r.quirks)) report.quirks[k] = (report.quirks[k] ?? 0) + v;
    if (r.error) report.errors.push(r.error);
  };
  await ctx.db
    .updateTable('council_sources')
    .set({ last_sync_started_at: nowIso(), last_sync_status: 'running', updated_at: nowIso() })
    .where('id', '=', sourceId)
    .execute();

  const system = await client.get(systemUrl);
  if (system.ok && system.json && typeof system.json === 'object') {
    const sys = system.json as Record<string, unknown>;
    const version =
      parseType(sys.type)?.version ?? (typeof sys.oparlVersion === 'string' ? sys.oparlVersion : null);
    await ctx.db
      .updateTable('council_sources')
      .set({ name: typeof sys.name === 'string' ? sys.name.trim() : null, oparl_version: version })
      .where('id', '=', sourceId)
      .execute();
    const deps = { ctx, client, onPage: opts.onPage };
    if (typeof sys.body === 'string') {
      add(
        await syncList(deps, {
          sourceId,
          bodyOparlId: '',
          kind: 'Body',
          listKey: 'body',
          listUrl: sys.body,
          since: opts.since,
        }),
      );
    } else if (Array.isArray(sys.body)) {
      // Some 1.0 servers embed the bodies instead of pointing to a list: stored like a list page
      // (embedded legislative terms and locations included, what cannot be stored quarantined).
      const stats = await storePage(
        ctx,
        {
          sourceId,
          bodyOparlId: null,
          listUrl: systemUrl,
          kind: 'Body',
          entries: sys.body,
          fetchedAt: Date.now(),
        },
        null,
      );
      report.stored += stats.stored.length;
      report.quarantined += stats.quarantined;
      for (const st of stats.stored)
        for (const q of st.quirks) report.quirks[q] = (report.quirks[q] ?? 0) + 1;
      report.quirks.bodies_embedded_in_system = 1;
    }
    let bodies = await ctx.db
      .selectFrom('council_bodies')
      .select(['id', 'oparl_id', 'raw_json'])
      .where('source_id', '=', sourceId)
      .where('deleted', '=', 0)
      .orderBy('id')
      .execute();
    if (opts.body) bodies = bodies.filter((b) => b.oparl_id === opts.body || String(b.id) === opts.body);
    report.bodies = bodies.length;
    const jobs = bodies.flatMap((b) => {
      const raw = JSON.parse(b.raw_json) as Record<string, unknown>;
      return Object.entries(bodyLists)
        .filter(([prop]) => typeof raw[prop] === 'string' && raw[prop] !== '')
        .map(([prop, kind]) => ({
          sourceId,
          bodyOparlId: b.oparl_id,
          kind,
          listKey: prop,
          listUrl: raw[prop] as string,
          since: opts.since,
        }));
    });
    await runPool(jobs, options.concurrencyPerHost, async (job) => {
      try {
        add(await syncList(deps, job));
      } catch (err) {
        log.error({ err, list: job.listUrl }, 'list sync failed');
        report.errors.push(`${job.listUrl}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    try {
      const dangling = await markDanglingReferences(ctx.db, sourceId, log);
      if (dangling.references > 0) report.quirks[danglingQuirk] = dangling.references;
    } catch (err) {
      log.warn({ err }, 'dangling references could not be checked');
    }
    report.status = report.errors.length ? 'partial' : 'ok';
  } else {
    report.status = 'failed';
    report.errors.push(`${systemUrl}: ${system.ok ? 'not an OParl System object' : system.error.message}`);
  }

  report.counts = await countSourceObjects(ctx.db, sourceId);
  report.seconds = (Date.now() - started) / 1000;
  await ctx.db
    .updateTable('council_sources')
    .set((eb) => ({
      last_sync_finished_at: nowIso(),
      last_sync_status: report.status,
      last_error: report.errors[0] ?? null,
      counts_json: JSON.stringify(report.counts),
      error_count: report.errors.length
        ? eb(eb.ref('error_count'), '+', report.errors.length)
        : eb.ref('error_count'),
      updated_at: nowIso(),
      version: eb(eb.ref('version'), '+', 1),
    }))
    .where('id', '=', sourceId)
    .execute();
  log.info({ ...report, errors: report.errors.length }, 'OParl sync finished');
  return report;
}
