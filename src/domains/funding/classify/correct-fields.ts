import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, NotFoundError } from '../../../infra/http/errors.js';
import { type Actor, actorLabel } from '../../access/actor.js';
import { recordAudit } from '../../audit/record-audit.js';
import { assertOffice } from '../api/access.js';
import { findCallById } from '../repository.js';
import { refreshEffectiveFields } from './call-fields.js';

/**
 * The office corrects a call's fields of action: its list wins over source and classifier from then
 * on; `null` hands the call back to them. Audited with before/after.
 */
export async function correctCallFields(
  db: Kysely<DB>,
  actor: Actor,
  callId: number,
  fields: string[] | null,
  requestId?: string,
): Promise<{ effective: string[] }> {
  assertOffice(actor);
  const call = await findCallById(db, callId);
  if (!call) throw new NotFoundError('Call');
  if (fields) {
    const known = new Set(
      (await db.selectFrom('fields_of_action').select(['id', 'key']).execute()).map(
        (f) => f.key ?? String(f.id),
      ),
    );
    const unknown = fields.filter((f) => !known.has(f));
    if (unknown.length)
      throw new BadRequestError(
        'UNKNOWN_FIELD',
        `Unknown field(s) of action: ${unknown.join(', ')}`,
        `Unbekannte(s) Handlungsfeld(er): ${unknown.join(', ')}`,
      );
  }
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('funding_calls')
      .set({
        office_fields: fields ? JSON.stringify([...new Set(fields)]) : null,
        fields_decided_by: fields ? actorLabel(actor) : null,
        fields_decided_at: fields ? at : null,
      })
      .where('id', '=', callId)
      .execute();
    await refreshEffectiveFields(trx, callId);
    const after = await trx
      .selectFrom('funding_calls')
      .select('effective_fields')
      .where('id', '=', callId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_call_fields',
      entityId: callId,
      action: 'update',
      before: { effective: call.effective_fields, office: call.office_fields },
      after: { effective: after.effective_fields, office: fields },
      requestId,
    });
    return { effective: JSON.parse(after.effective_fields) as string[] };
  });
}
