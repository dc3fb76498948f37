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

/**
 * Bound parameters per statement: well below SQLite's 32,766 and PostgreSQL's 65,535, so a page
 * with hundreds of embedded files still goes in a handful of statements.
 */
const MAX_PARAMS = 16_000;

export interface UpsertResult {
  kind: ObjectKind;
  id: number;
  oparlId: string;
  deleted: boolean;
  quirks: string[];
}

export interface UpsertContext {
  sourceId: number;
  bodyOparlId: string | null;
  fetchedAt: number;
  now: string;
}

interface Prepared {
  kind: ObjectKind;
  table: string;
  oparlId: string;
  deleted: boolean;
  quirks: string[];
  row: Row;
}

/** The row one OParl object becomes (a deleted stub only carries what marks the row deleted). */
function prepare(item: Extracted, ctx: UpsertContext): Prepared {
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
    const row: Row = { ...common, name: null, raw_json: JSON.stringify(obj), deleted: 1, is_public: 1 };
    return { kind: item.kind, table, oparlId, deleted, quirks, row };
  }
  const row: Row = {
    ...common,
    name: displayName(item.kind, obj),
    raw_json: JSON.stringify(obj),
    deleted: 0,
    is_public: isPublicObject(item.kind, obj) && !item.parentNonPublic ? 1 : 0,
    ...kindColumns(item.kind, obj, item.parentId, item.parentRole),
  };
  return { kind: item.kind, table, oparlId, deleted, quirks, row };
}

/** One multi-row INSERT … ON CONFLICT (oparl_id) of rows of one table, all stubs or all live. */
async function writeRun(db: Kysely<DB>, run: Prepared[]): Promise<Map<string, number>> {
  const loose = db as unknown as Kysely<LooseDB>;
  const table = run[0].table;
  const rows = run.map((p) => p.row);
  let update: Record<string, unknown>;
  if (run[0].deleted) {
    update = {
      deleted: 1,
      oparl_modified: sql.ref('excluded.oparl_modified'),
      updated_at: sql.ref('excluded.updated_at'),
    };
  } else {
    update = {};
    for (const col of Object.keys(rows[0])) {
      if (keepOnUpdate.has(col)) continue;
      update[col] = coalesceOnUpdate.has(col)
        ? sql`coalesce(${sql.ref(`excluded.${col}`)}, ${sql.ref(`${table}.${col}`)})`
        : sql.ref(`excluded.${col}`);
    }
  }
  const saved = await loose
    .insertInto(table)
    .values(rows)
    .onConflict((oc) => oc.column('oparl_id').doUpdateSet(update as Row))
    .returning(['id', 'oparl_id'])
    .execute();
  return new Map(saved.map((s) => [String(s.oparl_id), Number(s.id)]));
}

/**
 * Inserts or updates OParl objects by their OParl id (a deleted stub only marks its row deleted),
 * with one multi-row statement per table instead of one per object. The result is the same as
 * upserting the items one by one in the given order, which must be the global lock order (table,
 * then OParl id): each statement's rows follow it, and an id seen twice (the same object embedded
 * twice on a page) starts a new statement, so its later occurrence is applied after the earlier.
 */
export async function upsertObjects(
  db: Kysely<DB>,
  items: Extracted[],
  ctx: UpsertContext,
): Promise<UpsertResult[]> {
  const prepared = items.map((item) => prepare(item, ctx));
  const ids: number[] = new Array(prepared.length);
  let start = 0;
  while (start < prepared.length) {
    const first = prepared[start];
    const maxRows = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first.row).length));
    const seen = new Set<string>([first.oparlId]);
    let end = start + 1;
    while (
      end < prepared.length &&
      end - start < maxRows &&
      prepared[end].table === first.table &&
      prepared[end].deleted === first.deleted &&
      !seen.has(prepared[end].oparlId)
    ) {
      seen.add(prepared[end].oparlId);
      end++;
    }
    const run = prepared.slice(start, end);
    const saved = await writeRun(db, run);
    for (let i = start; i < end; i++) {
      const id = saved.get(prepared[i].oparlId);
      if (id === undefined) throw new Error(`upsert of ${prepared[i].oparlId} returned no row`);
      ids[i] = id;
    }
    start = end;
  }
  return prepared.map((p, i) => ({
    kind: p.kind,
    id: ids[i],
    oparlId: p.oparlId,
    deleted: p.deleted,
    quirks: p.quirks,
  }));
}

/** Inserts or updates one OParl object by its OParl id; a deleted stub only marks the row deleted. */
export async function upsertObject(
  db: Kysely<DB>,
  item: Extracted,
  ctx: UpsertContext,
): Promise<UpsertResult> {
  const [result] = await upsertObjects(db, [item], ctx);
  return result;
}
