export type PdfErrorCode =
  | 'too-large'
  | 'not-pdf'
  | 'encrypted'
  | 'too-many-pages'
  | 'timeout'
  | 'corrupt'
  | 'worker-crashed'
  | 'closed';

/** Failure of one file; the extractor and its pool stay usable. */
export class PdfError extends Error {
  constructor(
    readonly code: PdfErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

export interface PdfLimits {
  /** Bytes; larger files are refused before parsing. */
  maxBytes: number;
  maxPages: number;
  /** Wall-clock time per file, after which its worker or process is killed. */
  timeoutMs: number;
}

export const defaultPdfLimits: PdfLimits = { maxBytes: 50 * 1024 * 1024, maxPages: 2000, timeoutMs: 30_000 };

/** Cheap checks before any parser sees the bytes. */
export function preflight(bytes: Uint8Array, limits: PdfLimits): void {
  if (bytes.byteLength > limits.maxBytes) {
    throw new PdfError('too-large', `PDF has ${bytes.byteLength} bytes, the limit is ${limits.maxBytes}`);
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  if (!head.includes('%PDF-')) throw new PdfError('not-pdf', 'no %PDF- header in the first 1024 bytes');
  const declared = declaredPageCount(bytes);
  if (declared > limits.maxPages) {
    throw new PdfError('too-many-pages', `PDF declares ${declared} pages, the limit is ${limits.maxPages}`);
  }
}

/**
 * Largest "/Count n" in the uncompressed bytes: the page tree root declares the total. Files that hide
 * it in object streams are still bounded by the engines' own page limit.
 */
export function declaredPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let max = 0;
  for (const m of text.matchAll(/\/Count\s+(\d{1,12})/g)) max = Math.max(max, Number(m[1]));
  return max;
}
