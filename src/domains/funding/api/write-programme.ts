import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { nowIso } from '../../../infra/db/columns.js';
import { NotFoundError } from '../../../infra/http/errors.js';
import { recordAudit } from '../../audit/record-audit.js';
import { findProgrammeById } from '../repository.js';
import type { programmeUpdateBody, programmeWriteBody } from '../schemas.js';
import { contentHash, diffColumns, json } from '../sync/hash.js';
import { recordChange } from '../sync/track.js';
import { assertOffice } from './access.js';
import { presentProgramme } from './presenters.js';
import {
  assertManualRecord,
  assertUpdated,
  assertVersion,
  manualTrackContext,
  type WriteDeps,
} from './write-support.js';

type Body = z.infer<typeof programmeWriteBody>;

function columns(b: Body) {
  return {
    title: b.title,
    giver_level: b.giverLevel,
    giver_name: b.giverName ?? null,
    funding_types: json(b.fundingTypes),
    funding_areas: json(b.fundingAreas),
    regions: json(b.regions),
    eligible_applicants: json(b.eligibleApplicants),
    legal_basis: b.legalBasis ?? null,
    contacts: json(b.contacts),
    keywords: b.keywords ?? null,
    summary: b.summary ?? null,
    body: b.body ?? null,
    source_url: b.sourceUrl ?? null,
    is_public: b.isPublic ? 1 : 0,
  };
}

export async function createProgramme(deps: WriteDeps, body: Body) {
  assertOffice(deps.actor);
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    const cols = columns(body);
    const row = await trx
      .insertInto('funding_programmes')
      .values({
        ...cols,
        source: 'manual',
        source_set: 'manual',
        source_id: randomUUID(),
        content_hash: contentHash(cols),
        first_seen_at: now,
        last_seen_at: now,
        withdrawn_at: null,
        deadline_text: null,
        licence: null,
        attribution: null,
        text_is_verbatim: 0,
        import_notes: null,
        owner_organization_id: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(manualTrackContext(trx, deps.actor, now), 'programme', row.id, 'first_seen', {});
    const after = presentProgramme(row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_programme',
      entityId: row.id,
      action: 'create',
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}

export async function updateProgramme(
  deps: WriteDeps,
  id: number,
  body: z.infer<typeof programmeUpdateBody>,
) {
  assertOffice(deps.actor);
  const now = nowIso();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findProgrammeById(trx, id);
    if (!row) throw new NotFoundError('Programme');
    assertManualRecord(row);
    assertVersion(row, body.version);
    const before = presentProgramme(row);
    const merged: Body = {
      title: body.title ?? before.title,
      giverLevel: body.giverLevel ?? before.giverLevel,
      giverName: body.giverName === undefined ? before.giverName : body.giverName,
      fundingTypes: body.fundingTypes ?? before.fundingTypes,
      fundingAreas: body.fundingAreas ?? before.fundingAreas,
      regions: body.regions ?? before.regions,
      eligibleApplicants: body.eligibleApplicants ?? before.eligibleApplicants,
      legalBasis: body.legalBasis === undefined ? before.legalBasis : body.legalBasis,
      contacts: body.contacts ?? before.contacts,
      keywords: body.keywords === undefined ? before.keywords : body.keywords,
      summary: body.summary === undefined ? before.summary : body.summary,
      body: body.body === undefined ? before.body : body.body,
      sourceUrl: body.sourceUrl === undefined ? before.sourceUrl : body.sourceUrl,
      isPublic: body.isPublic ?? before.isPublic,
    };
    const cols = columns(merged);
    const changes = diffColumns(row as unknown as Record<string, unknown>, cols);
    const res = await trx
      .updateTable('funding_programmes')
      .set({ ...cols, content_hash: contentHash(cols), updated_at: now, version: row.version + 1 })
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    assertUpdated(res);
    if (Object.keys(changes).length)
      await recordChange(manualTrackContext(trx, deps.actor, now), 'programme', id, 'changed', changes);
    const after = presentProgramme((await findProgrammeById(trx, id)) ?? row);
    await recordAudit(trx, {
      actor: deps.actor,
      entityType: 'funding_programme',
      entityId: id,
      action: 'update',
      before,
      after,
      requestId: deps.requestId,
    });
    return after;
  });
}
