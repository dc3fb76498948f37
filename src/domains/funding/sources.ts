import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { nowIso } from '../../infra/db/columns.js';
import { systemActor } from '../access/actor.js';
import { detectKind } from './importers/detect.js';
import { runImport } from './run-import.js';

const MAX_DOWNLOAD = 300 * 1024 * 1024;

/** Registers a folder, file or http(s) URL for the scheduled re-import (same location: updated). */
export async function addSource(db: Kysely<DB>, location: string, label?: string) {
  const isUrl = /^https?:\/\//i.test(location);
  const kind = isUrl ? 'url' : await detectKind(location);
  const now = nowIso();
  const existing = await db
    .selectFrom('funding_sources')
    .selectAll()
    .where('location', '=', location)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('funding_sources')
      .set({
        kind,
        label: label ?? existing.label,
        enabled: 1,
        updated_at: now,
        version: existing.version + 1,
      })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await db
    .insertInto('funding_sources')
    .values({
      kind,
      location,
      label: label ?? location,
      enabled: 1,
      created_at: now,
      updated_at: now,
      last_run_at: null,
      last_status: null,
      last_counts: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listSources(db: Kysely<DB>) {
  return db.selectFrom('funding_sources').selectAll().orderBy('id').execute();
}

async function download(url: string, dir: string): Promise<string> {
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(10 * 60_000) });
  if (!res.ok || !res.body) throw new Error(`download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_DOWNLOAD) throw new Error(`download larger than ${MAX_DOWNLOAD} bytes`);
  const name = new URL(url).pathname.split('/').pop() || 'download';
  const path = join(dir, name.replace(/[^\w.-]+/g, '_'));
  let size = 0;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_DOWNLOAD) body.destroy(new Error(`download larger than ${MAX_DOWNLOAD} bytes`));
  });
  await pipeline(body, createWriteStream(path));
  return path;
}

/** Re-imports every enabled source; one failing source is recorded and the others still run. */
export async function reimportSources(
  db: Kysely<DB>,
  progress?: (done: number, total: number, message: string) => Promise<void>,
) {
  const sources = (await listSources(db)).filter((s) => s.enabled === 1);
  const results: { id: number; status: string }[] = [];
  for (const [i, s] of sources.entries()) {
    const dir = await mkdtemp(join(tmpdir(), 'regiolotse-reimport-'));
    let status = 'done';
    let counts: string | null = null;
    try {
      const path = s.kind === 'url' ? await download(s.location, dir) : s.location;
      const r = await runImport(db, systemActor('funding.reimport'), path);
      counts = JSON.stringify(r.counts);
    } catch (err) {
      status = `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await db
      .updateTable('funding_sources')
      .set({ last_run_at: nowIso(), last_status: status, last_counts: counts })
      .where('id', '=', s.id)
      .execute();
    results.push({ id: s.id, status });
    await progress?.(i + 1, sources.length, s.label);
  }
  return results;
}
