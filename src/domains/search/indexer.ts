import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import { nowIso } from '../../infra/db/columns.js';
import { classifyDocuments, loadFields } from './classify/classify-documents.js';
import { stemText } from './text/stem.js';
import type { SearchDocumentInput } from './types.js';
import { saveVocabulary, VocabularyCounter } from './vocabulary.js';

export type { SearchDocumentInput } from './types.js';

/** PostgreSQL refuses tsvectors over 1 MB; long file texts are indexed by their beginning. */
const MAX_INDEXED_CHARS = 400_000;
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
      .where((eb) =>
        eb.or(batch.map((d) => eb.and([eb('doc_type', '=', d.type), eb('source_id', '=', d.sourceId)]))),
      )
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
    const idOf = new Map(ids.map((r) => [`${r.doc_type}\u0000${r.source_id}`, r.id]));
    if (ctx.dialect === 'sqlite') {
      await writeFts(ctx, batch, idOf, existing);
    } else {
      await sql`update search_documents set tsv =
          setweight(to_tsvector('german', title), 'A') ||
          setweight(to_tsvector('german', left(text, ${MAX_INDEXED_CHARS})), 'B')
        where id in (${sql.join(ids.map((r) => r.id))})`.execute(ctx.db);
    }
    if (fields.length > 0)
      await classifyDocuments(
        ctx.db,
        ids.map((r) => r.id),
        fields,
      );
  }
  await saveVocabulary(ctx, vocabulary);
}

async function writeFts(
  ctx: IndexCtx,
  batch: SearchDocumentInput[],
  idOf: Map<string, number>,
  existing: Set<string>,
): Promise<void> {
  // Only documents that were indexed before have old FTS entries to drop.
  const stale = [...existing].map((k) => idOf.get(k)).filter((id): id is number => id !== undefined);
  if (stale.length > 0) await sql`delete from search_fts where rowid in (${sql.join(stale)})`.execute(ctx.db);
  const rows = batch.map((d) => {
    const id = idOf.get(`${d.type}\u0000${d.sourceId}`);
    return sql`(${id}, ${stemText(d.title)}, ${stemText(d.text.slice(0, MAX_INDEXED_CHARS))})`;
  });
  await sql`insert into search_fts(rowid, stem_title, stem_text) values ${sql.join(rows)}`.execute(ctx.db);
}

/** Removes documents of one type from the index (their classifications go with them). */
export async function removeDocuments(ctx: IndexCtx, docType: string, sourceIds: number[]): Promise<void> {
  for (let i = 0; i < sourceIds.length; i += BATCH) {
    const chunk = sourceIds.slice(i, i + BATCH);
    const gone = await ctx.db
      .deleteFrom('search_documents')
      .where('doc_type', '=', docType)
      .where('source_id', 'in', chunk)
      .returning('id')
      .execute();
    if (ctx.dialect === 'sqlite' && gone.length > 0) {
      await sql`delete from search_fts where rowid in (${sql.join(gone.map((g) => g.id))})`.execute(ctx.db);
    }
    await ctx.db
      .deleteFrom('classifications')
      .where('doc_type', '=', docType)
      .where('source_id', 'in', chunk)
      .execute();
  }
}
