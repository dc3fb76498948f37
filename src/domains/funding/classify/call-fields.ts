import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { loadFields } from '../../search/classify/classify-documents.js';
import { analyse, classifyAnalysed } from '../../search/classify/classify-text.js';

const list = (s: string | null): string[] => {
  try {
    const v: unknown = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** key (or id as text when a field has no key) of every field of action, by id */
async function fieldKeys(db: Kysely<DB>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('fields_of_action').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.id, r.key ?? String(r.id)]));
}

/**
 * The fields a call counts under: the office's choice when it made one; else what the source names
 * and what the classifier read in its texts. Written to `effective_fields` (lists, filters,
 * matching and alerts read it). Returns true when it changed.
 */
export async function refreshEffectiveFields(
  db: Kysely<DB>,
  callId: number,
  keys?: Map<number, string>,
): Promise<boolean> {
  const call = await db
    .selectFrom('funding_calls')
    .select(['fields_of_action', 'office_fields', 'effective_fields'])
    .where('id', '=', callId)
    .executeTakeFirst();
  if (!call) return false;
  let effective: string[];
  if (call.office_fields !== null) effective = list(call.office_fields);
  else {
    const byId = keys ?? (await fieldKeys(db));
    const classified = await db
      .selectFrom('funding_call_classifications')
      .select('field_id')
      .where('call_id', '=', callId)
      .orderBy('score', 'desc')
      .execute();
    effective = [
      ...new Set([
        ...list(call.fields_of_action),
        ...classified.map((c) => byId.get(c.field_id) ?? String(c.field_id)),
      ]),
    ];
  }
  const json = JSON.stringify(effective);
  if (json === call.effective_fields) return false;
  await db.updateTable('funding_calls').set({ effective_fields: json }).where('id', '=', callId).execute();
  return true;
}

/** A call's words for the classifier: its own text, then its programme's when the same people may see both. */
function callText(c: {
  text: string | null;
  p_keywords: string | null;
  p_summary: string | null;
  p_body: string | null;
  p_areas: string | null;
}): string {
  return [c.text, c.p_keywords, list(c.p_areas).join(' '), c.p_summary, c.p_body]
    .filter((x): x is string => Boolean(x?.trim()))
    .join('\n')
    .replace(/<[^>]+>/g, ' ');
}

/**
 * Classifies calls into the fields of action with the same rules as council papers (search/classify):
 * one row per field with the words that matched (the reasons a person can check), then their
 * effective fields. `callIds` null: every live call.
 */
export async function classifyCalls(
  db: Kysely<DB>,
  callIds: number[] | null,
): Promise<{ calls: number; classified: number; changed: number }> {
  const fields = await loadFields(db);
  const keys = await fieldKeys(db);
  let q = db
    .selectFrom('funding_calls as c')
    // the programme lends its words only where it is no more private than the call
    .leftJoin('funding_programmes as p', (j) =>
      j
        .onRef('p.id', '=', 'c.programme_id')
        .on((eb) =>
          eb.or([
            eb('p.is_public', '=', 1),
            eb('p.owner_organization_id', '=', eb.ref('c.owner_organization_id')),
          ]),
        ),
    )
    .select([
      'c.id',
      'c.title',
      'c.text',
      'p.keywords as p_keywords',
      'p.summary as p_summary',
      'p.body as p_body',
      'p.funding_areas as p_areas',
    ])
    .where('c.withdrawn_at', 'is', null);
  if (callIds) {
    if (callIds.length === 0) return { calls: 0, classified: 0, changed: 0 };
    q = q.where('c.id', 'in', callIds);
  }
  const calls = await q.execute();
  const at = nowIso();
  let classified = 0;
  let changed = 0;
  for (const c of calls) {
    const result = fields.length ? classifyAnalysed(analyse(c.title, callText(c)), fields) : [];
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('funding_call_classifications').where('call_id', '=', c.id).execute();
      if (result.length)
        await trx
          .insertInto('funding_call_classifications')
          .values(
            result.map((r) => ({
              call_id: c.id,
              field_id: r.fieldId,
              score: r.score,
              matched_terms: JSON.stringify(r.matchedTerms),
              classified_at: at,
            })),
          )
          .execute();
      if (await refreshEffectiveFields(trx, c.id, keys)) changed++;
    });
    if (result.length) classified++;
  }
  return { calls: calls.length, classified, changed };
}

export interface CallFieldReading {
  key: string;
  name: string;
  score: number;
  matchedTerms: string[];
}

/** The classifier's reading of one call, strongest first (for the call page and the office's correction). */
export async function callFieldReadings(db: Kysely<DB>, callId: number): Promise<CallFieldReading[]> {
  const rows = await db
    .selectFrom('funding_call_classifications as c')
    .innerJoin('fields_of_action as f', 'f.id', 'c.field_id')
    .select(['f.id', 'f.key', 'f.name', 'c.score', 'c.matched_terms'])
    .where('c.call_id', '=', callId)
    .orderBy('c.score', 'desc')
    .execute();
  return rows.map((r) => ({
    key: r.key ?? String(r.id),
    name: r.name,
    score: Number(r.score),
    matchedTerms: list(r.matched_terms),
  }));
}
