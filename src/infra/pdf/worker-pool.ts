import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PdfError, type PdfLimits } from './errors.js';
import type { WorkerRequest, WorkerResponse } from './pdfjs-worker.js';

interface Job {
  id: number;
  data: Uint8Array;
  timeoutMs: number;
  resolve: (pages: string[]) => void;
  reject: (err: PdfError) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The bundled CLI ships the worker as dist/pdfjs-worker.js next to dist/cli.js; from source (tests,
 * benchmarks) the TypeScript entry is loaded through tsx inside the worker.
 */
function spawnWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: 512, stackSizeMb: 4 };
  const built = new URL('./pdfjs-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { resourceLimits });
  const source = new URL('./pdfjs-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** pdf.js extraction on worker threads: a hostile file can time out or crash only its own worker. */
export class PdfWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly limits: PdfLimits,
    readonly size = availableParallelism(),
  ) {}

  extract(data: Uint8Array, timeoutMs = this.limits.timeoutMs): Promise<string[]> {
    if (this.closed) return Promise.reject(new PdfError('closed', 'the PDF pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, data, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new PdfError('closed', 'the PDF pool was closed'));
    await Promise.all(
      this.slots.splice(0).map((s) => this.retire(s, new PdfError('closed', 'the PDF pool was closed'))),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.addSlot();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        void this.replace(slot!, new PdfError('timeout', `no result within ${job.timeoutMs} ms`));
      }, job.timeoutMs);
      const copy = job.data.slice();
      const req: WorkerRequest = { id: job.id, data: copy, maxPages: this.limits.maxPages };
      slot.worker.postMessage(req, [copy.buffer]);
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(), job: null, timer: null };
    slot.worker.on('message', (res: WorkerResponse) => {
      const job = slot.job;
      if (!job || job.id !== res.id) return;
      this.finish(slot);
      if (res.ok) job.resolve(res.pages);
      else job.reject(new PdfError(res.code, res.message));
      this.dispatch();
    });
    slot.worker.on('error', (err) => {
      void this.replace(slot, new PdfError('worker-crashed', `extraction worker failed: ${err.message}`));
    });
    slot.worker.on('exit', () => {
      if (this.slots.includes(slot))
        void this.replace(slot, new PdfError('worker-crashed', 'extraction worker exited'));
    });
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private async retire(slot: Slot, reason: PdfError): Promise<void> {
    const job = slot.job;
    this.finish(slot);
    job?.reject(reason);
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate();
  }

  /** Drops a stuck or dead worker, fails its file, and lets a fresh worker take the queue. */
  private async replace(slot: Slot, reason: PdfError): Promise<void> {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    await this.retire(slot, reason);
    if (!this.closed) this.dispatch();
  }
}
