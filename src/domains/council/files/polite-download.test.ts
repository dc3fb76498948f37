import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/helpers/context.js';
import { type Json, karlsruheOrigin, loadFixtures } from '../../../../test/oparl-server/fixtures.js';
import { type OParlTestServer, startOParlServer } from '../../../../test/oparl-server/server.js';
import { fetchFilesJobType, oparlSyncJobType } from '../jobs.js';
import { HostLimiter } from '../oparl/host-limiter.js';
import { syncSource } from '../oparl/sync-source.js';
import { fetchCouncilFiles } from './fetch-files.js';

/** Records when each request actually starts (after the limiter let it go). */
class RecordingLimiter extends HostLimiter {
  readonly starts: number[] = [];
  override run<T>(url: string, fn: () => Promise<T>, delayMs?: number): Promise<T> {
    return super.run(
      url,
      () => {
        this.starts.push(Date.now());
        return fn();
      },
      delayMs,
    );
  }
}

const names = ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'];

describeEachDb('council files: per-host politeness, retries and the job after a sync', (env) => {
  let server: OParlTestServer;
  let sourceId: number;
  const fileId: Record<string, string> = {};
  let changedPaper: Json;
  beforeAll(async () => {
    const fixtures = loadFixtures();
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc
      .addPage()
      .drawText('Radschnellweg zwischen Durlach und Innenstadt', { x: 50, y: 700, size: 12, font });
    const pdf = await doc.save();
    const papers = fixtures.karlsruhe.papers.filter(
      (p) => Array.isArray(p.auxiliaryFile) && (p.auxiliaryFile as Json[]).length >= 2,
    );
    for (const [i, name] of names.entries()) {
      const f = (papers[Math.floor(i / 2)]!.auxiliaryFile as Json[])[i % 2]!;
      f.downloadUrl = `${karlsruheOrigin}/testfiles/${name}`;
      fileId[name] = f.id as string;
    }
    changedPaper = papers[0]!;
    const files = new Map(
      names.map((n) => [`/oparl/testfiles/${n}`, { body: pdf, contentType: 'application/pdf' }]),
    );
    server = await startOParlServer(fixtures, { pageSize: 50, files });
    Object.assign(server.faults, {
      fileDelayMs: 40,
      fileStatus: {
        '/oparl/testfiles/f1': { status: 503, times: 2 },
        '/oparl/testfiles/f2': { status: 404, times: 1 },
        '/oparl/testfiles/f3': { status: 500, times: 10 },
      },
    });
  });
  afterAll(async () => server.close());

  const row = (name: string) =>
    env()
      .ctx.db.selectFrom('council_files')
      .select(['id', 'text', 'fetch_error', 'fetched_at'])
      .where('oparl_id', '=', (fileId[name] as string).replace(karlsruheOrigin, server.base))
      .executeTakeFirstOrThrow();
  const requestsOf = (name: string) =>
    server.fileRequests.filter((r) => r.path === `/oparl/testfiles/${name}`).length;

  it('downloads at most two files per host at a time, the source delay apart, retrying transient failures', async () => {
    const { ctx } = env();
    const report = await syncSource(ctx, server.systemUrl, {
      client: { timeoutMs: 2_000, retries: 1, backoffMs: 5, politenessDelayMs: 0 },
    });
    sourceId = report.sourceId;
    await ctx.db
      .updateTable('council_sources')
      .set({ request_delay_ms: 25 })
      .where('id', '=', sourceId)
      .execute();
    // Only the eight test files are due; the other Karlsruhe files count as fetched.
    await ctx.db
      .updateTable('council_files')
      .set({ fetched_at: '2099-01-01T00:00:00.000Z' })
      .where('download_url', 'not like', '%/testfiles/%')
      .execute();

    const limiter = new RecordingLimiter(2, 0);
    const result = await fetchCouncilFiles(ctx, {
      concurrency: 8,
      limiter,
      client: { concurrencyPerHost: 2, politenessDelayMs: 0, retries: 2, backoffMs: 5 },
    });
    expect(result).toMatchObject({ candidates: 8, extracted: 6, failed: 2 });
    expect(server.maxFilesInFlight()).toBe(2);
    // Every download went through the limiter, the source's 25 ms apart.
    expect(limiter.starts).toHaveLength(server.fileRequests.length);
    const gaps = limiter.starts.slice(1).map((t, i) => t - (limiter.starts[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(24);

    // 503 twice, then the bytes: tried three times, extracted.
    expect(requestsOf('f1')).toBe(3);
    expect((await row('f1')).text).toContain('Radschnellweg');
    // 404 is final: one request.
    expect(requestsOf('f2')).toBe(1);
    expect((await row('f2')).fetch_error).toBe('http-404');
    // 500 every time: 1 + 2 retries, then the error stays with the file.
    expect(requestsOf('f3')).toBe(3);
    expect((await row('f3')).fetch_error).toBe('http-500');
    for (const n of names.slice(3)) expect(requestsOf(n), n).toBe(1);
  });

  it('queues council.fetch-files after each synced source, which fetches what changed', async () => {
    const { ctx } = env();
    await ctx.db
      .updateTable('council_sources')
      .set({ request_delay_ms: 0, timeout_ms: 2_000 })
      .where('id', '=', sourceId)
      .execute();
    // The source changes the first paper's files (modified now): the sync sees them again.
    const paper = server.lists
      .get('/oparl/bodies/0001/papers')!
      .find((p) => p.id === String(changedPaper.id).replace(karlsruheOrigin, server.base))!;
    const changed = paper.auxiliaryFile as Json[];
    const modified = new Date(Date.now() + 60_000).toISOString();
    for (const f of changed) f.modified = modified;
    paper.modified = modified;
    const before = server.fileRequests.length;

    const jobId = await ctx.jobs.enqueue(oparlSyncJobType, { sourceId });
    await ctx.jobs.runUntilIdle();
    const job = await ctx.jobs.get(jobId);
    expect(job?.status).toBe('done');
    const synced = JSON.parse(job?.result ?? '{}').sources[0] as { fetchFilesJobId: number | null };
    expect(synced.fetchFilesJobId).toEqual(expect.any(Number));
    const files = await ctx.jobs.get(synced.fetchFilesJobId!);
    expect(files).toMatchObject({ type: fetchFilesJobType, status: 'done' });
    // f1 and f2 belong to the changed paper: both fetched again; f1's bytes are the same (not
    // extracted twice), f2 succeeds this time.
    expect(JSON.parse(files?.result ?? '{}')).toMatchObject({ candidates: 2, unchanged: 1, extracted: 1 });
    expect(
      server.fileRequests
        .slice(before)
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/oparl/testfiles/f1', '/oparl/testfiles/f2']);
    expect((await row('f2')).text).toContain('Radschnellweg');
  });
});
