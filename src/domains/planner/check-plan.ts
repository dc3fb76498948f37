import type { Kysely } from 'kysely';
import type { DB } from '../../app/schema.js';
import type { DialectName } from '../../infra/db/connect.js';
import { NotFoundError } from '../../infra/http/errors.js';
import type { Actor } from '../access/actor.js';
import { assertSignedIn } from '../access/policy.js';
import { isCalendarDay, todayInBerlin } from './calendar-day.js';
import {
  type CalendarEntry,
  countedMeetings,
  loadCalendars,
  type MeetingRef,
} from './calendar-repository.js';
import { type BodyRow, type CommitteeRow, findBodies, findCommittees } from './committees-repository.js';
import { committeeOutsideBody, invalidDay, sequenceChoice } from './errors.js';
import { assertAnswerable, checkSequence, type PlannedStep, type PlanRules } from './plan-rules.js';
import {
  DEFAULT_LEAD_DAYS,
  DEFAULT_WARN_SLACK_DAYS,
  findSequences,
  sequenceCommittees,
  settingsOf,
} from './settings-repository.js';
import { type PlanWarning, planWarnings } from './warnings.js';

export interface PlannerDeps {
  db: Kysely<DB>;
  dialect: DialectName;
  actor: Actor;
  /** The clock that says which day is today (Berlin); tests pass a fixed one. */
  now?: () => Date;
}

/** One body of a question: a saved sequence of the body, or committees of the body in order. */
export interface PlanBodyInput {
  bodyId: number;
  sequenceId?: number;
  committeeIds?: number[];
  /** Overrides the body's default lead time (Vorlagenschluss). */
  leadDays?: number;
}

export interface PlanQuestion {
  /** YYYY-MM-DD: e.g. a funding round's deadline. */
  deadline: string;
  /** YYYY-MM-DD; default: today in Berlin. */
  asOf?: string;
  /** Days the last step must lie before the deadline (default 0). */
  bufferDays?: number;
  /** Overrides every body's own threshold for the TIGHT warning. */
  warnSlackDays?: number;
  bodies: PlanBodyInput[];
}

export interface PlanStepOut {
  committeeId: number;
  committee: string;
  meetingDate: string;
  meeting: MeetingRef;
}

export interface BodyPlan {
  body: { id: number; name: string; illustrative: boolean };
  sequence: { id: number; name: string } | null;
  committees: { id: number; name: string }[];
  leadDays: number;
  warnSlackDays: number;
  feasible: boolean;
  latestFilingDate: string | null;
  slackDays: number | null;
  latest: PlanStepOut[] | null;
  earliest: PlanStepOut[] | null;
  earliestFilingDate: string | null;
  earliestDecisionDate: string | null;
  warnings: PlanWarning[];
}

export interface PlanAnswer {
  deadline: string;
  asOf: string;
  bufferDays: number;
  bodies: BodyPlan[];
}

export function resolveAsOf(deps: Pick<PlannerDeps, 'now'>, asOf: string | undefined): string {
  if (asOf === undefined) return todayInBerlin(deps.now?.() ?? new Date());
  if (!isCalendarDay(asOf)) throw invalidDay('asOf', asOf);
  return asOf;
}

export function assertDay(field: string, value: string): void {
  if (!isCalendarDay(value)) throw invalidDay(field, value);
}

const stepsOut = (plan: PlannedStep<CommitteeRow, MeetingRef>[] | null): PlanStepOut[] | null =>
  plan?.map((s) => ({
    committeeId: s.committee.id,
    committee: s.committee.name,
    meetingDate: s.meetingDate,
    meeting: s.meeting,
  })) ?? null;

/**
 * The answer for one sequence of committees: the rules of plan-rules.ts over the calendars, with the
 * warnings. Shared by checkPlan (API, applications) and the CLI.
 */
export function answerSequence(
  committees: CommitteeRow[],
  calendars: Map<string, CalendarEntry[]>,
  rules: PlanRules,
  warnSlackDays: number,
) {
  const steps = committees.map((c) => ({
    committee: c,
    meetings: countedMeetings(calendars.get(c.oparlId) ?? []),
  }));
  const answer = checkSequence(steps, rules);
  const withoutMeetings = [
    ...new Set(
      steps
        .filter((s) => !s.meetings.some((m) => !m.cancelled && !m.deleted && m.day >= rules.asOf))
        .map((s) => s.committee.name),
    ),
  ];
  return {
    feasible: answer.feasible,
    latestFilingDate: answer.latestFilingDate,
    slackDays: answer.slackDays,
    latest: stepsOut(answer.latest),
    earliest: stepsOut(answer.earliest),
    earliestFilingDate: answer.earliestFilingDate,
    earliestDecisionDate: answer.earliestDecisionDate,
    warnings: planWarnings(answer, {
      asOf: rules.asOf,
      deadline: rules.deadline,
      warnSlackDays,
      withoutMeetings,
    }),
  };
}

interface ResolvedBody {
  input: PlanBodyInput;
  body: BodyRow;
  sequence: { id: number; name: string } | null;
  committees: CommitteeRow[];
}

/** Bodies, saved sequences and committees of a question, each read once for all bodies. */
async function resolveBodies(deps: PlannerDeps, inputs: PlanBodyInput[]): Promise<ResolvedBody[]> {
  const bodyIds = [...new Set(inputs.map((b) => b.bodyId))];
  const bodies = new Map((await findBodies(deps.db, deps.actor, { ids: bodyIds })).map((b) => [b.id, b]));
  const sequenceIds = inputs.flatMap((b) => (b.sequenceId === undefined ? [] : [b.sequenceId]));
  const sequences = new Map((await findSequences(deps.db, sequenceIds)).map((s) => [s.id, s]));
  const oparlIds = [...sequences.values()].flatMap(sequenceCommittees);
  const ids = inputs.flatMap((b) => b.committeeIds ?? []);
  const committees = [
    ...(ids.length ? await findCommittees(deps.db, deps.actor, { ids }) : []),
    ...(oparlIds.length ? await findCommittees(deps.db, deps.actor, { oparlIds }) : []),
  ];
  const byId = new Map(committees.map((c) => [String(c.id), c]));
  const byOparlId = new Map(committees.map((c) => [c.oparlId, c]));
  return inputs.map((input) => {
    const body = bodies.get(input.bodyId);
    if (!body) throw new NotFoundError('Body');
    if ((input.sequenceId === undefined) === (input.committeeIds === undefined)) throw sequenceChoice();
    const row = input.sequenceId === undefined ? undefined : sequences.get(input.sequenceId);
    if (input.sequenceId !== undefined && (!row || row.body_oparl_id !== body.oparlId))
      throw new NotFoundError('Sequence');
    const keys = row ? sequenceCommittees(row) : (input.committeeIds ?? []).map(String);
    const lookup = row ? byOparlId : byId;
    return {
      input,
      body,
      sequence: row ? { id: row.id, name: row.name } : null,
      committees: keys.map((k) => {
        const c = lookup.get(k);
        // A sequence naming a committee the actor may not read is hidden as a whole.
        if (!c) throw new NotFoundError(row ? 'Sequence' : 'Committee');
        if (c.bodyOparlId !== body.oparlId) throw committeeOutsideBody(c.name, body.name);
        return c;
      }),
    };
  });
}

export interface SequenceGroup {
  committees: CommitteeRow[];
  rules: PlanRules;
  warnSlackDays: number;
}

/**
 * Answers several sequences that share an as-of day and a deadline. The calendars are read from
 * the as-of day to the deadline first: the latest plan never looks later, and an earliest plan
 * found in that window is the one the whole calendar gives (each step takes the first meeting after
 * the previous one). Only sequences whose earliest plan does not end by the deadline read on.
 */
export async function answerSequences(
  deps: PlannerDeps,
  groups: SequenceGroup[],
  asOf: string,
  deadline: string,
) {
  const ids = (gs: SequenceGroup[]) => gs.flatMap((g) => g.committees.map((c) => c.oparlId));
  const windowed = await loadCalendars(deps.db, deps.dialect, deps.actor, ids(groups), asOf, deadline);
  const answers = groups.map((g) => answerSequence(g.committees, windowed, g.rules, g.warnSlackDays));
  const open = answers.flatMap((a, i) => (a.earliest === null ? [i] : []));
  if (open.length > 0) {
    const full = await loadCalendars(
      deps.db,
      deps.dialect,
      deps.actor,
      ids(open.map((i) => groups[i])),
      asOf,
    );
    for (const i of open)
      answers[i] = answerSequence(groups[i].committees, full, groups[i].rules, groups[i].warnSlackDays);
  }
  return answers;
}

/**
 * The planner's answer to one question: per body, the latest and earliest plan, feasibility, the
 * latest filing date, the slack and the warnings. Only meetings and committees the actor may read
 * count. An application (later) is one caller: its round's deadline and its bodies' sequences.
 */
export async function checkPlan(deps: PlannerDeps, question: PlanQuestion): Promise<PlanAnswer> {
  assertSignedIn(deps.actor);
  assertDay('deadline', question.deadline);
  const asOf = resolveAsOf(deps, question.asOf);
  const bufferDays = question.bufferDays ?? 0;
  assertAnswerable(1, { deadline: question.deadline, asOf, leadDays: 0, bufferDays });
  const resolved = await resolveBodies(deps, question.bodies);
  const settings = await settingsOf(
    deps.db,
    resolved.map((r) => r.body.oparlId),
  );
  const groups = resolved.map((r) => {
    const s = settings.get(r.body.oparlId);
    const leadDays = r.input.leadDays ?? s?.lead_days ?? DEFAULT_LEAD_DAYS;
    return {
      committees: r.committees,
      rules: { deadline: question.deadline, asOf, leadDays, bufferDays },
      warnSlackDays: question.warnSlackDays ?? s?.warn_slack_days ?? DEFAULT_WARN_SLACK_DAYS,
    };
  });
  const answers = await answerSequences(deps, groups, asOf, question.deadline);
  return {
    deadline: question.deadline,
    asOf,
    bufferDays,
    bodies: resolved.map((r, i) => ({
      body: { id: r.body.id, name: r.body.name, illustrative: r.body.illustrative },
      sequence: r.sequence,
      committees: r.committees.map((c) => ({ id: c.id, name: c.name })),
      leadDays: groups[i].rules.leadDays,
      warnSlackDays: groups[i].warnSlackDays,
      ...answers[i],
    })),
  };
}
