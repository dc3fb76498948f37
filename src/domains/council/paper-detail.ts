import type { AppContext } from '../../app/context.js';
import { NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { visibleWhere } from '../access/policy.js';
import { classificationsOf } from '../search/classify/classifications-service.js';
import { assertVisible, bodyRef, organizationNames, parseIds, webLink } from './read-helpers.js';
import { storedFieldSources } from './vorlage/field-sources.js';
import { LOCAL_SOURCE_URL } from './vorlage/paper-store.js';
import { impactsSchema } from './vorlage/schemas.js';

/** Parsed Vorlage fields are stored as JSON; what does not parse is shown as not known. */
function parseImpacts(json: string | null) {
  if (!json) return null;
  try {
    const parsed = impactsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function firstDepartment(json: string | null): string | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
  } catch {
    return null;
  }
}

/** The paper's fields of action with the words that matched; none when it is not indexed (yet). */
async function fieldsOf(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  try {
    return (await classificationsOf(ctx, actor, 'paper', id)).map((c) => ({
      id: c.fieldId,
      name: c.name,
      matchedTerms: c.matchedTerms,
    }));
  } catch (err) {
    if (err instanceof NotFoundError) return [];
    throw err;
  }
}

/**
 * One paper with its consultations as a timeline (with the agenda item's result), its files, its
 * fields of action, the parsed Vorlage fields and the link to its source.
 */
export async function getPaperDetail(ctx: Pick<AppContext, 'db'>, actor: Actor, id: number) {
  const paper = assertVisible(
    actor,
    await ctx.db.selectFrom('council_papers').selectAll().where('id', '=', id).executeTakeFirst(),
    'Paper',
  );
  const consultations = await ctx.db
    .selectFrom('council_consultations as c')
    .leftJoin('council_meetings as m', 'm.oparl_id', 'c.meeting_oparl_id')
    .leftJoin('council_agenda_items as a', 'a.oparl_id', 'c.agenda_item_oparl_id')
    .select([
      'c.id',
      'c.role',
      'c.authoritative',
      'c.organization_ids_json',
      'm.id as meeting_id',
      'm.name as meeting_name',
      'm.start_at',
      'm.cancelled',
      'a.number as agenda_number',
      'a.result',
    ])
    .where('c.paper_oparl_id', '=', paper.oparl_id)
    .where('c.deleted', '=', 0)
    .where(visibleWhere(actor, 'c'))
    // A public paper discussed under a nichtöffentlich agenda item: the consultation is as hidden as the item.
    .where((eb) => eb.or([eb('a.id', 'is', null), visibleWhere(actor, 'a')]))
    .orderBy('m.start_at')
    .orderBy('c.id')
    .execute();
  const orgs = await organizationNames(
    ctx.db,
    consultations.flatMap((c) => parseIds(c.organization_ids_json)),
  );
  const files = await ctx.db
    .selectFrom('council_files as f')
    .select([
      'f.id',
      'f.name',
      'f.file_name',
      'f.mime_type',
      'f.size',
      'f.access_url',
      'f.download_url',
      'f.file_date',
      'f.parent_role',
    ])
    .where('f.parent_oparl_id', '=', paper.oparl_id)
    .where('f.deleted', '=', 0)
    .where(visibleWhere(actor, 'f'))
    .orderBy('f.id')
    .execute();
  const source = await ctx.db
    .selectFrom('council_sources')
    .select('system_url')
    .where('id', '=', paper.source_id)
    .executeTakeFirst();
  const impacts = parseImpacts(paper.impacts_json);
  const department = firstDepartment(paper.departments_json);
  return {
    id: paper.id,
    name: paper.name,
    reference: paper.reference,
    date: paper.paper_date,
    paperType: paper.paper_type,
    isPublic: paper.is_public === 1,
    body: await bodyRef(ctx.db, paper.body_oparl_id),
    decisionKind: paper.decision_kind,
    fileReference: paper.file_reference,
    department,
    handler: paper.handler,
    impacts,
    fieldsOfAction: await fieldsOf(ctx, actor, paper.id),
    draftResolution: paper.draft_resolution,
    statementOfFacts: paper.statement_of_facts,
    sourceUrl: paper.oparl_id,
    webUrl: webLink(paper.raw_json),
    modified: paper.oparl_modified,
    consultations: consultations.map((c) => ({
      id: c.id,
      role: c.role,
      authoritative: c.authoritative == null ? null : c.authoritative === 1,
      date: c.start_at ?? null,
      agendaItem: c.agenda_number ?? null,
      result: c.result ?? null,
      meeting:
        c.meeting_id == null
          ? null
          : { id: c.meeting_id, name: c.meeting_name ?? null, cancelled: c.cancelled === 1 },
      organizations: parseIds(c.organization_ids_json)
        .map((o) => orgs.get(o))
        .filter((o): o is { id: number; name: string | null } => o !== undefined),
    })),
    // Which source each field comes from: the council system's OParl record or the Vorlage text.
    fieldSources: storedFieldSources({
      fromOparl: source?.system_url !== LOCAL_SOURCE_URL,
      reference: paper.reference,
      name: paper.name,
      date: paper.paper_date,
      paperType: paper.paper_type,
      hasConsultations: consultations.length > 0,
      parsed: {
        decisionKind: paper.decision_kind,
        department,
        handler: paper.handler,
        fileReference: paper.file_reference,
        impacts: impacts && Object.values(impacts).some((v) => v !== 'unknown') ? impacts : null,
        draftResolution: paper.draft_resolution,
        statementOfFacts: paper.statement_of_facts,
      },
    }),
    files: files.map((f) => ({
      id: f.id,
      name: f.name,
      fileName: f.file_name,
      mimeType: f.mime_type,
      size: f.size,
      accessUrl: f.access_url,
      downloadUrl: f.download_url,
      date: f.file_date,
      role: f.parent_role,
    })),
  };
}
