import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';

/** Typed queries for storing parsed Vorlagen in the council tables. */

/** Parsed Vorlagen without an OParl record hang off this pseudo source. */
export const LOCAL_SOURCE_URL = 'local:vorlage-import';

export function findBody(db: Kysely<DB>, name: string) {
  return db
    .selectFrom('council_bodies')
    .select(['oparl_id', 'name'])
    .where('deleted', '=', 0)
    .where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)]))
    .orderBy('id')
    .executeTakeFirst();
}

export function findPapersByReference(db: Kysely<DB>, reference: string, bodyOparlId: string | null) {
  let q = db
    .selectFrom('council_papers')
    .selectAll()
    .where('reference', '=', reference)
    .where('deleted', '=', 0);
  if (bodyOparlId) q = q.where('body_oparl_id', '=', bodyOparlId);
  return q.orderBy('id').execute();
}

export function findPaperByOparlId(db: Kysely<DB>, oparlId: string) {
  return db.selectFrom('council_papers').selectAll().where('oparl_id', '=', oparlId).executeTakeFirst();
}

export async function ensureLocalSource(db: Kysely<DB>, now: string): Promise<number> {
  const existing = await db
    .selectFrom('council_sources')
    .select('id')
    .where('system_url', '=', LOCAL_SOURCE_URL)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('council_sources')
    .values({
      system_url: LOCAL_SOURCE_URL,
      name: 'Lokal importierte Vorlagen',
      oparl_version: null,
      last_sync_started_at: null,
      last_sync_finished_at: null,
      last_sync_status: null,
      last_error: null,
      counts_json: null,
      error_count: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ParsedColumns {
  decision_kind: string | null;
  file_reference: string | null;
  departments_json: string | null;
  handler: string | null;
  draft_resolution: string | null;
  statement_of_facts: string | null;
  impacts_json: string;
  parse_confidence_json: string;
  parsed_at: string;
  updated_at: string;
}

export async function updateParsedColumns(db: Kysely<DB>, id: number, cols: ParsedColumns): Promise<void> {
  await db.updateTable('council_papers').set(cols).where('id', '=', id).execute();
}

export async function insertLocalPaper(
  db: Kysely<DB>,
  row: ParsedColumns & {
    oparl_id: string;
    source_id: number;
    body_oparl_id: string | null;
    name: string | null;
    raw_json: string;
    is_public: number;
    reference: string | null;
    paper_date: string | null;
    owner_organization_id: number | null;
    created_at: string;
  },
): Promise<number> {
  const saved = await db
    .insertInto('council_papers')
    .values({
      ...row,
      oparl_created: null,
      oparl_modified: null,
      deleted: 0,
      quirks_json: null,
      paper_type: null,
      main_file_oparl_id: null,
      under_direction_of_json: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function organizationIdsByName(db: Kysely<DB>, bodyOparlId: string | null, names: string[]) {
  if (names.length === 0) return new Map<string, string>();
  let q = db
    .selectFrom('council_organizations')
    .select(['oparl_id', 'name'])
    .where('name', 'in', names)
    .where('deleted', '=', 0);
  if (bodyOparlId) q = q.where('body_oparl_id', '=', bodyOparlId);
  const rows = await q.orderBy('id').execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.name && !out.has(r.name)) out.set(r.name, r.oparl_id);
  return out;
}

export async function replaceLocalConsultations(
  db: Kysely<DB>,
  paperOparlId: string,
  rows: {
    oparl_id: string;
    source_id: number;
    body_oparl_id: string | null;
    name: string;
    raw_json: string;
    is_public: number;
    organization_ids_json: string | null;
    role: string | null;
    owner_organization_id: number | null;
    created_at: string;
    updated_at: string;
  }[],
): Promise<void> {
  await db.deleteFrom('council_consultations').where('paper_oparl_id', '=', paperOparlId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('council_consultations')
    .values(
      rows.map((r) => ({
        ...r,
        paper_oparl_id: paperOparlId,
        meeting_oparl_id: null,
        agenda_item_oparl_id: null,
        authoritative: 0,
        oparl_created: null,
        oparl_modified: null,
        deleted: 0,
        quirks_json: null,
      })),
    )
    .execute();
}

/** The fields of action the classifier gave a paper when it was indexed, with the words that matched. */
export async function paperFieldsOfAction(db: Kysely<DB>, paperId: number) {
  const rows = await db
    .selectFrom('classifications as c')
    .innerJoin('fields_of_action as f', 'f.id', 'c.field_id')
    .select(['f.id', 'f.name', 'c.matched_terms'])
    .where('c.doc_type', '=', 'paper')
    .where('c.source_id', '=', paperId)
    .orderBy('c.score', 'desc')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, matchedTerms: JSON.parse(r.matched_terms) as string[] }));
}

/** A body known without OParl source (demo data), found by name or created under the local source. */
export async function ensureLocalBody(
  db: Kysely<DB>,
  body: { name: string; shortName: string; ags: string; website: string },
): Promise<string> {
  const existing = await findBody(db, body.name);
  if (existing) return existing.oparl_id;
  const now = nowIso();
  const oparlId = `urn:regiolotse:body:${body.ags}`;
  await db
    .insertInto('council_bodies')
    .values({
      oparl_id: oparlId,
      source_id: await ensureLocalSource(db, now),
      body_oparl_id: null,
      name: body.name,
      short_name: body.shortName,
      ags: body.ags,
      website: body.website,
      system_oparl_id: null,
      raw_json: JSON.stringify({ name: body.name, shortName: body.shortName, ags: body.ags }),
      oparl_created: null,
      oparl_modified: null,
      deleted: 0,
      quirks_json: null,
      is_public: 1,
      owner_organization_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return oparlId;
}
