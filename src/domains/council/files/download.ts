import { createHash } from 'node:crypto';
import type { HostLimiter } from '../oparl/host-limiter.js';

export interface DownloadLimits {
  /** Bytes; the stream is aborted as soon as more arrive. */
  maxBytes: number;
  timeoutMs: number;
}

export const defaultDownloadLimits: DownloadLimits = { maxBytes: 50 * 1024 * 1024, timeoutMs: 60_000 };

export type Downloaded =
  | { ok: true; bytes: Uint8Array; sha256: string; contentType: string | null }
  | { ok: false; error: string; refused: boolean };

/** Fetches one file into memory; never throws (a failure is a result for that file only). */
export async function downloadFile(url: string, limits: DownloadLimits): Promise<Downloaded> {
  const controller = new AbortController();
  let timedOut = false;
  let overLimit = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      return { ok: false, error: `http-${res.status}`, refused: false };
    }
    const declared = Number(res.headers.get('content-length') ?? 'NaN');
    if (declared > limits.maxBytes) {
      controller.abort();
      return {
        ok: false,
        error: `too-large: ${declared} bytes declared, limit ${limits.maxBytes}`,
        refused: true,
      };
    }
    const hash = createHash('sha256');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.byteLength;
      // A missing or lying Content-Length must not let a file fill the memory.
      if (size > limits.maxBytes) {
        overLimit = true;
        controller.abort();
        break;
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
    if (overLimit) return { ok: false, error: `too-large: over ${limits.maxBytes} bytes`, refused: true };
    return {
      ok: true,
      bytes: Buffer.concat(chunks),
      sha256: hash.digest('hex'),
      contentType: res.headers.get('content-type'),
    };
  } catch (err) {
    if (overLimit) return { ok: false, error: `too-large: over ${limits.maxBytes} bytes`, refused: true };
    return { ok: false, error: timedOut ? 'timeout' : `fetch-failed: ${String(err)}`, refused: false };
  } finally {
    clearTimeout(timer);
  }
}

export interface Politeness {
  /** Shared per host with every other download (and OParl request) of the run. */
  limiter: HostLimiter;
  delayMs?: number;
  retries: number;
  backoffMs: number;
}

/** Network errors, timeouts, 5xx and 429 pass; 4xx and refused files (too large) do not. */
function transient(d: Downloaded): boolean {
  if (d.ok || d.refused) return false;
  return d.error === 'timeout' || d.error.startsWith('fetch-failed') || /^http-(5\d\d|429)$/.test(d.error);
}

/**
 * Downloads through the per-host limiter (concurrency and delay), retrying transient failures
 * with exponential backoff; the last result is returned, never thrown.
 */
export async function downloadPolitely(
  url: string,
  limits: DownloadLimits,
  polite: Politeness,
): Promise<Downloaded> {
  let last: Downloaded = { ok: false, error: 'no attempt made', refused: false };
  for (let attempt = 0; attempt <= polite.retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, polite.backoffMs * 2 ** (attempt - 1)));
    last = await polite.limiter.run(url, () => downloadFile(url, limits), polite.delayMs);
    if (!transient(last)) return last;
  }
  return last;
}

/** Mime type from the bytes, not from what the server claims. */
export function detectMime(bytes: Uint8Array, contentType: string | null): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'application/pdf';
  const claimed = contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (claimed === 'text/plain' && isUtf8Text(bytes)) return 'text/plain';
  return null;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}
