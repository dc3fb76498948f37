// Baselines of the search benchmark, measured in the same run on the same documents: plain
// unstemmed FTS5 (unicode61, no stemming, no compounds) and PostgreSQL's default approach
// (websearch_to_tsquery + ts_rank over a 'simple' tsvector with GIN). Both return the top 20 and
// the same facet counts as the product search.
import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import type { QueryNode } from '../src/domains/search/query/ast.js';
import { parseQuery } from '../src/domains/search/query/parse.js';
import type { SearchFilters } from '../src/domains/search/types.js';

const q = (s: string) => `"${s.toLowerCase().replaceAll('"', '""')}"`;

function plainFts(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.prefix ? `${q(node.word)} *` : q(node.word);
    case 'phrase':
      return q(node.words.join(' '));
    case 'or':
      return `(${node.items.map(plainFts).join(' OR ')})`;
    case 'not':
      return plainFts(node.item);
    case 'and': {
      const pos = node.items.filter((i) => i.kind !== 'not').map(plainFts);
      const neg = node.items.filter((i) => i.kind === 'not').map(plainFts);
      return neg.reduce((acc, n) => `(${acc} NOT ${n})`, `(${pos.join(' AND ')})`);
    }
  }
}

export async function buildBaselineIndex(ctx: AppContext): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    await sql`create virtual table bench_plain using fts5(title, text, content='', tokenize='unicode61 remove_diacritics 2')`.execute(
      ctx.db,
    );
    await sql`insert into bench_plain(rowid, title, text) select id, title, text from search_documents`.execute(
      ctx.db,
    );
    return;
  }
  // A table of its own: built in search_documents, the baseline's column would rewrite every row
  // of the product's table after its VACUUM (twice the heap, half of it dead, and no page
  // all-visible), and the product would be measured on that.
  await sql`create table bench_simple as select id, title, date, doc_type, body_name, committee,
      paper_type, year, is_public, to_tsvector('simple', title || ' ' || left(text, 400000)) as tsv_simple
    from search_documents`.execute(ctx.db);
  await sql`create index bench_simple_tsv on bench_simple using gin (tsv_simple)`.execute(ctx.db);
  await sql`vacuum (analyze) bench_simple`.execute(ctx.db);
}

function filterSql(f: SearchFilters) {
  const parts = [sql`d.is_public = 1`];
  if (f.body) parts.push(sql`d.body_name = ${f.body}`);
  if (f.year) parts.push(sql`d.year = ${f.year}`);
  if (f.paperType) parts.push(sql`d.paper_type = ${f.paperType}`);
  return sql.join(parts, sql` and `);
}

const facetSql = sql`select 'total' as facet, null as value, count(*) as n from m
  union all select 'type', doc_type, count(*) from m group by doc_type
  union all select 'body', body_name, count(*) from m where body_name is not null group by body_name
  union all select 'committee', committee, count(*) from m where committee is not null group by committee
  union all select 'paperType', paper_type, count(*) from m where paper_type is not null group by paper_type
  union all select 'year', cast(year as text), count(*) from m where year is not null group by year`;

/** Top 20 and facet counts of the baseline for one query (public documents, as for anonymous). */
export async function baselineSearch(ctx: AppContext, query: string, f: SearchFilters): Promise<number> {
  if (ctx.dialect === 'sqlite') {
    const match = plainFts(parseQuery(query));
    const hits = await sql`select d.id, d.title, d.date from search_documents d
      join (select rowid, bm25(bench_plain) as r from bench_plain where bench_plain match ${match}) p on p.rowid = d.id
      where ${filterSql(f)} order by p.r limit 20`.execute(ctx.db);
    await sql`with m as materialized (select d.* from search_documents d
      where d.id in (select rowid from bench_plain where bench_plain match ${match}) and ${filterSql(f)}) ${facetSql}`.execute(
      ctx.db,
    );
    return hits.rows.length;
  }
  const hits =
    await sql`select d.id, d.title, d.date from bench_simple d, websearch_to_tsquery('simple', ${query}) w
    where d.tsv_simple @@ w and ${filterSql(f)} order by ts_rank(d.tsv_simple, w) desc limit 20`.execute(
      ctx.db,
    );
  await sql`with m as materialized (select d.* from bench_simple d, websearch_to_tsquery('simple', ${query}) w
    where d.tsv_simple @@ w and ${filterSql(f)}) ${facetSql}`.execute(ctx.db);
  return hits.rows.length;
}
