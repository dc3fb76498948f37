import { type Kysely, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { DialectName as Dialect } from '../../infra/db/connect.js';
import { ftsKey, metaTokens } from './fts-meta.js';
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
 * (fts-meta.ts), on PostgreSQL the weighted `german` tsvector and the meta tsvector.
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

async function writePostgres(db: Kysely<DB>, ids: number[], textChanged: boolean): Promise<void> {
  const docs = await db
    .selectFrom('search_documents')
    .select([
      'id',
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
  const values = sql.join(docs.map((d) => sql`(${d.id}::int, ${metaTokens(d)}::text[])`));
  if (textChanged) {
    await sql`update search_documents d set
        tsv = setweight(to_tsvector('german', d.title), 'A') ||
          setweight(to_tsvector('german', left(d.text, ${MAX_INDEXED_CHARS})), 'B'),
        meta = array_to_tsvector(v.meta)
      from (values ${values}) as v(id, meta) where d.id = v.id`.execute(db);
  } else {
    await sql`update search_documents d set meta = array_to_tsvector(v.meta)
      from (values ${values}) as v(id, meta) where d.id = v.id`.execute(db);
  }
}

/** Drops the full-text entries of index rows about to be deleted (PostgreSQL's live in the row). */
export async function deleteFullText(db: Kysely<DB>, dialect: Dialect, keys: Array<number | null>) {
  const live = keys.filter((k): k is number => k != null);
  if (dialect === 'sqlite' && live.length > 0)
    await sql`delete from search_fts where rowid in (${sql.join(live)})`.execute(db);
}
