import type { Kysely } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { DB } from '../../app/schema.js';
import { indexDocuments, removeDocuments, type SearchDocumentInput } from '../search/indexer.js';

type IndexCtx = Pick<AppContext, 'db' | 'dialect'>;

/** The search index type of directory organisations (council committees are 'committee'). */
export const organizationDocType = 'organization';

/** German words for the kinds, so that "Fachamt" or "Kammer" finds them in the German search. */
const kindLabel: Record<string, string> = {
  partner: 'Partner',
  department: 'Fachamt Fachbereich',
  committee: 'Gremium Ausschuss',
  network: 'Netzwerk',
  ministry: 'Ministerium',
  chamber: 'Kammer',
  agency: 'Agentur',
  office: 'Geschäftsstelle',
  other: '',
};

const BATCH = 500;

async function documentsFor(db: Kysely<DB>, ids: number[] | null): Promise<SearchDocumentInput[]> {
  let query = db
    .selectFrom('organizations as o')
    .leftJoin('bodies as b', 'b.id', 'o.body_id')
    .select([
      'o.id',
      'o.name',
      'o.short_name',
      'o.kind',
      'o.description',
      'o.is_public',
      'o.owner_organization_id',
      'b.name as body_name',
    ])
    .orderBy('o.id');
  if (ids) query = query.where('o.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    type: organizationDocType,
    sourceId: r.id,
    title: r.name,
    text: [r.short_name, kindLabel[r.kind] ?? r.kind, r.body_name, r.description].filter(Boolean).join('\n'),
    date: null,
    // The search filters on these two, so a record turned non-public leaves every result at once.
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
    // Directory bodies are not council bodies: the body_id column of the index holds council ids.
    bodyId: null,
    bodyName: r.body_name,
    committee: null,
    paperType: null,
    url: `/organizations/${r.id}`,
  }));
}

/** (Re-)indexes the given directory organisations in the search. */
export async function indexOrganizations(ctx: IndexCtx, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await indexDocuments(ctx, await documentsFor(ctx.db, ids.slice(i, i + BATCH)));
  }
}

/** Rebuilds the organisations' part of the index: after the demo seed and after a dump import. */
export async function reindexAllOrganizations(ctx: IndexCtx): Promise<number> {
  const docs = await documentsFor(ctx.db, null);
  for (let i = 0; i < docs.length; i += BATCH) await indexDocuments(ctx, docs.slice(i, i + BATCH));
  // An import replaces the organisations but not the derived index: drop documents of rows now gone.
  const live = new Set(docs.map((d) => d.sourceId));
  const indexed = await ctx.db
    .selectFrom('search_documents')
    .select('source_id')
    .where('doc_type', '=', organizationDocType)
    .execute();
  const gone = indexed.map((r) => r.source_id).filter((id) => !live.has(id));
  if (gone.length > 0) await removeDocuments(ctx, organizationDocType, gone);
  return docs.length;
}
