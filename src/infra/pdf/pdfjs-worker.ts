// Entry of a pool worker thread: extracts one PDF per message with pdf.js.
import { parentPort } from 'node:worker_threads';
import { PdfError } from './errors.js';
import { extractWithPdfjs } from './pdfjs-extract.js';

export interface WorkerRequest {
  id: number;
  data: Uint8Array;
  maxPages: number;
}
export type WorkerResponse =
  | { id: number; ok: true; pages: string[] }
  | { id: number; ok: false; code: PdfError['code']; message: string };

parentPort?.on('message', async (req: WorkerRequest) => {
  let res: WorkerResponse;
  try {
    res = { id: req.id, ok: true, pages: await extractWithPdfjs(req.data, req.maxPages) };
  } catch (err) {
    const code = err instanceof PdfError ? err.code : 'corrupt';
    // RangeError: a deeply nested object exhausted the stack; that is a broken file, not a broken worker.
    res = { id: req.id, ok: false, code, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(res);
});
