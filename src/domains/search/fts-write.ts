import { type Kysely, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { DialectName as Dialect } from '../../infra/db/connect.js';
import { fieldIds, ftsKey, metaTokens } from './fts-meta.js';
import { stemText } from './text/stem.js';

/** PostgreSQL refuses tsvectors over 1 MB; long file texts are indexed by their beginning. */
export const MAX_INDEXED_CHARS = 400_000;

interface FtsCtx {
  db: Kysely<DB>;
  dialect: Dialect;
}

const CHUNK = 200;

/**
 * Writes the full-text entries of the given index rows from what search_documents holds now:
 * on SQLite the stemmed title and text with the meta tokens under the date-ordered key
 * (fts-meta.ts), on PostgreSQL a row of `search_vectors` (see writePostgres).
 * `textChanged: false` (a new classification) lets PostgreSQL keep the text vector.
 */
export async function writeFullText(ctx: FtsCtx, ids: number[], opts: { textChanged?: boolean } = {}) {
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    if (ctx.dialect === 'sqlite') await writeSqlite(ctx.db, chunk);
    else await writePostgres(ctx.db, chunk, opts.textChanged !== false);
  }
}

async function writeSqlite(db: Kysely<DB>, ids: number[]): Promise<void> {
  const docs = await db
    .selectFrom('search_documents')
    .select([
      'id',
      'title',
      'text',
      'date',
      'fts_key',
      'is_public',
      'owner_organization_id',
      'doc_type',
      'body_name',
      'committee',
      'paper_type',
      'year',
      'fields_of_action',
    ])
    .where('id', 'in', ids)
    .execute();
  if (docs.length === 0) return;
  const stale = docs.map((d) => d.fts_key).filter((k): k is number => k != null);
  if (stale.length > 0) await sql`delete from search_fts where rowid in (${sql.join(stale)})`.execute(db);
  const rows = docs.map((d) => {
    const key = ftsKey(d.date, d.id);
    return {
      id: d.id,
      key,
      values: sql`(${key}, ${stemText(d.title)}, ${stemText(d.text.slice(0, MAX_INDEXED_CHARS))}, ${metaTokens(d).join(' ')})`,
      changed: key !== d.fts_key,
    };
  });
  await sql`insert into search_fts(rowid, stem_title, stem_text, meta) values ${sql.join(rows.map((r) => r.values))}`.execute(
    db,
  );
  const moved = rows.filter((r) => r.changed);
  if (moved.length > 0) {
    await sql`update search_documents set fts_key = case id ${sql.join(
      moved.map((r) => sql`when ${r.id} then ${r.key}`),
      sql` `,
    )} end where id in (${sql.join(moved.map((r) => r.id))})`.execute(db);
  }
}

/**
 * The codes of facet values (search_facet_values), created where missing. PostgreSQL's narrow
 * vector table stores a 4-byte code for each facet value instead of the text.
 */
async function facetCodes(db: Kysely<DB>, values: string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return new Map();
  await sql`insert into search_facet_values (value) select unnest(${distinct}::text[])
    on conflict (value) do nothing`.execute(db);
  const r = await sql<{ id: number; value: string }>`select id, value from search_facet_values
    where value = any(${distinct}::text[])`.execute(db);
  return new Map(r.rows.map((x) => [x.value, Number(x.id)]));
}

/** The facet values of codes read from search_vectors. */
export async function facetValues(db: Kysely<DB>, codes: Iterable<number>): Promise<Map<number, string>> {
  const ids = [...new Set(codes)];
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; value: string }>`select id, value from search_facet_values
    where id = any(${ids}::int[])`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.id), x.value]));
}

/**
 * PostgreSQL: one row per document in the narrow table `search_vectors` (migration
 * 2026120210): date-ordered key, visibility, facet codes, the weighted `german` tsvector (title
 * A, text B) and the meta tsvector, under one GIN index (tsv, meta).
 */
async function writePostgres(db: Kysely<DB>, ids: number[], textChanged: boolean): Promise<void> {
  const docs = await db
    .selectFrom('search_documents')
    .select([
      'id',
      'date',
      'is_public',
      'owner_organization_id',
      'doc_type',
      'body_name',
      'committee',
      'paper_type',
      'year',
      'fields_of_action',
    ])
    .where('id', 'in', ids)
    .execute();
  if (docs.length === 0) return;
  const codes = await facetCodes(
    db,
    docs.flatMap((d) =>
      [d.doc_type, d.body_name, d.committee, d.paper_type].filter((v): v is string => v != null),
    ),
  );
  const code = (v: string | null) => (v == null ? null : (codes.get(v) ?? null));
  const values = sql.join(
    docs.map(
      (d) =>
        sql`(${d.id}::int, ${ftsKey(d.date, d.id)}::bigint, ${d.year}::int, ${d.is_public}::smallint,
          ${d.owner_organization_id}::int, ${code(d.doc_type)}::int, ${code(d.body_name)}::int,
          ${code(d.committee)}::int, ${code(d.paper_type)}::int, ${fieldIds(d.fields_of_action)}::int[],
          ${metaTokens(d)}::text[])`,
    ),
  );
  const v = sql`(values ${values}) as v(id, sort_key, year, is_public, owner, doc_type, body, committee, paper_type, fields, meta)`;
  let missing = docs.map((d) => d.id);
  if (!textChanged) {
    // A new classification: the text vector stays, everything else is written again.
    const updated = await sql<{ id: number }>`update search_vectors s set sort_key = v.sort_key,
        year = v.year, is_public = v.is_public, owner_organization_id = v.owner, doc_type = v.doc_type,
        body = v.body, committee = v.committee, paper_type = v.paper_type,
        fields = v.fields, meta = array_to_tsvector(v.meta)
      from ${v} where s.id = v.id returning s.id`.execute(db);
    const done = new Set(updated.rows.map((r) => Number(r.id)));
    missing = missing.filter((id) => !done.has(id));
    if (missing.length === 0) return;
  }
  const insert = async (trx: Kysely<DB>) => {
    await stageVectors(trx, missing);
    await sql`insert into search_vectors (id, sort_key, year, is_public, owner_organization_id, doc_type,
        body, committee, paper_type, fields, tsv, meta)
      select v.id, v.sort_key, v.year, v.is_public, v.owner, v.doc_type, v.body, v.committee, v.paper_type,
        v.fields, s.tsv, array_to_tsvector(v.meta)
      from ${v} join search_vector_stage s on s.id = v.id
      on conflict (id) do update set sort_key = excluded.sort_key, year = excluded.year,
        is_public = excluded.is_public, owner_organization_id = excluded.owner_organization_id,
        doc_type = excluded.doc_type, body = excluded.body, committee = excluded.committee,
        paper_type = excluded.paper_type, fields = excluded.fields,
        tsv = excluded.tsv, meta = excluded.meta`.execute(trx);
    // Truncated, not deleted from: autovacuum never visits a temporary table, so deleted stage
    // rows (and their TOAST) would pile up for as long as the connection lives.
    await sql`truncate search_vector_stage`.execute(trx);
  };
  // The staging table is the session's own: every statement has to run on one connection.
  if (db.isTransaction) await insert(db);
  else await db.transaction().execute(insert);
}

/**
 * Computes the vectors of `ids` into the session's temporary table search_vector_stage, whose
 * rows are padded past 2 kB. PostgreSQL moves a value out of line (TOAST) only when its row is
 * longer than ~2 kB (TOAST_TUPLE_THRESHOLD, whatever toast_tuple_target says), so most vectors
 * (~1.5 kB) would stay inline and make search_vectors' heap 850 MB at 500,000 documents instead
 * of ~90 MB. A value that arrives out of line is stored out of line: copied from the padded stage
 * row, every vector above toast_tuple_target (128 bytes) goes to TOAST.
 */
async function stageVectors(trx: Kysely<DB>, ids: number[]): Promise<void> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('pg_temp.search_vector_stage')::text as t`.execute(trx);
  if (!exists.rows[0]?.t) {
    await sql`create temp table search_vector_stage (id integer not null, pad text not null, tsv tsvector not null)`.execute(
      trx,
    );
    // Plain: the pad stays in the row (neither compressed nor moved), so the row is always long.
    await sql`alter table search_vector_stage alter column pad set storage plain`.execute(trx);
  }
  await sql`truncate search_vector_stage`.execute(trx);
  await sql`insert into search_vector_stage (id, pad, tsv)
    select d.id, repeat('x', 2100), setweight(to_tsvector('german', d.title), 'A') ||
      setweight(to_tsvector('german', left(d.text, ${MAX_INDEXED_CHARS})), 'B')
    from search_documents d where d.id = any(${ids}::int[])`.execute(trx);
}

/** Drops the full-text entries of deleted index rows (PostgreSQL's go with the row: on delete cascade). */
export async function deleteFullText(db: Kysely<DB>, dialect: Dialect, keys: Array<number | null>) {
  const live = keys.filter((k): k is number => k != null);
  if (dialect === 'sqlite' && live.length > 0)
    await sql`delete from search_fts where rowid in (${sql.join(live)})`.execute(db);
}
