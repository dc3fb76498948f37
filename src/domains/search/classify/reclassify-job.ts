import { z } from 'zod';
import type { AppContext } from '../../../app/context.js';
import { defineJob, type JobDefinition } from '../../../infra/jobs/runner.js';
import { writeFullText } from '../fts-write.js';
import { classifyDocuments, loadFields, rulesFingerprint } from './classify-documents.js';

const SETTING = 'search.rules_fingerprint';
const PAGE = 500;

/**
 * Re-classifies every indexed document when the rules of the fields of action changed (checked
 * every 15 minutes by fingerprint; `force` runs it regardless, e.g. right after an edit).
 */
export function reclassifyJob(ctx: AppContext): JobDefinition {
  return defineJob({
    type: 'search.reclassify',
    payload: z.object({ force: z.boolean().default(false) }),
    schedule: { everyMinutes: 15 },
    handler: async ({ force }, progress) => {
      const fingerprint = await rulesFingerprint(ctx.db);
      const stored = await ctx.db
        .selectFrom('app_settings')
        .select('value')
        .where('key', '=', SETTING)
        .executeTakeFirst();
      if (!force && stored?.value === fingerprint) return { skipped: true };
      const fields = await loadFields(ctx.db);
      const { n } = await ctx.db
        .selectFrom('search_documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      let done = 0;
      let classifications = 0;
      let after = 0;
      for (;;) {
        const ids = (
          await ctx.db
            .selectFrom('search_documents')
            .select('id')
            .where('id', '>', after)
            .orderBy('id')
            .limit(PAGE)
            .execute()
        ).map((r) => r.id);
        if (ids.length === 0) break;
        const result = await classifyDocuments(ctx.db, ids, fields);
        classifications += result.stored;
        await writeFullText(ctx, result.changed, { textChanged: false });
        done += ids.length;
        after = ids[ids.length - 1];
        await progress(done, Number(n), `${done} / ${n}`);
      }
      await ctx.db
        .insertInto('app_settings')
        .values({ key: SETTING, value: fingerprint })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: fingerprint }))
        .execute();
      return { documents: done, classifications };
    },
  });
}
