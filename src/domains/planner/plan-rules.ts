import { addDays, daysBetween } from './calendar-day.js';
import { deadlineBeforeAsOf, emptySequence } from './errors.js';

/**
 * The planner's rules (issue 8, section 3), literally. Everything here is pure: the callers load
 * the calendars (imported and hand-entered meetings the actor may read) and hand them in.
 *
 * - a committee's meetings are those of that organisation, not cancelled, not deleted, on or after
 *   the as-of day;
 * - each step's meeting is on a later calendar day than the previous step's;
 * - the filing date is the first step's meeting day minus the lead days;
 * - latest plan: the last step is the latest meeting on or before the deadline minus the buffer
 *   days; each earlier step is the latest meeting before the next step's day; it is feasible when it
 *   exists and its filing date is on or after the as-of day;
 * - earliest plan: the first step is the earliest meeting whose filing date is on or after the
 *   as-of day; each later step is the earliest meeting after the previous step's day;
 * - slack: the days from the as-of day to the latest plan's filing date (negative when that date has
 *   passed, null when there is no latest plan).
 */

export interface CalendarMeeting<M> {
  /** The meeting's calendar day, YYYY-MM-DD. */
  day: string;
  cancelled: boolean;
  deleted: boolean;
  /** What the caller wants back for the chosen meeting (its id, source, …). */
  ref: M;
}

export interface SequenceStep<C, M> {
  committee: C;
  meetings: CalendarMeeting<M>[];
}

export interface PlanRules {
  deadline: string;
  asOf: string;
  leadDays: number;
  /** Days the last step must lie before the deadline (default 0). */
  bufferDays: number;
}

export interface PlannedStep<C, M> {
  committee: C;
  meetingDate: string;
  meeting: M;
}

export interface SequenceAnswer<C, M> {
  feasible: boolean;
  latestFilingDate: string | null;
  slackDays: number | null;
  /** null: no latest plan exists. */
  latest: PlannedStep<C, M>[] | null;
  /** null: no earliest plan exists. */
  earliest: PlannedStep<C, M>[] | null;
  earliestFilingDate: string | null;
  earliestDecisionDate: string | null;
}

/** One meeting per day (the first given wins), only the usable ones, in day order. */
interface Usable<M> {
  days: string[];
  refs: M[];
}

function usableMeetings<M>(meetings: CalendarMeeting<M>[], asOf: string): Usable<M> {
  const byDay = new Map<string, M>();
  for (const m of meetings) {
    if (m.cancelled || m.deleted || m.day < asOf) continue;
    if (!byDay.has(m.day)) byDay.set(m.day, m.ref);
  }
  const days = [...byDay.keys()].sort();
  return { days, refs: days.map((d) => byDay.get(d) as M) };
}

/** Index of the last day ≤ bound (inclusive) or < bound; -1 when there is none. */
function lastAtOrBefore(days: string[], bound: string, inclusive: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ok = inclusive ? days[mid] <= bound : days[mid] < bound;
    if (ok) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first day ≥ bound (inclusive) or > bound; days.length when there is none. */
function firstAtOrAfter(days: string[], bound: string, inclusive: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const before = inclusive ? days[mid] < bound : days[mid] <= bound;
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function latestPlan<C, M>(
  committees: C[],
  usable: Usable<M>[],
  rules: PlanRules,
): PlannedStep<C, M>[] | null {
  const plan: PlannedStep<C, M>[] = [];
  let bound = addDays(rules.deadline, -rules.bufferDays);
  for (let i = usable.length - 1; i >= 0; i--) {
    const { days, refs } = usable[i];
    const at = lastAtOrBefore(days, bound, i === usable.length - 1);
    if (at < 0) return null;
    plan.unshift({ committee: committees[i], meetingDate: days[at], meeting: refs[at] });
    bound = days[at];
  }
  return plan;
}

function earliestPlan<C, M>(
  committees: C[],
  usable: Usable<M>[],
  rules: PlanRules,
): PlannedStep<C, M>[] | null {
  const plan: PlannedStep<C, M>[] = [];
  let bound = addDays(rules.asOf, rules.leadDays);
  for (let i = 0; i < usable.length; i++) {
    const { days, refs } = usable[i];
    const at = firstAtOrAfter(days, bound, i === 0);
    if (at >= days.length) return null;
    plan.push({ committee: committees[i], meetingDate: days[at], meeting: refs[at] });
    bound = days[at];
  }
  return plan;
}

/** Checks that the question itself makes sense; throws the planner's domain errors. */
export function assertAnswerable(stepCount: number, rules: PlanRules): void {
  if (stepCount === 0) throw emptySequence();
  if (rules.deadline < rules.asOf) throw deadlineBeforeAsOf(rules.deadline, rules.asOf);
}

/** Latest and earliest plan of one consultation sequence, with feasibility and slack. */
export function checkSequence<C, M>(steps: SequenceStep<C, M>[], rules: PlanRules): SequenceAnswer<C, M> {
  assertAnswerable(steps.length, rules);
  const committees = steps.map((s) => s.committee);
  const usable = steps.map((s) => usableMeetings(s.meetings, rules.asOf));
  const latest = latestPlan(committees, usable, rules);
  const earliest = earliestPlan(committees, usable, rules);
  const latestFilingDate = latest ? addDays(latest[0].meetingDate, -rules.leadDays) : null;
  return {
    feasible: latestFilingDate !== null && latestFilingDate >= rules.asOf,
    latestFilingDate,
    slackDays: latestFilingDate === null ? null : daysBetween(rules.asOf, latestFilingDate),
    latest,
    earliest,
    earliestFilingDate: earliest ? addDays(earliest[0].meetingDate, -rules.leadDays) : null,
    earliestDecisionDate: earliest ? earliest[earliest.length - 1].meetingDate : null,
  };
}
