import type { AppContext } from '../../app/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { classifyDocuments, loadFields } from './classify/classify-documents.js';
import { deleteFullText, MAX_INDEXED_CHARS, writeFullText } from './fts-write.js';
import type { SearchDocumentInput } from './types.js';
import { saveVocabulary, VocabularyCounter } from './vocabulary.js';

export type { SearchDocumentInput } from './types.js';

const BATCH = 200;

type IndexCtx = Pick<AppContext, 'db' | 'dialect'>;

function row(doc: SearchDocumentInput, at: string) {
  const date = doc.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.date) ? doc.date : null;
  return {
    doc_type: doc.type,
    source_id: doc.sourceId,
    title: doc.title,
    text: doc.text,
    date,
    year: date ? Number(date.slice(0, 4)) : null,
    is_public: doc.isPublic ? 1 : 0,
    owner_organization_id: doc.ownerOrganizationId,
    body_id: doc.bodyId,
    body_name: doc.bodyName,
    committee: doc.committee,
    paper_type: doc.paperType,
    url: doc.url,
    indexed_at: at,
  };
}

/**
 * Adds or replaces documents in the search index (unique per type and source id). Callers from
 * other domains may pass their own transaction as ctx.db so that index and record change together.
 */
export async function indexDocuments(ctx: IndexCtx, docs: SearchDocumentInput[]): Promise<void> {
  const at = nowIso();
  const fields = docs.length > 0 ? await loadFields(ctx.db) : [];
  const vocabulary = new VocabularyCounter();
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    const values = batch.map((d) => row(d, at));
    const known = await ctx.db
      .selectFrom('search_documents')
      .select(['doc_type', 'source_id'])
      .where((eb) => {
        // One IN list per type (a page is mostly one or two types), not one OR branch per document.
        const byType = new Map<string, number[]>();
        for (const d of batch) {
          const ids = byType.get(d.type);
          if (ids) ids.push(d.sourceId);
          else byType.set(d.type, [d.sourceId]);
        }
        return eb.or(
          [...byType].map(([type, ids]) => eb.and([eb('doc_type', '=', type), eb('source_id', 'in', ids)])),
        );
      })
      .execute();
    const existing = new Set(known.map((k) => `${k.doc_type}\u0000${k.source_id}`));
    for (const d of batch) {
      if (!existing.has(`${d.type}\u0000${d.sourceId}`))
        vocabulary.add(`${d.title} ${d.text.slice(0, MAX_INDEXED_CHARS)}`);
    }
    const upsert = ctx.db
      .insertInto('search_documents')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['doc_type', 'source_id']).doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          text: eb.ref('excluded.text'),
          date: eb.ref('excluded.date'),
          year: eb.ref('excluded.year'),
          is_public: eb.ref('excluded.is_public'),
          owner_organization_id: eb.ref('excluded.owner_organization_id'),
          body_id: eb.ref('excluded.body_id'),
          body_name: eb.ref('excluded.body_name'),
          committee: eb.ref('excluded.committee'),
          paper_type: eb.ref('excluded.paper_type'),
          url: eb.ref('excluded.url'),
          indexed_at: eb.ref('excluded.indexed_at'),
        })),
      )
      .returning(['id', 'doc_type', 'source_id']);
    const ids = await upsert.execute();
    const batchIds = ids.map((r) => r.id);
    // Classification first: its fields of action are part of the full-text meta tokens.
    if (fields.length > 0) await classifyDocuments(ctx.db, batchIds, fields);
    await writeFullText(ctx, batchIds);
  }
  await saveVocabulary(ctx, vocabulary);
}

/** Removes documents of one type from the index (their classifications go with them). */
export async function removeDocuments(ctx: IndexCtx, docType: string, sourceIds: number[]): Promise<void> {
  for (let i = 0; i < sourceIds.length; i += BATCH) {
    const chunk = sourceIds.slice(i, i + BATCH);
    const gone = await ctx.db
      .deleteFrom('search_documents')
      .where('doc_type', '=', docType)
      .where('source_id', 'in', chunk)
      .returning('fts_key')
      .execute();
    await deleteFullText(
      ctx.db,
      ctx.dialect,
      gone.map((g) => g.fts_key),
    );
    await ctx.db
      .deleteFrom('classifications')
      .where('doc_type', '=', docType)
      .where('source_id', 'in', chunk)
      .execute();
  }
}
