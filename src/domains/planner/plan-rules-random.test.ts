import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-day.js';
import { type CalendarMeeting, checkSequence, type PlanRules, type SequenceStep } from './plan-rules.js';

type Step = SequenceStep<string, string>;

/** Every strictly increasing choice of one usable day per step (small calendars only). */
function chains(days: string[][]): string[][] {
  const out: string[][] = [];
  const walk = (i: number, after: string, acc: string[]) => {
    if (i === days.length) {
      out.push(acc);
      return;
    }
    for (const d of days[i]) if (d > after) walk(i + 1, d, [...acc, d]);
  };
  walk(0, '', []);
  return out;
}

describe('planner rules against brute force on random calendars', () => {
  it('latest plan = the step-wise latest of all chains that fit, earliest = the step-wise earliest', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const asOf = '2027-01-01';
    for (let round = 0; round < 400; round++) {
      const stepCount = 1 + Math.floor(random() * 3);
      const steps: Step[] = [];
      for (let s = 0; s < stepCount; s++) {
        const meetings: CalendarMeeting<string>[] = [];
        const n = Math.floor(random() * 6);
        for (let k = 0; k < n; k++)
          meetings.push({
            day: addDays(asOf, Math.floor(random() * 60) - 10),
            cancelled: random() < 0.15,
            deleted: random() < 0.1,
            ref: `${s}:${k}`,
          });
        steps.push({ committee: `C${s}`, meetings });
      }
      const rules: PlanRules = {
        asOf,
        deadline: addDays(asOf, Math.floor(random() * 60)),
        leadDays: Math.floor(random() * 10),
        bufferDays: Math.floor(random() * 5),
      };
      const usable = steps.map((s) =>
        s.meetings.filter((m) => !m.cancelled && !m.deleted && m.day >= asOf).map((m) => m.day),
      );
      const all = chains(usable);
      const limit = addDays(rules.deadline, -rules.bufferDays);
      const fitting = all.filter((c) => c[c.length - 1] <= limit);
      const forward = all.filter((c) => c[0] >= addDays(asOf, rules.leadDays));
      const stepwise = (cs: string[][], pick: (a: string, b: string) => string) =>
        cs.length === 0 ? null : cs.reduce((acc, c) => acc.map((d, i) => pick(d, c[i])));
      const answer = checkSequence(steps, rules);
      const days = (p: { meetingDate: string }[] | null) => (p ? p.map((x) => x.meetingDate) : null);
      const context = JSON.stringify({ steps, rules });
      expect(days(answer.latest), context).toEqual(stepwise(fitting, (a, b) => (a > b ? a : b)));
      expect(days(answer.earliest), context).toEqual(stepwise(forward, (a, b) => (a < b ? a : b)));
      const filing = answer.latest ? addDays(answer.latest[0].meetingDate, -rules.leadDays) : null;
      expect(answer.feasible, context).toBe(filing !== null && filing >= asOf);
      // Feasible exactly when some chain fits both ends: filed on time and decided before the limit.
      const anyFits = fitting.some((c) => addDays(c[0], -rules.leadDays) >= asOf);
      expect(answer.feasible, context).toBe(anyFits);
    }
  });
});
