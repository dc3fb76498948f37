import { spawn, spawnSync } from 'node:child_process';
import { PdfError, type PdfLimits } from './errors.js';

let cached: string | null | undefined;

/** Path of poppler's pdftotext, or null when it is not installed. */
export function findPdftotext(): string | null {
  if (cached === undefined) {
    const probe = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' });
    cached = probe.error ? null : 'pdftotext';
  }
  return cached;
}

/**
 * Page texts via poppler (physical layout, pages split at form feeds), fed through stdin. At most
 * maxPages + 1 pages are converted, so a file claiming a million pages costs no more than the limit.
 */
export function extractWithPdftotext(
  data: Uint8Array,
  limits: PdfLimits,
  bin = findPdftotext(),
): Promise<string[]> {
  if (!bin) return Promise.reject(new PdfError('corrupt', 'pdftotext is not installed'));
  return new Promise((resolve, reject) => {
    // -layout keeps table rows on one line and blank lines between blocks; the default reading-order
    // mode splits a Beratungsfolge row into one block per column.
    const child = spawn(bin, ['-layout', '-enc', 'UTF-8', '-l', String(limits.maxPages + 1), '-', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let failure: PdfError | null = null;
    const timer = setTimeout(() => {
      failure = new PdfError('timeout', `pdftotext gave no result within ${limits.timeoutMs} ms`);
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      outBytes += c.length;
      // Text can never legitimately be far larger than the file it came from.
      if (outBytes > 20 * limits.maxBytes) {
        failure = new PdfError('corrupt', 'pdftotext output exceeds any plausible size');
        child.kill('SIGKILL');
      } else out.push(c);
    });
    let errBytes = 0;
    child.stderr.on('data', (c: Buffer) => {
      errBytes += c.length;
      if (errBytes < 65_536) err.push(c);
    });
    child.stdin.on('error', () => {});
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new PdfError('corrupt', `pdftotext could not run: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      const stderr = Buffer.concat(err).toString('utf8');
      if (code !== 0) {
        if (code === 3 || /password/i.test(stderr))
          return reject(new PdfError('encrypted', 'PDF is encrypted'));
        return reject(
          new PdfError(
            'corrupt',
            `pdftotext exit ${code}${stderr ? `: ${stderr.trim().slice(0, 200)}` : ''}`,
          ),
        );
      }
      const pages = Buffer.concat(out).toString('utf8').split('\f');
      if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
      if (pages.length > limits.maxPages) {
        return reject(new PdfError('too-many-pages', `PDF has more than ${limits.maxPages} pages`));
      }
      resolve(pages);
    });
    child.stdin.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
}
