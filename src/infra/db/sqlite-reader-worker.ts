// Entry of the SQLite reader thread: answers read-only queries on its own connection to the file.

import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface ReaderRequest {
  id: number;
  sql: string;
  params: unknown[];
}
export type ReaderResponse =
  | { id: number; ok: true; rows: unknown[] }
  | { id: number; ok: false; message: string };

const db = new SQLite((workerData as { file: string }).file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

parentPort?.on('message', (req: ReaderRequest) => {
  let res: ReaderResponse;
  try {
    res = { id: req.id, ok: true, rows: db.prepare(req.sql).all(...(req.params as unknown[])) };
  } catch (err) {
    res = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(res);
});
