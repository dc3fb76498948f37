import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { CallRow } from '../repository.js';
import type { FieldChanges } from '../sync/hash.js';
import { recordChange, type TrackContext } from '../sync/track.js';
import type { CallStatus, StageModel } from '../tables.js';

export type FlagCall = Pick<
  CallRow,
  | 'id'
  | 'source'
  | 'import_notes'
  | 'status'
  | 'stage_model'
  | 'version'
  | 'flags_review'
  | 'flags_rolling'
  | 'flags_closed'
  | 'extracted_rolling'
  | 'extracted_closed'
  | 'status_before_extraction'
  | 'stage_before_extraction'
>;

/**
 * Does a source field (or, for manual calls, a person) state the status? Then the text's "closed" is
 * shown for review but not written. EU F&T and the CSV/XLSX template carry a status field (an
 * unknown EU code is derived from dates, noted in import_notes); the Förderdatenbank has none (its
 * standing calls are 'open' by default).
 */
export function sourceGivesStatus(call: Pick<CallRow, 'source' | 'import_notes'>): boolean {
  if (call.source === 'manual' || call.source === 'template') return true;
  if (call.source === 'eu-ft') return !/unknown status code/.test(call.import_notes ?? '');
  return false;
}

/** Same for the stage model: EU F&T (deadline model or dates) and the template state it unless 'unknown'. */
export function sourceGivesStage(
  call: Pick<CallRow, 'source' | 'stage_model' | 'stage_before_extraction'>,
  baseStage: string,
): boolean {
  if (call.source === 'manual') return true;
  if (call.source === 'eu-ft' || call.source === 'template') return baseStage !== 'unknown';
  return false;
}

/** The flags that count: a person's decision, else the extractor's reading. */
export function effectiveFlags(call: FlagCall): { rolling: boolean; closed: boolean; human: boolean } {
  if (call.flags_review !== 'unreviewed' && call.flags_rolling !== null && call.flags_closed !== null) {
    return { rolling: call.flags_rolling === 1, closed: call.flags_closed === 1, human: true };
  }
  return { rolling: call.extracted_rolling === 1, closed: call.extracted_closed === 1, human: false };
}

export interface FlagOutcome {
  status: CallStatus;
  stageModel: StageModel;
  /** The flag was read but a source field (or the office) states otherwise, so it was not written. */
  statusHeldBySource: boolean;
  stageHeldBySource: boolean;
}

/**
 * What the call's status and stage model should be. The values the call would have without
 * extraction are kept in status_/stage_before_extraction while extraction has changed them; when the
 * value was changed since by someone else (an import, a person), that value is the base instead.
 */
export function desiredFlags(
  call: FlagCall,
): FlagOutcome & { baseStatus: CallStatus; baseStage: StageModel } {
  const flags = effectiveFlags(call);
  const statusOurs = call.status_before_extraction !== null && call.status === 'closed';
  const baseStatus = (statusOurs ? call.status_before_extraction : call.status) as CallStatus;
  const stageOurs = call.stage_before_extraction !== null && call.stage_model === 'rolling';
  const baseStage = (stageOurs ? call.stage_before_extraction : call.stage_model) as StageModel;
  const statusHeld = !flags.human && sourceGivesStatus(call);
  const stageHeld = !flags.human && sourceGivesStage(call, baseStage);
  return {
    status: flags.closed && !statusHeld ? 'closed' : baseStatus,
    stageModel: flags.rolling && !stageHeld ? 'rolling' : baseStage,
    statusHeldBySource: flags.closed && statusHeld && baseStatus !== 'closed',
    stageHeldBySource: flags.rolling && stageHeld && baseStage !== 'rolling',
    baseStatus,
    baseStage,
  };
}

/**
 * Writes the rolling/closed reading to the call (closed → status 'closed', rolling → stage model
 * 'rolling') and one history row with each field's before/after, like an import change. Returns
 * true when status or stage model changed.
 */
export async function applyFlags(db: Kysely<DB>, call: FlagCall, tc: TrackContext): Promise<boolean> {
  const d = desiredFlags(call);
  const statusBefore = d.status !== d.baseStatus ? d.baseStatus : null;
  const stageBefore = d.stageModel !== d.baseStage ? d.baseStage : null;
  const changes: FieldChanges = {};
  if (d.status !== call.status) changes.status = { before: call.status, after: d.status };
  if (d.stageModel !== call.stage_model)
    changes.stage_model = { before: call.stage_model, after: d.stageModel };
  const changed = Object.keys(changes).length > 0;
  if (
    !changed &&
    statusBefore === call.status_before_extraction &&
    stageBefore === call.stage_before_extraction
  ) {
    return false;
  }
  await db
    .updateTable('funding_calls')
    .set({
      status: d.status,
      stage_model: d.stageModel,
      status_before_extraction: statusBefore,
      stage_before_extraction: stageBefore,
      ...(changed ? { updated_at: tc.now, version: call.version + 1 } : {}),
    })
    .where('id', '=', call.id)
    .execute();
  if (changed) await recordChange(tc, 'call', call.id, 'changed', changes);
  return changed;
}
