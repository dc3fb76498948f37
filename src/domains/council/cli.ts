import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { WithContext } from '../../app/context.js';
import { fetchCouncilFiles } from './files/fetch-files.js';
import { syncSource } from './oparl/sync-source.js';
import { listSources } from './sources-service.js';

const int = (v: string) => Number.parseInt(v, 10);

export function registerCouncilCli(program: Command, withContext: WithContext): void {
  const oparl = program
    .command('oparl')
    .description('Ratsinformationen über OParl / council documents via OParl');
  oparl
    .command('sync')
    .description('Eine OParl-Quelle abgleichen / sync one OParl system (resumes an interrupted run)')
    .argument('<systemUrl>', 'URL of the OParl System object')
    .option('--body <id>', 'only this body (OParl id or Regiolotse id)')
    .option('--since <date>', 'only objects modified since (ISO date), instead of the last sync')
    .option('--timeout <ms>', 'timeout per page in ms', int, 120_000)
    .option('--retries <n>', 'retries per page', int, 4)
    .option('--backoff <ms>', 'first retry delay in ms (doubles each time)', int, 2_000)
    .option('--delay <ms>', 'politeness delay between requests to one host in ms', int, 250)
    .option('--concurrency <n>', 'parallel requests per host', int, 2)
    .action(
      async (
        systemUrl: string,
        o: {
          body?: string;
          since?: string;
          timeout: number;
          retries: number;
          backoff: number;
          delay: number;
          concurrency: number;
        },
      ) => {
        await withContext(async (ctx) => {
          const since = o.since ? new Date(o.since).toISOString() : undefined;
          const bar = new SingleBar({
            format: 'OParl {bar} {value}/{total} Seiten | {objects} Objekte | {list}',
            hideCursor: true,
            noTTYOutput: true,
            notTTYSchedule: 5_000,
          });
          const totals = new Map<string, number>();
          let pages = 0;
          let objects = 0;
          bar.start(1, 0, { objects: 0, list: '' });
          const report = await syncSource(ctx, systemUrl, {
            body: o.body,
            since,
            client: {
              timeoutMs: o.timeout,
              retries: o.retries,
              backoffMs: o.backoff,
              politenessDelayMs: o.delay,
              concurrencyPerHost: o.concurrency,
            },
            onPage: (p) => {
              pages++;
              objects += p.objects;
              totals.set(p.listUrl, Math.max(p.totalPages ?? p.page, p.page));
              const total = [...totals.values()].reduce((a, b) => a + b, 0);
              bar.setTotal(Math.max(total, pages));
              bar.update(pages, { objects, list: p.listUrl });
            },
          });
          bar.stop();
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          if (report.status === 'failed') process.exitCode = 1;
        });
      },
    );
  oparl
    .command('files')
    .description('Anlagen laden und Text extrahieren / download referenced files and extract their text')
    .option('--limit <n>', 'at most this many files', int)
    .option('--max-bytes <n>', 'size limit per file in bytes', int, 50 * 1024 * 1024)
    .option('--timeout <ms>', 'download timeout per file in ms', int, 60_000)
    .action(async (o: { limit?: number; maxBytes: number; timeout: number }) => {
      await withContext(async (ctx) => {
        const bar = new SingleBar({
          format: 'Dateien {bar} {value}/{total}',
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 5_000,
        });
        bar.start(1, 0);
        const report = await fetchCouncilFiles(ctx, {
          limit: o.limit,
          maxBytes: o.maxBytes,
          timeoutMs: o.timeout,
          onFile: (done, total) => {
            bar.setTotal(total);
            bar.update(done);
          },
        });
        bar.stop();
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      });
    });
  oparl
    .command('sources')
    .description('OParl-Quellen mit letztem Abgleich anzeigen / list OParl sources with their last sync')
    .action(async () => {
      await withContext(async (ctx) => {
        const rows = await listSources(ctx.db);
        for (const s of rows) {
          process.stdout.write(
            `${s.id}\t${s.systemUrl}\t${s.name ?? '-'}\t${s.lastSyncStatus ?? 'nie/never'}\t${s.lastSyncFinishedAt ?? '-'}\t${JSON.stringify(s.counts)}\n`,
          );
        }
        if (rows.length === 0) process.stdout.write('Keine Quellen / no sources.\n');
      });
    });
}
