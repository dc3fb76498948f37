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

/** The words a call is matched on: its own text, then its programme's (most telling first). */
export function matchingText(
  text: string | null,
  keywords: string | null,
  areas: string[],
  summary: string | null,
  body: string | null,
): string | null {
  const parts = [text, keywords, areas.join(' '), summary, body].filter((x): x is string =>
    Boolean(x?.trim()),
  );
  return parts.length ? parts.join('\n') : null;
}

/** Calls the actor may see, with their next open deadline, ready for the matching engine. */
export async function loadCallsForMatching(
  db: Kysely<DB>,
  actor: Actor,
  today: string,
): Promise<CallForMatching[]> {
  // A Förderdatenbank call has no text of its own: its programme's keywords, areas, summary and body
  // are what it funds. Only programmes the actor may see lend their words.
  const calls = await db
    .selectFrom('funding_calls as c')
    .leftJoin('funding_programmes as p', (j) =>
      j.onRef('p.id', '=', 'c.programme_id').on(visibleWhere(actor, 'p')),
    )
    .select([
      'c.id',
      'c.title',
      'c.text',
      'c.effective_fields',
      'c.eligible_applicants',
      'c.regions',
      'c.status',
      'p.keywords as p_keywords',
      'p.funding_areas as p_areas',
      'p.summary as p_summary',
      'p.body as p_body',
    ])
    .where('c.withdrawn_at', 'is', null)
    .where(visibleWhere(actor, 'c'))
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
    text: matchingText(c.text, c.p_keywords, arr(c.p_areas), c.p_summary, c.p_body),
    fields: arr(c.effective_fields),
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
