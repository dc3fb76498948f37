import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/helpers/context.js';
import { indexDocuments, removeDocuments } from './indexer.js';
import type { SearchDocumentInput } from './types.js';

const doc = (sourceId: number, title: string, text: string): SearchDocumentInput => ({
  type: 'paper',
  sourceId,
  title,
  text,
  date: '2025-03-04',
  isPublic: true,
  ownerOrganizationId: null,
  bodyId: 1,
  bodyName: 'Stadt Ratingen',
  committee: null,
  paperType: 'Vorlage',
  url: null,
});

describeEachDb('search indexer', (env) => {
  it('upserts by type and source id and removes again', async () => {
    const { ctx } = env();
    await indexDocuments(ctx, [
      doc(1, 'Radwegekonzept', 'Der Ausbau der Radwege'),
      doc(2, 'Haushalt', 'Steuern'),
    ]);
    await indexDocuments(ctx, [doc(1, 'Radwegekonzept 2030', 'Geänderter Text')]);
    const rows = await ctx.db.selectFrom('search_documents').select(['source_id', 'title', 'year']).execute();
    expect(rows.map((r) => r.title).sort()).toEqual(['Haushalt', 'Radwegekonzept 2030']);
    expect(rows[0].year).toBe(2025);
    const matches =
      ctx.dialect === 'sqlite'
        ? await sql<{
            n: number;
          }>`select count(*) as n from search_fts where search_fts match 'text'`.execute(ctx.db)
        : await sql<{
            n: number;
          }>`select count(*)::int as n from search_vectors where tsv @@ to_tsquery('german', 'Texte')`.execute(
            ctx.db,
          );
    expect(matches.rows[0].n).toBe(1);
    await removeDocuments(ctx, 'paper', [1, 2]);
    const left = await ctx.db.selectFrom('search_documents').select('id').execute();
    expect(left).toHaveLength(0);
    if (ctx.dialect === 'postgres') {
      // The narrow vector rows go with their documents.
      const vectors = await sql<{ n: number }>`select count(*)::int as n from search_vectors`.execute(ctx.db);
      expect(vectors.rows[0].n).toBe(0);
    }
  });
});
