import { germanDay as de } from './calendar-day.js';
import type { SequenceAnswer } from './plan-rules.js';

/**
 * What the planner warns about, per body. The code and params are for programs (the web UI words
 * them itself); message/messageDe are the same sentences for the API and the CLI.
 */
export type WarningCode = 'NO_PLAN' | 'FILING_DATE_PASSED' | 'TIGHT' | 'NO_MEETINGS';

export interface PlanWarning {
  code: WarningCode;
  message: string;
  messageDe: string;
  params: Record<string, string | number | null>;
}

export function planWarnings(
  answer: SequenceAnswer<{ name: string }, unknown>,
  ctx: {
    asOf: string;
    deadline: string;
    warnSlackDays: number;
    /** Committees of the sequence without any usable meeting from the as-of day on. */
    withoutMeetings: string[];
  },
): PlanWarning[] {
  const out: PlanWarning[] = [];
  for (const committee of ctx.withoutMeetings) {
    out.push({
      code: 'NO_MEETINGS',
      message: `No meetings of ${committee} are known from ${ctx.asOf} on; enter its dates by hand`,
      messageDe: `Für ${committee} sind ab dem ${de(ctx.asOf)} keine Sitzungen bekannt; bitte Termine von Hand eintragen`,
      params: { committee, asOf: ctx.asOf },
    });
  }
  if (!answer.latest) {
    out.push({
      code: 'NO_PLAN',
      message: `No consultation sequence fits before the deadline ${ctx.deadline}`,
      messageDe: `Keine Beratungsfolge passt vor die Frist am ${de(ctx.deadline)}`,
      params: { deadline: ctx.deadline, earliestDecisionDate: answer.earliestDecisionDate },
    });
  } else if (!answer.feasible && answer.latestFilingDate) {
    out.push({
      code: 'FILING_DATE_PASSED',
      message: `The latest filing date ${answer.latestFilingDate} has passed (${-(answer.slackDays ?? 0)} days ago); no plan fits the deadline ${ctx.deadline}`,
      messageDe: `Der späteste Einreichungstermin ${de(answer.latestFilingDate)} ist verstrichen (vor ${-(answer.slackDays ?? 0)} Tagen); kein Plan passt vor die Frist am ${de(ctx.deadline)}`,
      params: {
        latestFilingDate: answer.latestFilingDate,
        slackDays: answer.slackDays,
        deadline: ctx.deadline,
        earliestDecisionDate: answer.earliestDecisionDate,
      },
    });
  } else if (answer.slackDays !== null && answer.slackDays < ctx.warnSlackDays) {
    out.push({
      code: 'TIGHT',
      message: `Only ${answer.slackDays} days left until the latest filing date ${answer.latestFilingDate} (warning below ${ctx.warnSlackDays})`,
      messageDe: `Nur noch ${answer.slackDays} Tage bis zum spätesten Einreichungstermin ${de(answer.latestFilingDate as string)} (Warnung unter ${ctx.warnSlackDays})`,
      params: {
        slackDays: answer.slackDays,
        latestFilingDate: answer.latestFilingDate,
        warnSlackDays: ctx.warnSlackDays,
      },
    });
  }
  return out;
}
