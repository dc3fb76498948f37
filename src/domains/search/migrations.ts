import { type Kysely, sql } from 'kysely';
import type { DB } from '../../app/schema.js';
import { withId } from '../../infra/db/columns.js';
import type { DialectName } from '../../infra/db/connect.js';
import type { MigrationSet } from '../../infra/db/migrate.js';
import { writeFullText } from './fts-write.js';

/** Writes the full-text entries of every indexed document again, 1,000 at a time. */
async function rewriteFullText(db: Kysely<DB>, dialect: DialectName): Promise<void> {
  let after = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('search_documents')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return;
    await writeFullText({ db, dialect }, ids);
    after = ids[ids.length - 1];
  }
}

export const searchMigrations: MigrationSet = {
  '2026112530_search_documents': {
    async up(db, dialect) {
      await withId(db.schema.createTable('search_documents'), dialect)
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('year', 'integer')
        .addColumn('is_public', 'integer', (c) => c.notNull())
        .addColumn('owner_organization_id', 'integer')
        .addColumn('body_id', 'integer')
        .addColumn('body_name', 'text')
        .addColumn('committee', 'text')
        .addColumn('paper_type', 'text')
        .addColumn('fields_of_action', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('url', 'text')
        .addColumn('indexed_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('search_documents_type_source', ['doc_type', 'source_id'])
        .execute();
      await db.schema.createIndex('search_documents_date').on('search_documents').column('date').execute();
      if (dialect === 'sqlite') {
        // Contentless: the stemmed text lives only in the index; snippets come from search_documents.
        await sql`create virtual table search_fts using fts5(
          stem_title, stem_text,
          content='', contentless_delete=1,
          tokenize='unicode61 remove_diacritics 2',
          prefix='3 5'
        )`.execute(db);
        // Plain unstemmed suggestions need no separate structure: they use the title column.
        return;
      }
      await sql`alter table search_documents add column tsv tsvector`.execute(db);
      // RUM ranks inside the index; it needs the extension package and the right to create it.
      const rum = await sql<{ n: number }>`
        select count(*)::int as n from pg_available_extensions a
        where a.name = 'rum' and (a.installed_version is not null
          or exists (select 1 from pg_roles where rolname = current_user and rolsuper))`.execute(db);
      if ((rum.rows[0]?.n ?? 0) > 0) {
        await sql`create extension if not exists rum`.execute(db);
        await sql`create index search_documents_tsv on search_documents using rum (tsv rum_tsvector_ops)`.execute(
          db,
        );
      } else {
        await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
      }
    },
  },
  '2026112531_search_classifications': {
    async up(db, dialect) {
      await withId(db.schema.createTable('classifications'), dialect)
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('field_id', 'integer', (c) => c.notNull())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('matched_terms', 'text', (c) => c.notNull())
        .addColumn('classified_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('classifications_doc_field', ['doc_type', 'source_id', 'field_id'])
        .execute();
      await db.schema.createIndex('classifications_field').on('classifications').column('field_id').execute();
    },
  },
  '2026112532_search_terms': {
    async up(db) {
      // The corpus vocabulary: stems (what the index holds) and folded surface words, with the
      // number of documents each occurs in. Compound expansion checks query stems against it.
      await db.schema
        .createTable('search_terms')
        .addColumn('term', 'text', (c) => c.primaryKey())
        .addColumn('stem_docs', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('word_docs', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '2026120150_search_fts_keyed': {
    async up(db, dialect) {
      // The full-text index gets meta tokens (visibility, facet values) and, on SQLite, rows keyed
      // in date order: see fts-meta.ts. Every indexed document is written again.
      await db.schema.alterTable('search_documents').addColumn('fts_key', 'bigint').execute();
      if (dialect === 'sqlite') {
        await sql`drop table search_fts`.execute(db);
        await sql`create virtual table search_fts using fts5(
          stem_title, stem_text, meta,
          content='', contentless_delete=1,
          tokenize='unicode61 remove_diacritics 2 tokenchars _',
          prefix='3 5'
        )`.execute(db);
        // Facet counting reads these columns for every matched key without touching the text.
        await sql`create index search_documents_fts_key on search_documents
          (fts_key, is_public, owner_organization_id, doc_type, body_name, committee, paper_type, year, fields_of_action)`.execute(
          db,
        );
      } else {
        await sql`alter table search_documents add column meta tsvector`.execute(db);
        await sql`create index search_documents_meta on search_documents using gin (meta)`.execute(db);
      }
      // PostgreSQL's vectors are written again into their own table by 2026120210.
      if (dialect !== 'sqlite') return;
      await rewriteFullText(db as unknown as Kysely<DB>, dialect);
    },
  },
  '2026120151_search_postgres_narrow_heap': {
    async up(db, dialect) {
      if (dialect !== 'postgres') return;
      // Measured on 500,000 documents (search README): with text and vector inline the heap was
      // 1.5 GB and every count read it from disk; moved out of line (TOAST) it is ~130 MB. The
      // meta vector stays inline: every match is filtered on it. RUM's ranking operator is no
      // longer used (ranking is ts_rank over the newest matches), and GIN answers the bitmap
      // scans that counting needs faster and takes inserts faster.
      await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
      await sql`alter table search_documents alter column meta set storage main`.execute(db);
      await sql`drop index if exists search_documents_tsv`.execute(db);
      await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(db);
      // Rewrites every row so that existing ones take the new layout too.
      await sql`update search_documents set text = text`.execute(db);
    },
  },
  '2026120200_search_postgres_one_gin': {
    async up(db, dialect) {
      if (dialect !== 'postgres') return;
      // One GIN index over words and meta tokens: a search ("stadt" and its compounds, 500,000
      // TIDs, AND year 2026 and public) is one index scan that skips through the long posting
      // lists by the short ones (7 ms), where two indexes built two full bitmaps and ANDed them
      // (210 ms at 500,000 documents). The index serves word-only conditions as well.
      await sql`drop index if exists search_documents_tsv`.execute(db);
      await sql`drop index if exists search_documents_meta`.execute(db);
      await sql`create index if not exists search_documents_words_meta on search_documents
        using gin (tsv, meta)`.execute(db);
    },
  },
  '2026120210_search_postgres_vectors': {
    async up(db, dialect) {
      if (dialect !== 'postgres') return;
      // The vectors move to a narrow table of their own (see fts-write.ts): every match of a
      // search visits its heap row, and at 500,000 documents search_documents' heap (143 MB with
      // titles, urls, stamps) outgrew the default shared_buffers (128 MB), so each search read
      // its pages again from the operating system (Kita*: 93 ms, 10,000 page reads); the narrow
      // heap (~90 MB) stays in shared buffers (the same query: 24 ms).
      await sql`create table search_facet_values (
        id serial primary key,
        value text not null unique
      )`.execute(db);
      await sql`create table search_vectors (
        id integer primary key references search_documents (id) on delete cascade,
        sort_key bigint not null,
        year integer,
        is_public smallint not null,
        owner_organization_id integer,
        doc_type integer not null references search_facet_values (id),
        body integer references search_facet_values (id),
        committee integer references search_facet_values (id),
        paper_type integer references search_facet_values (id),
        fields integer[] not null default '{}',
        tsv tsvector not null,
        meta tsvector not null
      ) with (toast_tuple_target = 128)`.execute(db);
      await sql`alter table search_vectors alter column meta set storage main`.execute(db);
      await rewriteFullText(db as unknown as Kysely<DB>, dialect);
      await sql`create index search_vectors_words_meta on search_vectors using gin (tsv, meta)`.execute(db);
      await sql`drop index if exists search_documents_words_meta`.execute(db);
      await sql`alter table search_documents drop column tsv, drop column meta`.execute(db);
    },
  },
};
