import { assertSignedIn } from '../access/policy.js';
import { answerSequences, assertDay, type PlannerDeps, resolveAsOf } from './check-plan.js';
import { findBodies } from './committees-repository.js';
import { assertAnswerable } from './plan-rules.js';
import { parseSequence, resolveBodyByName, resolveCommitteesByName } from './resolve-names.js';
import { DEFAULT_LEAD_DAYS, DEFAULT_WARN_SLACK_DAYS, settingsOf } from './settings-repository.js';

export interface NamedQuestion {
  deadline: string;
  /** "COMMITTEE > COMMITTEE > …" */
  sequence: string;
  leadDays?: number;
  bufferDays?: number;
  asOf?: string;
  bodyName?: string;
}

/**
 * `regiolotse planner check`: one sequence given by committee names. The lead days default to the
 * body's setting (the named body, or the first committee's), else 0.
 */
export async function checkByNames(deps: PlannerDeps, q: NamedQuestion) {
  assertSignedIn(deps.actor);
  assertDay('deadline', q.deadline);
  const asOf = resolveAsOf(deps, q.asOf);
  const bufferDays = q.bufferDays ?? 0;
  const names = parseSequence(q.sequence);
  assertAnswerable(names.length, { deadline: q.deadline, asOf, leadDays: 0, bufferDays });
  const body = q.bodyName ? await resolveBodyByName(deps.db, deps.actor, q.bodyName) : null;
  const committees = await resolveCommitteesByName(deps.db, deps.actor, names, { body, asOf });
  const bodyOparlId = body?.oparlId ?? committees[0].bodyOparlId;
  const settings = bodyOparlId ? (await settingsOf(deps.db, [bodyOparlId])).get(bodyOparlId) : undefined;
  const leadDays = q.leadDays ?? settings?.lead_days ?? DEFAULT_LEAD_DAYS;
  const warnSlackDays = settings?.warn_slack_days ?? DEFAULT_WARN_SLACK_DAYS;
  const [answer] = await answerSequences(
    deps,
    [{ committees, rules: { deadline: q.deadline, asOf, leadDays, bufferDays }, warnSlackDays }],
    asOf,
    q.deadline,
  );
  const bodyRow =
    body ??
    (bodyOparlId ? (await findBodies(deps.db, deps.actor, { oparlIds: [bodyOparlId] }))[0] : undefined);
  return { asOf, deadline: q.deadline, leadDays, bufferDays, body: bodyRow?.name ?? null, ...answer };
}

type NamedAnswer = Awaited<ReturnType<typeof checkByNames>>;

/** The CLI's JSON contract: exactly these keys, dates YYYY-MM-DD, null where there is none. */
export function contractJson(a: NamedAnswer) {
  const steps = (plan: NamedAnswer['latest']) =>
    (plan ?? []).map((s) => ({ committee: s.committee, meetingDate: s.meetingDate }));
  return {
    feasible: a.feasible,
    latestFilingDate: a.latestFilingDate,
    slackDays: a.slackDays,
    latest: steps(a.latest),
    earliest: steps(a.earliest),
    earliestDecisionDate: a.earliestDecisionDate,
  };
}
