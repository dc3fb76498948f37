import type { AppContext } from '../../../app/context.js';
import { NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { canRead } from '../../access/policy.js';

export interface DocumentClassification {
  fieldId: number;
  name: string;
  score: number;
  matchedTerms: string[];
}

/** The fields of action of one indexed document; unknown and invisible documents are both 404. */
export async function classificationsOf(
  ctx: Pick<AppContext, 'db'>,
  actor: Actor,
  docType: string,
  sourceId: number,
): Promise<DocumentClassification[]> {
  const doc = await ctx.db
    .selectFrom('search_documents')
    .select(['is_public', 'owner_organization_id'])
    .where('doc_type', '=', docType)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  if (
    !doc ||
    !canRead(actor, { isPublic: doc.is_public === 1, ownerOrganizationId: doc.owner_organization_id })
  ) {
    throw new NotFoundError('Document');
  }
  const rows = await ctx.db
    .selectFrom('classifications as c')
    .innerJoin('fields_of_action as f', 'f.id', 'c.field_id')
    .select(['c.field_id', 'f.name', 'c.score', 'c.matched_terms'])
    .where('c.doc_type', '=', docType)
    .where('c.source_id', '=', sourceId)
    .orderBy('c.score', 'desc')
    .execute();
  return rows.map((r) => ({
    fieldId: r.field_id,
    name: r.name,
    score: r.score,
    matchedTerms: JSON.parse(r.matched_terms) as string[],
  }));
}
