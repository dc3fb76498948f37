import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { indexDocuments, removeDocuments, type SearchDocumentInput } from '../../search/indexer.js';
import type { UpsertResult } from './upsert-object.js';

type Ctx = { db: Kysely<DB>; dialect: AppContext['dialect'] };

// Council organisations are committees (Gremien); 'organization' belongs to the directory's records.
const docType = { Paper: 'paper', Meeting: 'meeting', File: 'file', Organization: 'committee' } as const;
type Indexed = keyof typeof docType;

const parseList = (v: string | null): string[] => (v ? (JSON.parse(v) as string[]) : []);

async function bodies(db: Kysely<DB>, oparlIds: (string | null)[]) {
  const ids = [...new Set(oparlIds.filter((x): x is string => x != null))];
  if (ids.length === 0) return new Map<string, { id: number; name: string | null }>();
  const rows = await db
    .selectFrom('council_bodies')
    .select(['id', 'oparl_id', 'name'])
    .where('oparl_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.oparl_id, { id: r.id, name: r.name }]));
}

async function orgNames(db: Kysely<DB>, oparlIds: string[]) {
  const ids = [...new Set(oparlIds)];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('council_organizations')
    .select(['oparl_id', 'name'])
    .where('oparl_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.oparl_id, r.name ?? '']));
}

/** Builds the search documents for what a page stored (papers, meetings, files, committees). */
async function documentsFor(db: Kysely<DB>, kind: Indexed, ids: number[]): Promise<SearchDocumentInput[]> {
  const base = {
    type: docType[kind],
    ownerOrganizationId: null,
    committee: null,
    paperType: null,
    url: null,
  };
  if (kind === 'Paper') {
    const rows = await db.selectFrom('council_papers').selectAll().where('id', 'in', ids).execute();
    const b = await bodies(
      db,
      rows.map((r) => r.body_oparl_id),
    );
    const cons = await db
      .selectFrom('council_consultations as c')
      .leftJoin('council_agenda_items as a', 'a.oparl_id', 'c.agenda_item_oparl_id')
      .select(['c.paper_oparl_id', 'c.organization_ids_json', 'a.is_public as item_public'])
      .where(
        'c.paper_oparl_id',
        'in',
        rows.map((r) => r.oparl_id),
      )
      .execute();
    const orgs = await orgNames(
      db,
      cons.flatMap((c) => parseList(c.organization_ids_json)),
    );
    return rows.map((r) => {
      // A public paper's committee must not come from a consultation under a nichtöffentlich item.
      const committee = cons
        .filter((c) => c.paper_oparl_id === r.oparl_id && (c.item_public !== 0 || r.is_public === 0))
        .flatMap((c) => parseList(c.organization_ids_json))
        .map((o) => orgs.get(o))
        .find(Boolean);
      return {
        ...base,
        sourceId: r.id,
        title: r.name ?? r.reference ?? r.oparl_id,
        text: [r.reference, r.paper_type, r.draft_resolution, r.statement_of_facts]
          .filter(Boolean)
          .join('\n'),
        date: r.paper_date,
        isPublic: r.is_public === 1,
        bodyId: b.get(r.body_oparl_id ?? '')?.id ?? null,
        bodyName: b.get(r.body_oparl_id ?? '')?.name ?? null,
        committee: committee ?? null,
        paperType: r.paper_type,
        // Our page (with the link to the source), not the OParl JSON.
        url: `/council/papers/${r.id}`,
      };
    });
  }
  if (kind === 'Meeting') {
    const rows = await db.selectFrom('council_meetings').selectAll().where('id', 'in', ids).execute();
    const b = await bodies(
      db,
      rows.map((r) => r.body_oparl_id),
    );
    const orgs = await orgNames(
      db,
      rows.flatMap((r) => parseList(r.organization_ids_json)),
    );
    return rows.map((r) => {
      const committee =
        parseList(r.organization_ids_json)
          .map((o) => orgs.get(o))
          .find(Boolean) ?? null;
      return {
        ...base,
        sourceId: r.id,
        title: r.name ?? r.oparl_id,
        text: [committee, r.cancelled ? 'abgesagt' : null].filter(Boolean).join('\n'),
        date: r.start_at ? r.start_at.slice(0, 10) : null,
        isPublic: r.is_public === 1,
        bodyId: b.get(r.body_oparl_id ?? '')?.id ?? null,
        bodyName: b.get(r.body_oparl_id ?? '')?.name ?? null,
        committee,
        url: `/council/meetings/${r.id}`,
      };
    });
  }
  if (kind === 'File') {
    const rows = await db.selectFrom('council_files').selectAll().where('id', 'in', ids).execute();
    const b = await bodies(
      db,
      rows.map((r) => r.body_oparl_id),
    );
    return rows.map((r) => ({
      ...base,
      sourceId: r.id,
      title: r.name ?? r.file_name ?? r.oparl_id,
      text: r.text ?? r.file_name ?? '',
      date: r.file_date,
      isPublic: r.is_public === 1,
      bodyId: b.get(r.body_oparl_id ?? '')?.id ?? null,
      bodyName: b.get(r.body_oparl_id ?? '')?.name ?? null,
      url: r.access_url ?? r.oparl_id,
    }));
  }
  const rows = await db.selectFrom('council_organizations').selectAll().where('id', 'in', ids).execute();
  const b = await bodies(
    db,
    rows.map((r) => r.body_oparl_id),
  );
  return rows.map((r) => ({
    ...base,
    sourceId: r.id,
    title: r.name ?? r.oparl_id,
    text: [r.short_name, r.organization_type, r.classification].filter(Boolean).join('\n'),
    date: r.start_date,
    // Imported committees are public; one kept non-public (by hand) stays as restricted in the index.
    isPublic: r.is_public === 1,
    ownerOrganizationId: r.owner_organization_id,
    bodyId: b.get(r.body_oparl_id ?? '')?.id ?? null,
    bodyName: b.get(r.body_oparl_id ?? '')?.name ?? null,
    url: `/council/organizations/${r.id}`,
  }));
}

/**
 * Keeps the search index in step with a stored page: deleted objects leave it, the rest is upserted
 * in one call for all kinds (one classification pass, one vocabulary update, one full-text write).
 */
export async function indexSyncedObjects(ctx: Ctx, stored: UpsertResult[]): Promise<void> {
  const docs: SearchDocumentInput[] = [];
  for (const kind of Object.keys(docType) as Indexed[]) {
    const mine = stored.filter((s) => s.kind === kind);
    if (mine.length === 0) continue;
    const gone = [...new Set(mine.filter((s) => s.deleted).map((s) => s.id))];
    const live = [...new Set(mine.filter((s) => !s.deleted).map((s) => s.id))].filter(
      (id) => !gone.includes(id),
    );
    if (gone.length) await removeDocuments(ctx, docType[kind], gone);
    if (live.length) docs.push(...(await documentsFor(ctx.db, kind, live)));
  }
  if (docs.length) await indexDocuments(ctx, docs);
}
