import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { DialectName } from '../../infra/db/connect.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';

/**
 * What every directory service needs: the database (and its dialect, for the search index), who
 * asks, and the request id for the audit log.
 */
export interface ServiceDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  actor: Actor;
  requestId?: string | null;
}

export function found<T>(row: T | undefined, what: string): T {
  if (!row) throw new NotFoundError(what);
  return row;
}

export function notStale<T>(row: T | undefined, currentVersion: number): T {
  if (!row) throw new ConflictError(undefined, undefined, { currentVersion });
  return row;
}

export function checkVersion(current: number, given: number): void {
  if (current !== given) throw new ConflictError(undefined, undefined, { currentVersion: current });
}

export function unknownReference(field: string): BadRequestError {
  return new BadRequestError(
    'UNKNOWN_REFERENCE',
    `${field} names a record that does not exist`,
    `${field} verweist auf einen Datensatz, den es nicht gibt`,
    { field },
  );
}

export async function assertExists(
  db: Kysely<DB>,
  table: 'organizations' | 'people' | 'bodies' | 'fields_of_action',
  id: number | null | undefined,
  field: string,
): Promise<void> {
  if (id == null) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw unknownReference(field);
}

/** Refuses a parent that is the record itself or one of its descendants. */
export async function assertNoCycle(
  parentOf: (id: number) => Promise<number | null | undefined>,
  id: number,
  newParentId: number | null | undefined,
): Promise<void> {
  const seen = new Set<number>();
  for (let cur = newParentId ?? null; cur != null; cur = (await parentOf(cur)) ?? null) {
    if (cur === id || seen.has(cur)) {
      throw new BadRequestError(
        'PARENT_CYCLE',
        'A record cannot be placed below itself',
        'Ein Datensatz kann nicht unter sich selbst eingeordnet werden',
      );
    }
    seen.add(cur);
  }
}

/** Keeps only the keys a PATCH actually sent, so absent fields stay untouched. */
export function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function assertDateOrder(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) {
    throw new BadRequestError(
      'DATE_ORDER',
      'The end date lies before the start date',
      'Das Enddatum liegt vor dem Beginn',
    );
  }
}
