import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';
import type { CallListQuery } from '../schemas.js';
import { type CallListRow, presentCallListItem } from './presenters.js';

/** A LIKE pattern that matches one JSON-encoded string inside a JSON array column. */
export function jsonElementPattern(value: string): string {
  return `%${JSON.stringify(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Filters = Omit<CallListQuery, 'limit' | 'offset' | 'format'> & {
  /** only these calls (an exported selection, or the new calls an alert run checks) */
  ids?: number[];
};

/**
 * A LIKE pattern for the search box, compared with lower(column). SQLite's lower() folds ASCII only,
 * so umlauts match either case through a one-character wildcard ("Übernahme" finds "übernahme").
 */
export function searchPattern(q: string): string {
  return `%${likeEscape(q.trim().toLowerCase()).replace(/[äöü]/g, '_')}%`;
}

/**
 * A call's programme belongs to what the call says (a Förderdatenbank call is its programme): its
 * keywords, funding types and areas, summary, procedure, Fristen and body are searched too, but only
 * when the actor may see the programme.
 */
function programmeTextMatches(actor: Actor, pattern: string) {
  const cols = [
    'keywords',
    'funding_types',
    'funding_areas',
    'summary',
    'deadline_text',
    'procedure_text',
    'body',
  ];
  const any = sql.join(
    cols.map((c) => sql`lower(coalesce(${sql.ref(`p.${c}`)}, '')) like ${pattern} escape '\\'`),
    sql` or `,
  );
  return sql<boolean>`(p.id is not null and ${visibleWhere(actor, 'p')} and (${any}))`;
}

/** The call list's filters as one SQL query (visibility included); alerts and exports use it too. */
export function filteredCalls(db: Kysely<DB>, actor: Actor, f: Filters, today: string) {
  let q = db
    .selectFrom('funding_calls as c')
    .leftJoin('funding_programmes as p', 'p.id', 'c.programme_id')
    .where(visibleWhere(actor, 'c'))
    .select((eb) => [
      'c.id',
      'c.programme_id',
      'c.call_kind',
      'c.identifier',
      'c.title',
      'c.status',
      'c.stage_model',
      'c.giver_level',
      'c.giver_name',
      'c.eligible_applicants',
      'c.regions',
      'c.effective_fields as fields_of_action',
      'c.source',
      'c.source_url',
      'c.attribution',
      'c.withdrawn_at',
      'c.is_public',
      'p.title as programme_title',
      eb
        .selectFrom('funding_rounds as r')
        .select((e) => e.fn.min('r.deadline_date').as('d'))
        .whereRef('r.call_id', '=', 'c.id')
        .where('r.withdrawn_at', 'is', null)
        .where('r.review_status', '!=', 'rejected')
        .where('r.deadline_date', '>=', today)
        .as('next_deadline'),
    ]);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.includeWithdrawn !== 'true') q = q.where('c.withdrawn_at', 'is', null);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.giverLevel) q = q.where('c.giver_level', '=', f.giverLevel);
  if (f.source) q = q.where('c.source', '=', f.source);
  if (f.programmeId) q = q.where('c.programme_id', '=', f.programmeId);
  const fields = fieldList(f.fieldOfAction);
  if (fields.length)
    q = q.where((eb) =>
      eb.or(
        fields.map((field) => sql<boolean>`c.effective_fields like ${jsonElementPattern(field)} escape '\\'`),
      ),
    );
  if (f.applicant)
    q = q.where(sql<boolean>`c.eligible_applicants like ${jsonElementPattern(f.applicant)} escape '\\'`);
  if (f.region) q = q.where(sql<boolean>`c.regions like ${jsonElementPattern(f.region)} escape '\\'`);
  if (f.q?.trim()) {
    const pattern = searchPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`(lower(c.title) like ${pattern} escape '\\' or lower(coalesce(c.identifier, '')) like ${pattern} escape '\\' or lower(coalesce(c.giver_name, '')) like ${pattern} escape '\\' or lower(coalesce(c.text, '')) like ${pattern} escape '\\' or lower(coalesce(p.title, '')) like ${pattern} escape '\\')`,
        programmeTextMatches(actor, pattern),
      ]),
    );
  }
  if (f.deadlineFrom || f.deadlineTo) {
    const from = f.deadlineFrom ?? '0000-01-01';
    const to = f.deadlineTo ?? '9999-12-31';
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('funding_rounds as w')
          .select('w.id')
          .whereRef('w.call_id', '=', 'c.id')
          .where('w.withdrawn_at', 'is', null)
          .where('w.review_status', '!=', 'rejected')
          .where('w.deadline_date', '>=', from)
          .where('w.deadline_date', '<=', to),
      ),
    );
  }
  return q;
}

/** `fieldOfAction` is one key or several (any of them matches). */
export function fieldList(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v ? [v] : []).filter((x) => x !== '');
}

/** Calls the actor may see, filtered, sorted by the next deadline (calls without one last). */
export async function listCalls(
  db: Kysely<DB>,
  actor: Actor,
  query: CallListQuery,
  today = new Date().toISOString().slice(0, 10),
) {
  const inner = filteredCalls(db, actor, query, today);
  const total = await db
    .selectFrom(inner.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await sortedPage(db, inner, query.limit, query.offset);
  return { items: rows.map(presentCallListItem), total: Number(total.n) };
}

async function sortedPage(
  db: Kysely<DB>,
  inner: ReturnType<typeof filteredCalls>,
  limit: number,
  offset: number,
): Promise<CallListRow[]> {
  return (await db
    .selectFrom(inner.as('x'))
    .selectAll()
    .orderBy(sql`coalesce(x.next_deadline, '9999-12-31')`)
    .orderBy('x.title')
    .orderBy('x.id')
    .limit(limit)
    .offset(offset)
    .execute()) as CallListRow[];
}

/**
 * Every call of the filtered list (or of a selection), in list order, page by page, without an
 * upper bound: the export streams what this yields.
 */
export async function* eachCall(
  db: Kysely<DB>,
  actor: Actor,
  filters: Filters,
  pageSize = 1000,
  today = new Date().toISOString().slice(0, 10),
) {
  const inner = filteredCalls(db, actor, filters, today);
  for (let offset = 0; ; offset += pageSize) {
    const rows = await sortedPage(db, inner, pageSize, offset);
    for (const r of rows) yield presentCallListItem(r);
    if (rows.length < pageSize) return;
  }
}
