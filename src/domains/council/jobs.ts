import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { defineJob, type JobDefinition } from '../../infra/jobs/runner.js';
import { fetchCouncilFiles } from './files/fetch-files.js';
import { HostLimiter } from './oparl/host-limiter.js';
import { defaultClientOptions } from './oparl/http-client.js';
import { syncSource } from './oparl/sync-source.js';

export const oparlSyncJobType = 'council.oparl-sync';
export const fetchFilesJobType = 'council.fetch-files';

/**
 * Syncs every configured source (or one), one after another; progress counts pages. Each synced
 * source queues council.fetch-files for itself, so new and changed files follow their papers.
 * Both jobs share one per-host limiter: a council server sees one polite client, not two.
 */
export function councilJobs(ctx: AppContext): JobDefinition[] {
  const limiter = new HostLimiter(
    defaultClientOptions.concurrencyPerHost,
    defaultClientOptions.politenessDelayMs,
  );
  return [
    defineJob({
      type: oparlSyncJobType,
      payload: z.object({ sourceId: z.number().int().optional() }),
      schedule: { everyMinutes: 360 },
      maxAttempts: 2,
      handler: async ({ sourceId }, progress) => {
        let query = ctx.db
          .selectFrom('council_sources')
          .select(['id', 'system_url', 'request_delay_ms', 'timeout_ms'])
          .where('system_url', 'not like', 'local:%')
          .orderBy('id');
        if (sourceId !== undefined) query = query.where('id', '=', sourceId);
        const sources = await query.execute();
        const results = [];
        let pages = 0;
        for (const [i, s] of sources.entries()) {
          const report = await syncSource(ctx, s.system_url, {
            limiter,
            client: {
              ...(s.request_delay_ms != null ? { politenessDelayMs: s.request_delay_ms } : {}),
              ...(s.timeout_ms != null ? { timeoutMs: s.timeout_ms } : {}),
            },
            onPage: () => {
              pages++;
              if (pages % 10 === 0)
                void progress(i, sources.length, `${s.system_url}: ${pages} Seiten / pages`);
            },
          });
          const fetchFilesJobId =
            report.status === 'failed' ? null : await ctx.jobs.enqueue(fetchFilesJobType, { sourceId: s.id });
          results.push({
            sourceId: s.id,
            status: report.status,
            stored: report.stored,
            quarantined: report.quarantined,
            errors: report.errors.length,
            fetchFilesJobId,
          });
          await progress(i + 1, sources.length, s.system_url);
        }
        return { sources: results };
      },
    }),
    defineJob({
      type: fetchFilesJobType,
      payload: z.object({
        sourceId: z.number().int().optional(),
        limit: z.number().int().positive().optional(),
      }),
      maxAttempts: 1,
      handler: async ({ sourceId, limit }, progress) =>
        fetchCouncilFiles(ctx, {
          sourceId,
          limit,
          limiter,
          onFile: (done, total) => {
            if (done % 10 === 0 || done === total) void progress(done, total, 'Dateien / files');
          },
        }),
    }),
  ];
}
