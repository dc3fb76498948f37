import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { analyse, classifyAnalysed } from './classify-text.js';
import { type CompiledField, compileField } from './rules.js';

export async function loadFields(db: Kysely<DB>): Promise<CompiledField[]> {
  const rows = await db
    .selectFrom('fields_of_action')
    .select(['id', 'name', 'rules_json'])
    .orderBy('id')
    .execute();
  return rows.map((r) => compileField(r.id, r.name, r.rules_json));
}

/** A fingerprint of all rules; the reclassify job compares it to decide whether anything changed. */
export async function rulesFingerprint(db: Kysely<DB>): Promise<string> {
  const rows = await db
    .selectFrom('fields_of_action')
    .select(['id', 'name', 'rules_json'])
    .orderBy('id')
    .execute();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/**
 * Classifies the given index rows and replaces their classifications and facet field list.
 * Answers the number of classifications stored and the rows whose field list changed (their
 * full-text meta tokens need rewriting).
 */
export async function classifyDocuments(
  db: Kysely<DB>,
  ids: number[],
  fields: CompiledField[],
): Promise<{ stored: number; changed: number[] }> {
  const changed: number[] = [];
  if (ids.length === 0) return { stored: 0, changed };
  const docs = await db
    .selectFrom('search_documents')
    .select(['id', 'doc_type', 'source_id', 'title', 'text', 'fields_of_action'])
    .where('id', 'in', ids)
    .execute();
  const at = nowIso();
  let stored = 0;
  for (const d of docs) {
    const result = fields.length ? classifyAnalysed(analyse(d.title, d.text), fields) : [];
    await db
      .deleteFrom('classifications')
      .where('doc_type', '=', d.doc_type)
      .where('source_id', '=', d.source_id)
      .execute();
    if (result.length) {
      await db
        .insertInto('classifications')
        .values(
          result.map((c) => ({
            doc_type: d.doc_type,
            source_id: d.source_id,
            field_id: c.fieldId,
            score: c.score,
            matched_terms: JSON.stringify(c.matchedTerms),
            classified_at: at,
          })),
        )
        .execute();
      stored += result.length;
    }
    const list = JSON.stringify(result.map((c) => c.fieldId));
    if (list === d.fields_of_action) continue;
    changed.push(d.id);
    await db.updateTable('search_documents').set({ fields_of_action: list }).where('id', '=', d.id).execute();
  }
  return { stored, changed };
}
