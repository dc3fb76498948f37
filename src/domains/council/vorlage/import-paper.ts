import { createHash } from 'node:crypto';
import type { AppContext } from '../../../app/context.js';
import { nowIso } from '../../../infra/db/columns.js';
import { BadRequestError, ForbiddenError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertCanWrite, seesEverything } from '../../access/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import { indexSyncedObjects } from '../oparl/search-sync.js';
import type { OparlPaperFacts } from './field-sources.js';
import {
  ensureLocalSource,
  findBody,
  findPaperByOparlId,
  findPapersByReference,
  insertLocalPaper,
  LOCAL_SOURCE_URL,
  organizationIdsByName,
  type ParsedColumns,
  replaceLocalConsultations,
  updateParsedColumns,
} from './paper-store.js';
import type { ParsedPaper } from './schemas.js';

export interface ImportPaperInput {
  paper: ParsedPaper;
  /** The file's bytes: a paper without OParl record is keyed by their hash, so re-imports update it. */
  fileBytes: Uint8Array;
  bodyName?: string;
}

export interface ImportPaperResult {
  id: number;
  oparlId: string;
  /** 'enriched': an OParl paper with the same reference got the parsed fields; 'created': a local paper. */
  mode: 'enriched' | 'created' | 'updated';
  consultations: number;
  /** For 'enriched': what the OParl record says, to combine with the text (field-sources.ts). */
  oparl?: OparlPaperFacts;
}

/** The file cannot be stored as asked (unknown body, ambiguous reference); a 400 over HTTP. */
export class ImportPaperError extends BadRequestError {}

/** A paper without OParl record is keyed by the hash of its file: the same file always maps to it. */
export function localPaperOparlId(fileBytes: Uint8Array): string {
  return `urn:regiolotse:vorlage:${createHash('sha256').update(fileBytes).digest('hex')}`;
}

function parsedColumns(p: ParsedPaper, now: string): ParsedColumns {
  return {
    decision_kind: p.decisionKind,
    file_reference: p.fileReference,
    departments_json: p.department ? JSON.stringify([p.department]) : null,
    handler: p.handler,
    draft_resolution: p.draftResolution,
    statement_of_facts: p.statementOfFacts,
    impacts_json: JSON.stringify(p.impacts),
    parse_confidence_json: JSON.stringify(p.confidence),
    parsed_at: now,
    updated_at: now,
  };
}

/** A partner's upload belongs to the partner's organisation, so it stays visible to them when non-public. */
function ownerFor(actor: Actor): number | null {
  if (seesEverything(actor) || actor.kind !== 'user') return null;
  if (actor.organizationId == null) {
    throw new ForbiddenError(
      'Partner accounts need an organisation to import papers',
      'Partnerkonten brauchen eine Organisation, um Vorlagen zu importieren',
    );
  }
  return actor.organizationId;
}

/**
 * Stores a parsed Vorlage. If the council tables already hold the paper (same reference, and body when
 * given) from an OParl sync, only the parser's columns are filled: OParl stays authoritative for name,
 * date and consultations. Otherwise a local paper with its Beratungsfolge is created. Either way the
 * search index is updated in the same transaction.
 */
export async function importParsedPaper(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  actor: Actor,
  input: ImportPaperInput,
): Promise<ImportPaperResult> {
  const { paper } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const body = input.bodyName ? await findBody(trx, input.bodyName) : null;
    if (input.bodyName && !body) {
      throw new ImportPaperError(
        'BODY_NOT_FOUND',
        `Body "${input.bodyName}" not found`,
        `Gebietskörperschaft "${input.bodyName}" nicht gefunden`,
      );
    }
    const bodyOparlId = body?.oparl_id ?? null;
    const cols = parsedColumns(paper, now);
    const oparlId = localPaperOparlId(input.fileBytes);
    const before = await findPaperByOparlId(trx, oparlId);
    const matches =
      !before && paper.reference ? await findPapersByReference(trx, paper.reference, bodyOparlId) : [];
    if (matches.length > 1) {
      throw new ImportPaperError(
        'REFERENCE_AMBIGUOUS',
        `Paper ${paper.reference} is ambiguous (${matches.length} matches): name the body`,
        `Vorlage ${paper.reference} ist mehrdeutig (${matches.length} Treffer): Gebietskörperschaft angeben`,
      );
    }
    const target = matches[0] ?? before;
    assertCanWrite(actor, target ? { ownerOrganizationId: target.owner_organization_id } : undefined);
    const owner = before ? before.owner_organization_id : ownerFor(actor);
    let result: ImportPaperResult;
    if (matches.length === 1) {
      const existing = matches[0]!;
      await updateParsedColumns(trx, existing.id, cols);
      const source = await trx
        .selectFrom('council_sources')
        .select('system_url')
        .where('id', '=', existing.source_id)
        .executeTakeFirst();
      result = { id: existing.id, oparlId: existing.oparl_id, mode: 'enriched', consultations: 0 };
      if (source?.system_url !== LOCAL_SOURCE_URL) {
        result.oparl = {
          reference: existing.reference,
          name: existing.name,
          date: existing.paper_date,
          paperType: existing.paper_type,
        };
      }
      await recordAudit(trx, {
        actor,
        entityType: 'council_paper',
        entityId: existing.id,
        action: 'import',
        after: cols,
      });
    } else {
      const sourceId = await ensureLocalSource(trx, now);
      // Unknown visibility stays non-public: the text could not tell, so nothing is exposed by guess.
      const isPublic = paper.isPublic === true ? 1 : 0;
      let id: number;
      if (before) {
        id = before.id;
        await updateParsedColumns(trx, id, cols);
      } else {
        id = await insertLocalPaper(trx, {
          ...cols,
          oparl_id: oparlId,
          source_id: sourceId,
          body_oparl_id: bodyOparlId,
          name: paper.title,
          raw_json: JSON.stringify(paper),
          is_public: isPublic,
          reference: paper.reference,
          paper_date: paper.date,
          owner_organization_id: owner,
          created_at: now,
        });
      }
      const orgs = await organizationIdsByName(
        trx,
        bodyOparlId,
        paper.consultations.map((c) => c.committee),
      );
      await replaceLocalConsultations(
        trx,
        oparlId,
        paper.consultations.map((c, i) => ({
          oparl_id: `${oparlId}/consultation/${i + 1}`,
          source_id: sourceId,
          body_oparl_id: bodyOparlId,
          name: c.committee,
          raw_json: JSON.stringify(c),
          is_public: isPublic,
          organization_ids_json: orgs.has(c.committee) ? JSON.stringify([orgs.get(c.committee)]) : null,
          role: c.role,
          owner_organization_id: owner,
          created_at: now,
          updated_at: now,
        })),
      );
      result = {
        id,
        oparlId,
        mode: before ? 'updated' : 'created',
        consultations: paper.consultations.length,
      };
      await recordAudit(trx, {
        actor,
        entityType: 'council_paper',
        entityId: id,
        action: before ? 'update' : 'create',
        before: before ? { parsed_at: before.parsed_at } : undefined,
        after: { reference: paper.reference, title: paper.title, ...cols },
      });
    }
    await indexSyncedObjects({ db: trx, dialect: ctx.dialect }, [
      { kind: 'Paper', id: result.id, oparlId: result.oparlId, deleted: false, quirks: [] },
    ]);
    return result;
  });
}
