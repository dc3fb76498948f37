import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import { type Actor, actorLabel } from '../access/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { type ParseOptions, parseSource } from './importers/detect.js';
import { fieldResolver } from './importers/template/field-resolver.js';
import type { RowError } from './importers/template/map-row.js';
import type { ImportProgress } from './model.js';
import { applyImport, type ImportResult } from './sync/apply-import.js';

export interface RunImportResult extends ImportResult {
  rowErrors: RowError[];
}

/** Picks the importer by content, applies the records and leaves one audit entry for the run. */
export async function runImport(
  db: Kysely<DB>,
  actor: Actor,
  path: string,
  opts: ParseOptions & { onProgress?: ImportProgress; requestId?: string | null } = {},
): Promise<RunImportResult> {
  const fields = await db
    .selectFrom('fields_of_action')
    .select(['id', 'key', 'name', 'rules_json'])
    .execute();
  const parsed = await parseSource(path, {
    ...opts,
    resolveField: opts.resolveField ?? fieldResolver(fields),
  });
  const result = await applyImport(db, parsed, {
    location: opts.fileName ?? path,
    actorLabel: actorLabel(actor),
    onProgress: opts.onProgress,
  });
  await recordAudit(db, {
    actor,
    entityType: 'funding_import_run',
    entityId: result.runId,
    action: 'import',
    after: {
      importer: result.importer,
      sourceSet: result.sourceSet,
      counts: result.counts,
      file: opts.fileName ?? path,
    },
    requestId: opts.requestId ?? null,
  });
  const rowErrors = 'rowErrors' in parsed ? (parsed.rowErrors as RowError[]) : [];
  return { ...result, rowErrors };
}
