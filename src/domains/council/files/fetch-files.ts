import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { PdfError } from '../../../infra/pdf/errors.js';
import { createPdfExtractor, type PdfExtractor } from '../../../infra/pdf/extractor.js';
import { HostLimiter } from '../oparl/host-limiter.js';
import { type ClientOptions, defaultClientOptions } from '../oparl/http-client.js';
import {
  type DownloadLimits,
  defaultDownloadLimits,
  detectMime,
  downloadPolitely,
  type Politeness,
} from './download.js';
import { indexFileDocument } from './index-file.js';

export interface FetchFilesOptions extends Partial<DownloadLimits> {
  sourceId?: number;
  limit?: number;
  /** Parallel downloads (across hosts; per host the limiter allows fewer); extraction is bounded by the PDF pool. */
  concurrency?: number;
  /** Per-host concurrency, default delay (a source's request_delay_ms wins), retries, backoff. */
  client?: Partial<Pick<ClientOptions, 'concurrencyPerHost' | 'politenessDelayMs' | 'retries' | 'backoffMs'>>;
  /** Share the per-host limits with other requests of the same process. */
  limiter?: HostLimiter;
  onFile?: (done: number, total: number) => void;
}

export interface FetchFilesReport {
  candidates: number;
  extracted: number;
  unchanged: number;
  unsupported: number;
  failed: number;
  refused: number;
  seconds: number;
}

type Ctx = Pick<AppContext, 'db' | 'dialect'>;
type Outcome = keyof Omit<FetchFilesReport, 'candidates' | 'seconds'>;

interface Candidate {
  id: number;
  url: string;
  /** The politeness delay configured for the file's source. */
  delayMs: number | null;
  sha256: string | null;
  hasText: boolean;
}

/**
 * Files never fetched, or changed at the source since the last fetch. Files that failed stay failed
 * until the source changes them, so a second run downloads nothing new.
 */
async function candidates(db: Kysely<DB>, o: FetchFilesOptions): Promise<Candidate[]> {
  let q = db
    .selectFrom('council_files')
    .leftJoin('council_sources', 'council_sources.id', 'council_files.source_id')
    .select([
      'council_files.id',
      'download_url',
      'access_url',
      'sha256',
      'text',
      'council_sources.request_delay_ms',
    ])
    .where('council_files.deleted', '=', 0)
    .where((eb) => eb.or([eb('download_url', 'is not', null), eb('access_url', 'is not', null)]))
    .where((eb) =>
      eb.or([
        eb('fetched_at', 'is', null),
        eb.and([eb('oparl_modified', 'is not', null), eb('oparl_modified', '>', eb.ref('fetched_at'))]),
      ]),
    )
    .orderBy('council_files.id');
  if (o.sourceId !== undefined) q = q.where('council_files.source_id', '=', o.sourceId);
  if (o.limit !== undefined) q = q.limit(o.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    url: (r.download_url ?? r.access_url) as string,
    delayMs: r.request_delay_ms,
    sha256: r.sha256,
    hasText: r.text != null,
  }));
}

async function extractText(extractor: PdfExtractor, bytes: Uint8Array, mime: string): Promise<string> {
  if (mime === 'text/plain') return new TextDecoder('utf-8').decode(bytes);
  const { pages } = await extractor.extract(bytes);
  return pages.join('\n\n');
}

async function fetchOne(
  ctx: Ctx,
  extractor: PdfExtractor,
  c: Candidate,
  limits: DownloadLimits,
  polite: Omit<Politeness, 'delayMs'>,
): Promise<Outcome> {
  const at = nowIso();
  const record = (set: Partial<Record<string, string | number | null>>) =>
    ctx.db
      .updateTable('council_files')
      .set({ ...set, fetched_at: at })
      .where('id', '=', c.id)
      .execute();
  // New bytes without text replace the old text; the search document must not keep it either.
  const withoutText = async (set: Partial<Record<string, string | number | null>>) => {
    await record({ ...set, text: null });
    if (c.hasText) await indexFileDocument(ctx, c.id);
  };
  const dl = await downloadPolitely(c.url, limits, { ...polite, delayMs: c.delayMs ?? undefined });
  if (!dl.ok) {
    // Refused files keep nothing of their bytes: no size, no checksum, no text.
    await record({ fetch_error: dl.error });
    return dl.refused ? 'refused' : 'failed';
  }
  if (dl.sha256 === c.sha256 && c.hasText) {
    await record({ fetch_error: null });
    return 'unchanged';
  }
  const mime = detectMime(dl.bytes, dl.contentType);
  const stored = { size: dl.bytes.byteLength, sha256: dl.sha256, detected_mime: mime };
  if (!mime) {
    await withoutText({ ...stored, fetch_error: 'unsupported-type' });
    return 'unsupported';
  }
  let text: string;
  try {
    text = (await extractText(extractor, dl.bytes, mime)).trim();
  } catch (err) {
    const error =
      err instanceof PdfError ? `pdf-${err.code}: ${err.message}` : `extract-failed: ${String(err)}`;
    await withoutText({ ...stored, fetch_error: error.slice(0, 500) });
    return 'failed';
  }
  if (text === '') {
    await withoutText({ ...stored, fetch_error: 'no-text' });
    return 'failed';
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('council_files')
      .set({ ...stored, text, text_extracted_at: at, fetch_error: null, fetched_at: at })
      .where('id', '=', c.id)
      .execute();
    await indexFileDocument({ db: trx, dialect: ctx.dialect }, c.id);
  });
  return 'extracted';
}

/** Downloads the referenced files, extracts their text and indexes it; one bad file fails alone. */
export async function fetchCouncilFiles(ctx: Ctx, o: FetchFilesOptions = {}): Promise<FetchFilesReport> {
  const started = Date.now();
  const limits: DownloadLimits = {
    maxBytes: o.maxBytes ?? defaultDownloadLimits.maxBytes,
    timeoutMs: o.timeoutMs ?? defaultDownloadLimits.timeoutMs,
  };
  const list = await candidates(ctx.db, o);
  const report: FetchFilesReport = {
    candidates: list.length,
    extracted: 0,
    unchanged: 0,
    unsupported: 0,
    failed: 0,
    refused: 0,
    seconds: 0,
  };
  const client = { ...defaultClientOptions, ...o.client };
  const polite = {
    limiter: o.limiter ?? new HostLimiter(client.concurrencyPerHost, client.politenessDelayMs),
    retries: client.retries,
    backoffMs: client.backoffMs,
  };
  const extractor = createPdfExtractor({ limits: { maxBytes: limits.maxBytes } });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < list.length) {
      const c = list[next++] as Candidate;
      report[await fetchOne(ctx, extractor, c, limits, polite)]++;
      o.onFile?.(++done, list.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency ?? 4) }, worker));
  } finally {
    await extractor.close();
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
