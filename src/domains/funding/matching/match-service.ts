import type { Kysely } from 'kysely';
import type { DB } from '../../../app/schema.js';
import { nowIso } from '../../../infra/db/columns.js';
import { ForbiddenError, NotFoundError } from '../../../infra/http/errors.js';
import type { Actor } from '../../access/actor.js';
import { assertSignedIn, canRead, seesEverything } from '../../access/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import { findCallById } from '../repository.js';
import { type Feedback, type Match, MatchingEngine, type TargetForMatching } from './engine.js';
import { loadCallsForMatching, loadFieldNames, parseJsonList } from './load.js';
import { PAPER_MIN_SCORE } from './papers-for-call.js';

export interface MatchResult extends Match {
  callTitle: string;
  /** the organisation's verdict on this call, when it gave one */
  verdict: 'relevant' | 'irrelevant' | null;
}

export interface MatchAnswer {
  items: MatchResult[];
  /** whose relevant / not relevant feedback ranks these matches (and where new feedback goes) */
  feedbackOrganizationId: number | null;
}

async function engineFor(db: Kysely<DB>, actor: Actor, today: string) {
  const [calls, fields] = await Promise.all([loadCallsForMatching(db, actor, today), loadFieldNames(db)]);
  return {
    engine: new MatchingEngine(calls, fields.byKey, today),
    titles: new Map(calls.map((c) => [c.id, c.title])),
    fields,
  };
}

export async function loadFeedback(db: Kysely<DB>, organizationId: number): Promise<Feedback> {
  const rows = await db
    .selectFrom('funding_match_feedback')
    .select(['call_id', 'relevant'])
    .where('organization_id', '=', organizationId)
    .execute();
  return {
    relevantCalls: new Set(rows.filter((r) => r.relevant === 1).map((r) => r.call_id)),
    irrelevantCalls: new Set(rows.filter((r) => r.relevant === 0).map((r) => r.call_id)),
  };
}

function assertOwnOrganization(actor: Actor, organizationId: number): void {
  assertSignedIn(actor);
  if (seesEverything(actor)) return;
  if (actor.kind === 'user' && actor.organizationId === organizationId) return;
  throw new ForbiddenError('Only for your own organisation', 'Nur für die eigene Organisation');
}

export type MatchTargetRef = { project: number } | { organization: number } | { paper: number };

/** Ranked calls for one project, organisation profile or council paper, each with its reasons. */
export async function matchCalls(
  db: Kysely<DB>,
  actor: Actor,
  ref: MatchTargetRef,
  opts: { limit?: number; today?: string } = {},
): Promise<MatchAnswer> {
  assertSignedIn(actor);
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const { engine, titles, fields } = await engineFor(db, actor, today);
  let target: TargetForMatching;
  let feedback: Feedback | undefined;
  let feedbackOrganizationId: number | null = null;
  let contentFirst = false;
  if ('project' in ref) {
    const p = await db
      .selectFrom('funding_projects')
      .selectAll()
      .where('id', '=', ref.project)
      .executeTakeFirst();
    if (
      !p ||
      !canRead(actor, { isPublic: p.is_public === 1, ownerOrganizationId: p.owner_organization_id })
    ) {
      throw new NotFoundError('Project');
    }
    target = {
      id: p.id,
      title: p.title,
      text: p.description,
      fields: parseJsonList(p.fields_of_action),
      applicantType: p.applicant_type,
      regionAgs: p.region_ags,
    };
    if (p.owner_organization_id) {
      feedback = await loadFeedback(db, p.owner_organization_id);
      feedbackOrganizationId = p.owner_organization_id;
    }
  } else if ('organization' in ref) {
    assertOwnOrganization(actor, ref.organization);
    const org = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'description'])
      .where('id', '=', ref.organization)
      .executeTakeFirst();
    if (!org) throw new NotFoundError('Organization');
    const profile = await db
      .selectFrom('funding_org_profiles')
      .selectAll()
      .where('organization_id', '=', org.id)
      .executeTakeFirst();
    target = {
      id: org.id,
      title: org.name,
      text: org.description,
      fields: parseJsonList(profile?.fields_of_action ?? '[]'),
      applicantType: profile?.applicant_type ?? null,
      regionAgs: profile?.region_ags ?? null,
      keywords: parseJsonList(profile?.keywords ?? '[]'),
    };
    feedback = await loadFeedback(db, org.id);
    feedbackOrganizationId = org.id;
  } else {
    const doc = await db
      .selectFrom('search_documents')
      .select(['id', 'title', 'text', 'fields_of_action', 'is_public', 'owner_organization_id'])
      .where('doc_type', '=', 'paper')
      .where('source_id', '=', ref.paper)
      .executeTakeFirst();
    if (
      !doc ||
      !canRead(actor, { isPublic: doc.is_public === 1, ownerOrganizationId: doc.owner_organization_id })
    ) {
      throw new NotFoundError('Paper');
    }
    target = {
      id: ref.paper,
      title: doc.title,
      text: doc.text.slice(0, 20_000),
      fields: parseJsonList(doc.fields_of_action).map((id) => fields.keyById.get(Number(id)) ?? id),
      applicantType: null,
      regionAgs: null,
    };
    // a paper's fields come from the classifier: shared content ranks first
    contentFirst = true;
  }
  const items = engine
    .matchTarget(target, {
      limit: opts.limit ?? 20,
      feedback,
      ...(contentFirst ? { contentFirst, minScore: PAPER_MIN_SCORE } : {}),
    })
    .map((m) => ({
      ...m,
      callTitle: titles.get(m.callId) ?? '',
      verdict: feedback?.relevantCalls.has(m.callId)
        ? ('relevant' as const)
        : feedback?.irrelevantCalls.has(m.callId)
          ? ('irrelevant' as const)
          : null,
    }));
  return { items, feedbackOrganizationId };
}

/** Relevant / not relevant for an organisation; a second verdict replaces the first. */
export async function recordMatchFeedback(
  db: Kysely<DB>,
  actor: Actor,
  input: { callId: number; organizationId?: number; relevant: boolean; note?: string | null },
  requestId?: string,
) {
  assertSignedIn(actor);
  const organizationId = input.organizationId ?? (actor.kind === 'user' ? actor.organizationId : null);
  if (organizationId == null) {
    throw new ForbiddenError('Feedback needs an organisation', 'Rückmeldung braucht eine Organisation');
  }
  assertOwnOrganization(actor, organizationId);
  const call = await findCallById(db, input.callId);
  if (
    !call ||
    !canRead(actor, { isPublic: call.is_public === 1, ownerOrganizationId: call.owner_organization_id })
  ) {
    throw new NotFoundError('Call');
  }
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('funding_match_feedback')
      .values({
        organization_id: organizationId,
        call_id: input.callId,
        relevant: input.relevant ? 1 : 0,
        note: input.note ?? null,
        user_id: actor.kind === 'user' ? actor.id : null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'call_id']).doUpdateSet({
          relevant: input.relevant ? 1 : 0,
          note: input.note ?? null,
          updated_at: at,
        }),
      )
      .execute();
    await recordAudit(trx, {
      actor,
      entityType: 'funding_match_feedback',
      entityId: `${organizationId}:${input.callId}`,
      action: 'update',
      after: { relevant: input.relevant, note: input.note ?? null },
      requestId,
    });
  });
  return { organizationId, callId: input.callId, relevant: input.relevant };
}
