import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Extracted } from './extract.js';
import { type ObjectKind, tableOf } from './kinds.js';
import { normalizeObject, refOf, toUtc } from './normalize.js';
import { displayName, isPublicObject, kindColumns } from './to-row.js';

type Row = Record<string, string | number | null>;
/** The object tables share their common columns; a loose view lets one function write all of them. */
type LooseDB = Record<string, Row>;

/** Columns that only a later step fills (file text, parsed Vorlage): an import never clears them. */
const keepOnUpdate = new Set(['id', 'created_at', 'owner_organization_id', 'sha256']);
/** A file listed on its own has no parent; keep the parent its embedding gave it. */
const coalesceOnUpdate = new Set(['parent_oparl_id', 'parent_role']);

export interface UpsertResult {
  kind: ObjectKind;
  id: number;
  oparlId: string;
  deleted: boolean;
  quirks: string[];
}

/** Inserts or updates one OParl object by its OParl id; a deleted stub only marks the row deleted. */
export async function upsertObject(
  db: Kysely<DB>,
  item: Extracted,
  ctx: { sourceId: number; bodyOparlId: string | null; fetchedAt: number; now: string },
): Promise<UpsertResult> {
  const loose = db as unknown as Kysely<LooseDB>;
  const table = tableOf[item.kind];
  const oparlId = item.obj.id as string;
  const normalized = normalizeObject(item.obj, item.kind, ctx.fetchedAt);
  const obj = normalized.obj;
  const quirks = [...normalized.quirks, ...(item.quirks ?? [])];
  const deleted = obj.deleted === true;
  const common: Row = {
    oparl_id: oparlId,
    source_id: ctx.sourceId,
    body_oparl_id: item.kind === 'Body' ? oparlId : (refOf(obj.body) ?? ctx.bodyOparlId),
    oparl_created: toUtc(obj.created),
    oparl_modified: toUtc(obj.modified),
    quirks_json: quirks.length ? JSON.stringify(quirks) : null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  if (deleted) {
    const stub: Row = { ...common, name: null, raw_json: JSON.stringify(obj), deleted: 1, is_public: 1 };
    const row = await loose
      .insertInto(table)
      .values(stub)
      .onConflict((oc) =>
        oc.column('oparl_id').doUpdateSet({
          deleted: 1,
          oparl_modified: common.oparl_modified,
          updated_at: ctx.now,
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return { kind: item.kind, id: Number(row.id), oparlId, deleted: true, quirks };
  }
  const row: Row = {
    ...common,
    name: displayName(item.kind, obj),
    raw_json: JSON.stringify(obj),
    deleted: 0,
    is_public: isPublicObject(item.kind, obj) && !item.parentNonPublic ? 1 : 0,
    ...kindColumns(item.kind, obj, item.parentId, item.parentRole),
  };
  const update: Record<string, unknown> = {};
  for (const [col, value] of Object.entries(row)) {
    if (keepOnUpdate.has(col)) continue;
    update[col] = coalesceOnUpdate.has(col) ? sql`coalesce(${value}, ${sql.ref(`${table}.${col}`)})` : value;
  }
  const saved = await loose
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.column('oparl_id').doUpdateSet(update as Row))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: item.kind, id: Number(saved.id), oparlId, deleted: false, quirks };
}
