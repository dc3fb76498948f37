import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { BadRequestError, ConflictError } from '../../../infra/http/errors.js';
import { type Actor, actorLabel } from '../../access/actor.js';
import type { TrackContext } from '../sync/track.js';

export interface WriteDeps {
  db: Kysely<DB>;
  actor: Actor;
  requestId?: string | null;
}

export function manualTrackContext(db: Kysely<DB>, actor: Actor, now: string): TrackContext {
  return { db, runId: null, now, source: 'manual', sourceSet: 'manual', actorLabel: actorLabel(actor) };
}

/** Imported records follow their source; a manual edit would be overwritten by the next import. */
export function assertManualRecord(row: { source: string }): void {
  if (row.source !== 'manual') {
    throw new BadRequestError(
      'IMPORTED_RECORD',
      'Imported records change with their source; add a manual round or keep a manual record instead',
      'Importierte Datensätze ändern sich mit ihrer Quelle; bitte eine manuelle Frist oder einen eigenen Datensatz anlegen',
    );
  }
}

export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw new ConflictError();
}

export function assertUpdated(result: { numUpdatedRows: bigint }): void {
  if (Number(result.numUpdatedRows) !== 1) throw new ConflictError();
}
