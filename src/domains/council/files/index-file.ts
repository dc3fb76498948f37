import type { Kysely } from 'kysely';
import type { AppContext } from '../../../app/context.js';
import type { DB } from '../../../app/schema.js';
import { indexDocuments } from '../../search/indexer.js';

/**
 * Indexes one file with its extracted text. A file is never more public than the paper it is
 * attached to, even if the file row itself says public (e.g. listed on its own before the paper).
 */
export async function indexFileDocument(
  ctx: { db: Kysely<DB>; dialect: AppContext['dialect'] },
  fileId: number,
): Promise<void> {
  const r = await ctx.db
    .selectFrom('council_files as f')
    .leftJoin('council_papers as p', 'p.oparl_id', 'f.parent_oparl_id')
    .leftJoin('council_bodies as b', 'b.oparl_id', 'f.body_oparl_id')
    .select([
      'f.id',
      'f.oparl_id',
      'f.name',
      'f.file_name',
      'f.text',
      'f.file_date',
      'f.is_public',
      'f.access_url',
      'p.is_public as paper_public',
      'b.id as body_id',
      'b.name as body_name',
    ])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!r) return;
  await indexDocuments(ctx, [
    {
      type: 'file',
      sourceId: r.id,
      title: r.name ?? r.file_name ?? r.oparl_id,
      text: r.text ?? r.file_name ?? '',
      date: r.file_date,
      isPublic: r.is_public === 1 && r.paper_public !== 0,
      ownerOrganizationId: null,
      bodyId: r.body_id,
      bodyName: r.body_name,
      committee: null,
      paperType: null,
      url: r.access_url ?? r.oparl_id,
    },
  ]);
}
