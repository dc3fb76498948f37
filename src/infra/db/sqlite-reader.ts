import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReaderRequest, ReaderResponse } from './sqlite-reader-worker.js';

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (err: Error) => void;
}

/** The bundled CLI ships the worker next to dist/cli.js; from source it is loaded through tsx. */
function spawn(file: string): Worker {
  const built = new URL('./sqlite-reader-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: { file } });
  const source = new URL('./sqlite-reader-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: { file } });
}

/**
 * A second, read-only connection to the SQLite file on its own thread. better-sqlite3 runs every
 * statement on the calling thread, so one search's independent read queries (ranking the page
 * and counting the facets, say) only run side by side on two cores when one of them goes here.
 * WAL mode lets it read committed data while the main connection writes.
 */
export class SqliteReader {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly file: string) {}

  all<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('the SQLite reader is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      // Referenced only while a query waits: an idle reader must not keep a CLI process alive.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      const req: ReaderRequest = { id, sql, params: [...params] };
      worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the SQLite reader was closed'));
    if (w) await w.terminate();
  }

  private start(): Worker {
    const w = spawn(this.file);
    w.unref();
    w.on('message', (res: ReaderResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (this.pending.size === 0) w.unref();
      if (res.ok) p.resolve(res.rows);
      else p.reject(new Error(res.message));
    });
    const lost = (err: Error) => {
      if (this.worker === w) this.worker = null;
      this.failAll(err);
    };
    w.on('error', (err) => lost(err));
    w.on('exit', (code) => lost(new Error(`the SQLite reader exited (${code})`)));
    this.worker = w;
    return w;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
