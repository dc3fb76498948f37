import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../app/schema.js';
import type { Actor } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';
import { findProgrammeById, listChangesOf } from '../repository.js';
import type { programmeListQuery } from '../schemas.js';
import { assertReadable } from './access.js';
import { listCalls } from './list-calls.js';
import { presentChange, presentProgramme } from './presenters.js';

export async function listProgrammes(
  db: Kysely<DB>,
  actor: Actor,
  query: z.infer<typeof programmeListQuery>,
) {
  let q = db.selectFrom('funding_programmes as p').where(visibleWhere(actor, 'p'));
  if (query.includeWithdrawn !== 'true') q = q.where('p.withdrawn_at', 'is', null);
  if (query.giverLevel) q = q.where('p.giver_level', '=', query.giverLevel);
  if (query.source) q = q.where('p.source', '=', query.source);
  if (query.q?.trim()) {
    const pattern = `%${query.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(
      sql<boolean>`(lower(p.title) like ${pattern} escape '\\' or lower(coalesce(p.giver_name, '')) like ${pattern} escape '\\')`,
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('p')
    .orderBy('p.title')
    .orderBy('p.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return {
    items: rows.map((r) => {
      const p = presentProgramme(r);
      return {
        id: p.id,
        title: p.title,
        giverLevel: p.giverLevel,
        giverName: p.giverName,
        fundingTypes: p.fundingTypes,
        regions: p.regions,
        source: p.source,
        sourceUrl: p.sourceUrl,
        attribution: p.attribution,
        withdrawnAt: p.withdrawnAt,
      };
    }),
    total: Number(total.n),
  };
}

/** A programme with its verbatim text, attribution line, its calls and its history. */
export async function getProgrammeDetail(db: Kysely<DB>, actor: Actor, id: number) {
  const p = await findProgrammeById(db, id);
  assertReadable(actor, p, 'Programme');
  const { items: calls } = await listCalls(db, actor, {
    programmeId: id,
    limit: 500,
    offset: 0,
    format: 'json',
    includeWithdrawn: 'true',
  });
  const history = await listChangesOf(db, 'programme', id);
  return { ...presentProgramme(p), calls, history: history.map(presentChange) };
}
