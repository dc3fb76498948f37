import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Logger } from '../../../infra/logger.js';
import { type ObjectKind, tableOf } from './kinds.js';

/** The quirk a row carries while one of its references points to an object nobody serves. */
export const danglingQuirk = 'dangling_reference';

interface Reference {
  from: ObjectKind;
  column: string;
  to: ObjectKind;
  /** The column holds a JSON array of OParl ids. */
  list?: boolean;
}

/** The references we keep in columns (the rest stays in raw_json and resolves by nothing). */
const references: Reference[] = [
  { from: 'Meeting', column: 'organization_ids_json', to: 'Organization', list: true },
  { from: 'Meeting', column: 'location_oparl_id', to: 'Location' },
  { from: 'AgendaItem', column: 'meeting_oparl_id', to: 'Meeting' },
  { from: 'Paper', column: 'under_direction_of_json', to: 'Organization', list: true },
  { from: 'Consultation', column: 'paper_oparl_id', to: 'Paper' },
  { from: 'Consultation', column: 'meeting_oparl_id', to: 'Meeting' },
  { from: 'Consultation', column: 'organization_ids_json', to: 'Organization', list: true },
  { from: 'Membership', column: 'person_oparl_id', to: 'Person' },
  { from: 'Membership', column: 'organization_oparl_id', to: 'Organization' },
];

type LooseDB = Record<string, Record<string, string | number | null>>;

function parseQuirks(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((q): q is string => typeof q === 'string') : [];
  } catch {
    return [];
  }
}

function idsOf(value: string | number | null, list: boolean | undefined): string[] {
  if (typeof value !== 'string' || value === '') return [];
  if (!list) return [value];
  try {
    const v = JSON.parse(value) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export interface DanglingReport {
  /** References that point to no stored object. */
  references: number;
  /** Rows that carry at least one of them. */
  rows: number;
}

/**
 * Marks the rows of a source whose references point to objects no list served (real servers link
 * to committees and meetings they never publish): the row keeps the quirk `dangling_reference`
 * until the target arrives. Run after the lists of a sync, because a target may come in a list
 * read later; never fatal, never touches updated_at or the content.
 */
export async function markDanglingReferences(
  db: Kysely<DB>,
  sourceId: number,
  log: Logger,
): Promise<DanglingReport> {
  const loose = db as unknown as Kysely<LooseDB>;
  const known = new Map<ObjectKind, Set<string>>();
  const targets = async (kind: ObjectKind) => {
    let set = known.get(kind);
    if (!set) {
      const rows = await loose.selectFrom(tableOf[kind]).select('oparl_id').execute();
      set = new Set(rows.map((r) => String(r.oparl_id)));
      known.set(kind, set);
    }
    return set;
  };
  const missingByRow = new Map<ObjectKind, Map<number, string[]>>();
  let danglingCount = 0;
  for (const ref of references) {
    const rows = await loose
      .selectFrom(tableOf[ref.from])
      .select(['id', ref.column])
      .where('source_id', '=', sourceId)
      .where('deleted', '=', 0)
      .where(ref.column, 'is not', null)
      .execute();
    if (rows.length === 0) continue;
    const present = await targets(ref.to);
    const perRow = missingByRow.get(ref.from) ?? new Map<number, string[]>();
    missingByRow.set(ref.from, perRow);
    const sample: string[] = [];
    let count = 0;
    for (const row of rows) {
      const missing = idsOf(row[ref.column], ref.list).filter((id) => !present.has(id));
      if (missing.length === 0) continue;
      count += missing.length;
      perRow.set(Number(row.id), [...(perRow.get(Number(row.id)) ?? []), ...missing]);
      if (sample.length < 3) sample.push(...missing.slice(0, 3 - sample.length));
    }
    if (count > 0) {
      danglingCount += count;
      log.warn(
        { kind: ref.from, property: ref.column, to: ref.to, count, sample },
        'references to objects the server does not serve',
      );
    }
  }

  let flagged = 0;
  for (const kind of new Set(references.map((r) => r.from))) {
    const table = tableOf[kind];
    const perRow = missingByRow.get(kind) ?? new Map<number, string[]>();
    flagged += perRow.size;
    const rows = await loose
      .selectFrom(table)
      .select(['id', 'quirks_json'])
      .where('source_id', '=', sourceId)
      .execute();
    // Rows that get the same quirk list are updated in one statement (at most 1,000 ids each).
    const byValue = new Map<string | null, number[]>();
    for (const row of rows) {
      const quirks = parseQuirks(row.quirks_json as string | null);
      const has = quirks.includes(danglingQuirk);
      const should = perRow.has(Number(row.id));
      if (has === should) continue;
      const next = should ? [...quirks, danglingQuirk] : quirks.filter((q) => q !== danglingQuirk);
      const value = next.length ? JSON.stringify(next) : null;
      const ids = byValue.get(value) ?? [];
      ids.push(Number(row.id));
      byValue.set(value, ids);
    }
    for (const [value, ids] of byValue) {
      for (let i = 0; i < ids.length; i += 1000) {
        await loose
          .updateTable(table)
          .set({ quirks_json: value })
          .where('id', 'in', ids.slice(i, i + 1000))
          .execute();
      }
    }
  }
  return { references: danglingCount, rows: flagged };
}
