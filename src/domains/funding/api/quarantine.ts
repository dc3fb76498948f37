import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import type { quarantineQuery } from '../schemas.js';
import { assertOffice } from './access.js';

export async function listQuarantine(db: Kysely<DB>, actor: Actor, query: z.infer<typeof quarantineQuery>) {
  assertOffice(actor);
  let q = db.selectFrom('funding_quarantine');
  if (query.source) q = q.where('source', '=', query.source);
  if (query.includeResolved !== 'true') q = q.where('resolved_at', 'is', null);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      source: r.source,
      file: r.file,
      recordKey: r.record_key,
      raw: r.raw,
      reason: r.reason,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: r.last_seen_at,
      count: r.count,
      resolvedAt: r.resolved_at,
    })),
    total: Number(total.n),
  };
}
