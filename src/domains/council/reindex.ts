import type { AppContext } from '../../app/context.js';
import { type ObjectKind, tableOf } from './oparl/kinds.js';
import { indexSyncedObjects } from './oparl/search-sync.js';

const indexedKinds: ObjectKind[] = ['Paper', 'Meeting', 'File', 'Organization'];

/** Rebuilds the search documents of all council objects (after a dump was imported). */
export async function reindexCouncil(ctx: Pick<AppContext, 'db' | 'dialect'>): Promise<number> {
  let done = 0;
  for (const kind of indexedKinds) {
    let after = 0;
    for (;;) {
      const rows = await ctx.db
        .selectFrom(tableOf[kind])
        .select(['id', 'oparl_id', 'deleted'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(500)
        .execute();
      if (rows.length === 0) break;
      await indexSyncedObjects(
        ctx,
        rows.map((r) => ({ kind, id: r.id, oparlId: r.oparl_id, deleted: r.deleted === 1, quirks: [] })),
      );
      done += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
  return done;
}
