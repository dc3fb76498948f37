import { describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/http/errors.js';
import { type CalendarMeeting, checkSequence, type PlanRules, type SequenceStep } from './plan-rules.js';

/**
 * Table-driven from the sentences of issue 8, section 3. Calendars are written as
 * "A: 2027-01-10 2027-01-20!" where "!" marks a cancelled and "~" a deleted meeting.
 */

type Step = SequenceStep<string, string>;

function calendar(spec: string): Step[] {
  return spec
    .split('|')
    .map((part) => part.trim())
    .map((part) => {
      const [committee, rest = ''] = part.split(':');
      const meetings: CalendarMeeting<string>[] = rest
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((token, i) => {
          const day = token.replace(/[!~]$/, '');
          return {
            day,
            cancelled: token.endsWith('!'),
            deleted: token.endsWith('~'),
            ref: `${committee.trim()}#${i}`,
          };
        });
      return { committee: committee.trim(), meetings };
    });
}

const plan = (steps: { committee: string; meetingDate: string }[] | null) =>
  steps ? steps.map((s) => `${s.committee} ${s.meetingDate}`) : null;

interface Case {
  rule: string;
  calendar: string;
  rules: Partial<PlanRules> & { deadline: string; asOf: string };
  latest: string[] | null;
  earliest: string[] | null;
  feasible: boolean;
  latestFilingDate: string | null;
  slackDays: number | null;
  earliestDecisionDate?: string | null;
}

const cases: Case[] = [
  {
    rule: 'latest plan: last step is the latest meeting on or before the deadline, earlier steps the latest before the next; filing = first day − lead',
    calendar:
      'F: 2027-01-12 2027-02-09 2027-03-09 | H: 2027-01-19 2027-02-16 2027-03-16 | R: 2027-01-26 2027-02-23 2027-03-23',
    rules: { asOf: '2027-01-01', deadline: '2027-03-01', leadDays: 14 },
    latest: ['F 2027-02-09', 'H 2027-02-16', 'R 2027-02-23'],
    earliest: ['F 2027-02-09', 'H 2027-02-16', 'R 2027-02-23'],
    feasible: true,
    latestFilingDate: '2027-01-26',
    slackDays: 25,
    earliestDecisionDate: '2027-02-23',
  },
  {
    rule: 'earliest plan: first step is the earliest meeting whose filing date is on or after as-of',
    calendar: 'F: 2027-01-05 2027-01-15 2027-01-25 | R: 2027-01-06 2027-01-30',
    rules: { asOf: '2027-01-01', deadline: '2027-12-31', leadDays: 14 },
    latest: ['F 2027-01-25', 'R 2027-01-30'],
    earliest: ['F 2027-01-15', 'R 2027-01-30'],
    feasible: true,
    latestFilingDate: '2027-01-11',
    slackDays: 10,
    earliestDecisionDate: '2027-01-30',
  },
  {
    rule: 'a meeting exactly lead days after as-of is the earliest first step (filing date = as-of)',
    calendar: 'F: 2027-01-14 2027-01-15 | R: 2027-01-20',
    rules: { asOf: '2027-01-01', deadline: '2027-01-31', leadDays: 14 },
    latest: ['F 2027-01-15', 'R 2027-01-20'],
    earliest: ['F 2027-01-15', 'R 2027-01-20'],
    feasible: true,
    latestFilingDate: '2027-01-01',
    slackDays: 0,
  },
  {
    rule: 'the last step may be on the deadline day itself',
    calendar: 'F: 2027-02-01 | R: 2027-03-01',
    rules: { asOf: '2027-01-01', deadline: '2027-03-01', leadDays: 0 },
    latest: ['F 2027-02-01', 'R 2027-03-01'],
    earliest: ['F 2027-02-01', 'R 2027-03-01'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'buffer days: the last step is on or before the deadline minus the buffer',
    calendar: 'F: 2027-02-01 2027-02-20 | R: 2027-02-10 2027-02-25 2027-03-01',
    rules: { asOf: '2027-01-01', deadline: '2027-03-01', leadDays: 0, bufferDays: 4 },
    latest: ['F 2027-02-20', 'R 2027-02-25'],
    earliest: ['F 2027-02-01', 'R 2027-02-10'],
    feasible: true,
    latestFilingDate: '2027-02-20',
    slackDays: 50,
  },
  {
    rule: 'buffer days: a meeting on the deadline minus the buffer still counts',
    calendar: 'F: 2027-02-01 | R: 2027-02-25 2027-03-01',
    rules: { asOf: '2027-01-01', deadline: '2027-03-01', leadDays: 0, bufferDays: 4 },
    latest: ['F 2027-02-01', 'R 2027-02-25'],
    earliest: ['F 2027-02-01', 'R 2027-02-25'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'same-day meetings of two steps: the earlier step must be on an earlier day (latest plan)',
    calendar: 'H: 2027-02-10 2027-02-20 | R: 2027-02-20',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: ['H 2027-02-10', 'R 2027-02-20'],
    earliest: ['H 2027-02-10', 'R 2027-02-20'],
    feasible: true,
    latestFilingDate: '2027-02-10',
    slackDays: 40,
  },
  {
    rule: 'same-day meetings of two steps: the later step must be on a later day (earliest plan)',
    calendar: 'H: 2027-02-10 | R: 2027-02-10 2027-02-17',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: ['H 2027-02-10', 'R 2027-02-17'],
    earliest: ['H 2027-02-10', 'R 2027-02-17'],
    feasible: true,
    latestFilingDate: '2027-02-10',
    slackDays: 40,
  },
  {
    rule: 'only same-day meetings: no plan, as a step cannot share its day with the previous one',
    calendar: 'H: 2027-02-10 | R: 2027-02-10',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: null,
    earliest: null,
    feasible: false,
    latestFilingDate: null,
    slackDays: null,
    earliestDecisionDate: null,
  },
  {
    rule: 'two meetings of one committee on one day count as one day',
    calendar: 'F: 2027-02-01 2027-02-01 | R: 2027-02-02',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: ['F 2027-02-01', 'R 2027-02-02'],
    earliest: ['F 2027-02-01', 'R 2027-02-02'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'the same committee twice in a sequence needs two different days',
    calendar: 'R: 2027-02-01 2027-02-15 2027-03-01 | R: 2027-02-01 2027-02-15 2027-03-01',
    rules: { asOf: '2027-01-01', deadline: '2027-02-20', leadDays: 0 },
    latest: ['R 2027-02-01', 'R 2027-02-15'],
    earliest: ['R 2027-02-01', 'R 2027-02-15'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'cancelled meetings do not count',
    calendar: 'F: 2027-02-01 2027-02-15! | R: 2027-02-20 2027-02-27!',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: ['F 2027-02-01', 'R 2027-02-20'],
    earliest: ['F 2027-02-01', 'R 2027-02-20'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'deleted meetings do not count',
    calendar: 'F: 2027-02-01 2027-02-15~ | R: 2027-02-20 2027-02-27~',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 0 },
    latest: ['F 2027-02-01', 'R 2027-02-20'],
    earliest: ['F 2027-02-01', 'R 2027-02-20'],
    feasible: true,
    latestFilingDate: '2027-02-01',
    slackDays: 31,
  },
  {
    rule: 'meetings before the as-of day do not count, not even for the latest plan',
    calendar: 'F: 2026-12-20 2027-01-20 | R: 2027-01-10 2027-01-25',
    rules: { asOf: '2027-01-01', deadline: '2027-01-15', leadDays: 0 },
    latest: null,
    earliest: ['F 2027-01-20', 'R 2027-01-25'],
    feasible: false,
    latestFilingDate: null,
    slackDays: null,
    earliestDecisionDate: '2027-01-25',
  },
  {
    rule: 'a latest plan whose filing date has passed is not feasible; slack is negative',
    calendar: 'F: 2027-01-10 | R: 2027-01-20',
    rules: { asOf: '2027-01-01', deadline: '2027-01-31', leadDays: 21 },
    latest: ['F 2027-01-10', 'R 2027-01-20'],
    earliest: null,
    feasible: false,
    latestFilingDate: '2026-12-20',
    slackDays: -12,
    earliestDecisionDate: null,
  },
  {
    rule: 'no latest plan before the deadline, but an earliest plan after it',
    calendar: 'F: 2027-03-01 | R: 2027-03-15',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 14 },
    latest: null,
    earliest: ['F 2027-03-01', 'R 2027-03-15'],
    feasible: false,
    latestFilingDate: null,
    slackDays: null,
    earliestDecisionDate: '2027-03-15',
  },
  {
    rule: 'a committee without meetings: no plan at all',
    calendar: 'F: 2027-02-01 | R:',
    rules: { asOf: '2027-01-01', deadline: '2027-12-31', leadDays: 0 },
    latest: null,
    earliest: null,
    feasible: false,
    latestFilingDate: null,
    slackDays: null,
    earliestDecisionDate: null,
  },
  {
    rule: 'deadline on the as-of day: allowed, a meeting that day with lead 0 fits',
    calendar: 'R: 2027-01-01',
    rules: { asOf: '2027-01-01', deadline: '2027-01-01', leadDays: 0 },
    latest: ['R 2027-01-01'],
    earliest: ['R 2027-01-01'],
    feasible: true,
    latestFilingDate: '2027-01-01',
    slackDays: 0,
  },
  {
    rule: 'deadline minus buffer before the as-of day: no latest plan (not an error)',
    calendar: 'R: 2027-01-01 2027-01-05',
    rules: { asOf: '2027-01-03', deadline: '2027-01-05', leadDays: 0, bufferDays: 3 },
    latest: null,
    earliest: ['R 2027-01-05'],
    feasible: false,
    latestFilingDate: null,
    slackDays: null,
  },
  {
    rule: 'the latest plan goes back past a late first-step meeting when the next step is earlier',
    calendar: 'F: 2027-01-20 2027-02-10 2027-02-24 | H: 2027-02-17 | R: 2027-02-24 2027-03-03',
    rules: { asOf: '2027-01-01', deadline: '2027-02-28', leadDays: 7 },
    latest: ['F 2027-02-10', 'H 2027-02-17', 'R 2027-02-24'],
    earliest: ['F 2027-01-20', 'H 2027-02-17', 'R 2027-02-24'],
    feasible: true,
    latestFilingDate: '2027-02-03',
    slackDays: 33,
  },
  {
    rule: 'the year boundary and leap day are whole calendar days',
    calendar: 'F: 2028-03-01 | R: 2028-03-02',
    rules: { asOf: '2028-02-01', deadline: '2028-03-31', leadDays: 1 },
    latest: ['F 2028-03-01', 'R 2028-03-02'],
    earliest: ['F 2028-03-01', 'R 2028-03-02'],
    feasible: true,
    latestFilingDate: '2028-02-29',
    slackDays: 28,
  },
];

describe('planner rules (issue 8, section 3)', () => {
  for (const c of cases) {
    it(c.rule, () => {
      const answer = checkSequence(calendar(c.calendar), { leadDays: 0, bufferDays: 0, ...c.rules });
      expect(plan(answer.latest)).toEqual(c.latest);
      expect(plan(answer.earliest)).toEqual(c.earliest);
      expect(answer.feasible).toBe(c.feasible);
      expect(answer.latestFilingDate).toBe(c.latestFilingDate);
      expect(answer.slackDays).toBe(c.slackDays);
      const decision = c.earliest ? c.earliest[c.earliest.length - 1].split(' ')[1] : null;
      expect(answer.earliestDecisionDate).toBe(c.earliestDecisionDate ?? decision);
    });
  }

  it('returns the chosen meeting of each step (the first one given on a day)', () => {
    const a = checkSequence(calendar('F: 2027-02-01 2027-02-01 | R: 2027-02-02'), {
      asOf: '2027-01-01',
      deadline: '2027-03-01',
      leadDays: 0,
      bufferDays: 0,
    });
    expect(a.latest?.map((s) => s.meeting)).toEqual(['F#0', 'R#0']);
  });

  it('refuses a deadline before the as-of day with a German and English message', () => {
    let error: unknown;
    try {
      checkSequence(calendar('R: 2027-01-01'), {
        asOf: '2027-01-02',
        deadline: '2027-01-01',
        leadDays: 0,
        bufferDays: 0,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    expect(e.code).toBe('PLANNER_DEADLINE_BEFORE_AS_OF');
    expect(e.messageDe).toContain('vor dem Stichtag');
    expect(e.messageEn).toContain('before the as-of day');
  });

  it('refuses an empty sequence', () => {
    expect(() =>
      checkSequence([], { asOf: '2027-01-01', deadline: '2027-02-01', leadDays: 0, bufferDays: 0 }),
    ).toThrow(/names no committee/);
  });
});
