import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';
import { jsonElementPattern, searchPattern } from '../api/list-calls.js';

export interface TopicCall {
  id: number;
  title: string;
  nextDeadline: string | null;
}

const PER_TOPIC = 5;

/**
 * For the regional radar: per topic the open (not closed, not withdrawn) calls that fit, those with
 * the next deadline first. A field topic takes the calls counted under that field; a word topic the
 * calls whose title or text names it.
 */
export async function callsForTopics(
  db: Kysely<DB>,
  actor: Actor,
  topics: { fields: number[]; terms: string[] },
  today = new Date().toISOString().slice(0, 10),
): Promise<{ fields: Record<string, TopicCall[]>; terms: Record<string, TopicCall[]> }> {
  const keys = topics.fields.length
    ? await db.selectFrom('fields_of_action').select(['id', 'key']).where('id', 'in', topics.fields).execute()
    : [];
  const base = (where: RawBuilder<boolean>) =>
    db
      .selectFrom(
        db
          .selectFrom('funding_calls as c')
          .where(visibleWhere(actor, 'c'))
          .where('c.withdrawn_at', 'is', null)
          .where('c.status', '!=', 'closed')
          .where(where)
          .select((eb) => [
            'c.id',
            'c.title',
            eb
              .selectFrom('funding_rounds as r')
              .select((e) => e.fn.min('r.deadline_date').as('d'))
              .whereRef('r.call_id', '=', 'c.id')
              .where('r.withdrawn_at', 'is', null)
              .where('r.review_status', '!=', 'rejected')
              .where('r.deadline_date', '>=', today)
              .as('next_deadline'),
          ])
          .as('x'),
      )
      .selectAll()
      .orderBy(sql`coalesce(x.next_deadline, '9999-12-31')`)
      .orderBy('x.id')
      .limit(PER_TOPIC);
  const shape = (rows: { id: number; title: string; next_deadline: string | null }[]) =>
    rows.map((r) => ({ id: r.id, title: r.title, nextDeadline: r.next_deadline }));
  const fields: Record<string, TopicCall[]> = {};
  for (const f of keys) {
    const key = f.key ?? String(f.id);
    fields[String(f.id)] = shape(
      await base(sql<boolean>`c.effective_fields like ${jsonElementPattern(key)} escape '\\'`).execute(),
    );
  }
  const terms: Record<string, TopicCall[]> = {};
  for (const t of topics.terms) {
    const p = searchPattern(t);
    terms[t] = shape(
      await base(
        sql<boolean>`(lower(c.title) like ${p} escape '\\' or lower(coalesce(c.text, '')) like ${p} escape '\\')`,
      ).execute(),
    );
  }
  return { fields, terms };
}
