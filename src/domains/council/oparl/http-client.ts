import type { Logger } from '../../../infra/logger.js';
import { HostLimiter } from './host-limiter.js';

export interface ClientOptions {
  /** Per request; real servers take a minute for a list page. */
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  concurrencyPerHost: number;
  politenessDelayMs: number;
}

export const defaultClientOptions: ClientOptions = {
  timeoutMs: 120_000,
  retries: 4,
  backoffMs: 2_000,
  concurrencyPerHost: 2,
  politenessDelayMs: 250,
};

/** Why a page could not be used; `retryable` faults are tried again before giving up. */
export class PageError extends Error {
  constructor(
    readonly reason: 'http_status' | 'timeout' | 'network' | 'invalid_utf8' | 'invalid_json' | 'not_found',
    message: string,
    readonly raw: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export type FetchResult = { ok: true; json: unknown; text: string } | { ok: false; error: PageError };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class OParlHttpClient {
  private readonly limiter: HostLimiter;

  /** `limiter`: shared with other clients and file downloads of the process, so a host sees one polite client. */
  constructor(
    readonly options: ClientOptions,
    private readonly log: Logger,
    limiter?: HostLimiter,
  ) {
    this.limiter = limiter ?? new HostLimiter(options.concurrencyPerHost, options.politenessDelayMs);
  }

  private async once(url: string): Promise<unknown> {
    return this.limiter.run(
      url,
      async () => {
        let res: Response;
        let bytes: ArrayBuffer;
        try {
          res = await fetch(url, {
            headers: { accept: 'application/json', 'user-agent': 'Regiolotse OParl client' },
            signal: AbortSignal.timeout(this.options.timeoutMs),
            redirect: 'follow',
          });
          // The timeout covers the body too: a server may stall mid-stream.
          bytes = await res.arrayBuffer();
        } catch (err) {
          const name = err instanceof Error ? err.name : '';
          if (name === 'TimeoutError' || name === 'AbortError') {
            throw new PageError('timeout', `no answer within ${this.options.timeoutMs} ms`);
          }
          throw new PageError('network', err instanceof Error ? err.message : String(err));
        }
        if (res.status === 404) throw new PageError('not_found', 'HTTP 404', null, 404);
        if (!res.ok) throw new PageError('http_status', `HTTP ${res.status}`, null, res.status);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          throw new PageError(
            'invalid_utf8',
            'response is not valid UTF-8',
            Buffer.from(bytes).toString('latin1'),
          );
        }
        try {
          return { json: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown, text };
        } catch (err) {
          throw new PageError(
            'invalid_json',
            `invalid JSON: ${err instanceof Error ? err.message : ''}`,
            text,
          );
        }
      },
      this.options.politenessDelayMs,
    );
  }

  /**
   * Fetches one URL with retries and exponential backoff. Every fault is retried, because real
   * servers fail transiently and truncate; 404 only when the caller says it cannot mean "empty"
   * (`retryNotFound`), otherwise the caller decides what it means.
   */
  async get(url: string, opts: { retryNotFound?: boolean } = {}): Promise<FetchResult> {
    let last: PageError | null = null;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await sleep(this.options.backoffMs * 2 ** (attempt - 1));
      try {
        const { json, text } = (await this.once(url)) as { json: unknown; text: string };
        return { ok: true, json, text };
      } catch (err) {
        last = err instanceof PageError ? err : new PageError('network', String(err));
        if (last.reason === 'not_found' && !opts.retryNotFound) break;
        this.log.warn({ url, attempt, reason: last.reason, err: last.message }, 'OParl request failed');
      }
    }
    return { ok: false, error: last ?? new PageError('network', 'no attempt made') };
  }
}
