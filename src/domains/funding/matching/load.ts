import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';
import type { CallForMatching } from './engine.js';

const arr = (s: string | null): string[] => {
  try {
    const v: unknown = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export { arr as parseJsonList };

/** Calls the actor may see, with their next open deadline, ready for the matching engine. */
export async function loadCallsForMatching(
  db: Kysely<DB>,
  actor: Actor,
  today: string,
): Promise<CallForMatching[]> {
  const calls = await db
    .selectFrom('funding_calls')
    .select(['id', 'title', 'text', 'fields_of_action', 'eligible_applicants', 'regions', 'status'])
    .where('withdrawn_at', 'is', null)
    .where(visibleWhere(actor, 'funding_calls'))
    .execute();
  const next = await db
    .selectFrom('funding_rounds')
    .select(['call_id', (eb) => eb.fn.min('deadline_date').as('next')])
    .where('withdrawn_at', 'is', null)
    .where('review_status', '!=', 'rejected')
    .where('deadline_date', '>=', today)
    .groupBy('call_id')
    .execute();
  const nextBy = new Map(next.map((n) => [n.call_id, n.next as string | null]));
  return calls.map((c) => ({
    id: c.id,
    title: c.title,
    text: c.text,
    fields: arr(c.fields_of_action),
    applicants: arr(c.eligible_applicants),
    regions: arr(c.regions),
    nextDeadline: nextBy.get(c.id) ?? null,
    closed: c.status === 'closed',
  }));
}

/** key → German name of every field of action, for reasons ("Handlungsfeld Mobilität"). */
export async function loadFieldNames(
  db: Kysely<DB>,
): Promise<{ byKey: Record<string, string>; keyById: Map<number, string> }> {
  const rows = await db.selectFrom('fields_of_action').select(['id', 'key', 'name']).execute();
  const byKey: Record<string, string> = {};
  const keyById = new Map<number, string>();
  for (const r of rows) {
    const key = r.key ?? String(r.id);
    byKey[key] = r.name;
    keyById.set(r.id, key);
  }
  return { byKey, keyById };
}
