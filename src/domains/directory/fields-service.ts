import { nowIso } from '../../infra/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import { assertSignedIn, seesEverything } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  allFields,
  fieldParentIdOf,
  findField,
  insertField,
  updateField as updateRow,
} from './fields-repository.js';
import { toFieldOfAction, toTree } from './presenters.js';
import type { FieldOfActionCreate, FieldOfActionNode, FieldOfActionPatch } from './schemas.js';
import {
  assertExists,
  assertNoCycle,
  checkVersion,
  defined,
  notStale,
  type ServiceDeps,
} from './service-support.js';

/** The taxonomy is the office's: only office staff and admins change it (partners read it). */
function assertCanEditTaxonomy(deps: ServiceDeps) {
  assertSignedIn(deps.actor);
  if (!seesEverything(deps.actor))
    throw new ForbiddenError(
      'Only the office edits the fields of action',
      'Nur die Geschäftsstelle bearbeitet die Handlungsfelder',
    );
}

export async function fieldsOfActionTree(deps: ServiceDeps): Promise<FieldOfActionNode[]> {
  return toTree((await allFields(deps.db)).map(toFieldOfAction));
}

export async function createFieldOfAction(deps: ServiceDeps, input: FieldOfActionCreate) {
  assertCanEditTaxonomy(deps);
  return deps.db.transaction().execute(async (trx) => {
    await assertExists(trx, 'fields_of_action', input.parentId, 'parentId');
    const now = nowIso();
    const row = await insertField(trx, {
      key: input.key ?? null,
      parent_id: input.parentId ?? null,
      name: input.name,
      description: input.description ?? null,
      rules_json: JSON.stringify(input.rules),
      sort_order: input.sortOrder,
      source: input.source ?? null,
      created_at: now,
      updated_at: now,
    });
    const after = toFieldOfAction(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'field_of_action',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateFieldOfAction(deps: ServiceDeps, id: number, patch: FieldOfActionPatch) {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findField(trx, id);
    if (!current) throw new NotFoundError('Field of action');
    assertCanEditTaxonomy(deps);
    checkVersion(current.version, patch.version);
    await assertExists(trx, 'fields_of_action', patch.parentId, 'parentId');
    await assertNoCycle((x) => fieldParentIdOf(trx, x), id, patch.parentId);
    const row = await updateRow(trx, id, patch.version, {
      ...defined({
        parent_id: patch.parentId,
        name: patch.name,
        description: patch.description,
        rules_json: patch.rules ? JSON.stringify(patch.rules) : undefined,
        sort_order: patch.sortOrder,
        source: patch.source,
      }),
      updated_at: nowIso(),
    });
    const after = toFieldOfAction(notStale(row, current.version));
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'field_of_action',
      entityId: id,
      action: 'update',
      before: toFieldOfAction(current),
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
