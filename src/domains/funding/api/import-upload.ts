import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import type { JobProgress } from '../../../infra/jobs/runner.js';
import { type Actor, actorLabel, systemActor } from '../../access/actor.js';
import { runImport } from '../run-import.js';
import { assertOffice } from './access.js';

export const IMPORT_JOB = 'funding.import';

/** Keeps the upload in the database and queues the import job; the answer carries the job id. */
export async function acceptUpload(
  ctx: AppContext,
  actor: Actor,
  file: { fileName: string; content: Buffer },
  sourceSet?: string,
) {
  assertOffice(actor);
  if (file.content.length === 0)
    throw new BadRequestError('EMPTY_FILE', 'The file is empty', 'Die Datei ist leer');
  const fileName =
    basename(file.fileName)
      .replace(/[^\w.\- ()äöüÄÖÜß]+/g, '_')
      .slice(0, 200) || 'upload';
  const row = await ctx.db
    .insertInto('funding_uploads')
    .values({
      file_name: fileName,
      content: file.content,
      size: file.content.length,
      source_set: sourceSet ?? null,
      created_at: nowIso(),
      created_by: actorLabel(actor),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const jobId = await ctx.jobs.enqueue(IMPORT_JOB, { uploadId: row.id });
  return { jobId, uploadId: row.id, fileName };
}

/** The job: write the upload to a private temp folder, import it, drop the upload. */
export async function importUpload(db: Kysely<DB>, uploadId: number, progress: JobProgress) {
  const up = await db.selectFrom('funding_uploads').selectAll().where('id', '=', uploadId).executeTakeFirst();
  if (!up) throw new Error(`upload ${uploadId} not found`);
  const dir = await mkdtemp(join(tmpdir(), 'regiolotse-funding-'));
  try {
    const path = join(dir, up.file_name);
    await writeFile(path, up.content);
    const result = await runImport(db, systemActor(`upload by ${up.created_by}`), path, {
      fileName: up.file_name,
      sourceSet: up.source_set ?? undefined,
      onProgress: (done, total, message) => progress(done, total, message),
    });
    return {
      importer: result.importer,
      counts: result.counts,
      notes: result.notes,
      rowErrors: result.rowErrors.slice(0, 500),
      records: result.records,
      seconds: result.seconds,
    };
  } finally {
    // The upload is imported once; a failed import is reported on the job and the file uploaded again.
    await db.deleteFrom('funding_uploads').where('id', '=', uploadId).execute();
    await rm(dir, { recursive: true, force: true });
  }
}
