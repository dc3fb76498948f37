import { addDays, dayNumber } from '../calendar-day.js';

/**
 * The demo's illustrative meeting calendars, relative to the day they are seeded (`seedDay`).
 * Nothing here is from a council system. Offsets count from the first Monday after the seed day
 * (`base`), so meetings fall on weekdays: Düsseldorf's cycle takes six weeks (Fachausschuss on a
 * Tuesday, Haupt- und Finanzausschuss the Monday after, Rat that Thursday), the Kreis's eight
 * (Fachausschuss on a Wednesday, Kreisausschuss two weeks later, Kreistag the week after that on a
 * Thursday). The first cycles are placed so that, seen from the seed day with the demo lead times,
 * the first filing dates lie 2–8 days ahead: the "tight" example.
 */

export interface DemoCommittee {
  /** Directory key of the committee (seed/illustrative-committees.ts). */
  directoryKey: string;
  name: string;
}

export interface DemoBody {
  key: 'lhd' | 'kreis';
  name: string;
  shortName: string;
  ags: string;
  website: string;
  leadDays: number;
  warnSlackDays: number;
  sequenceName: string;
  committees: DemoCommittee[];
  /** Days after `base` of each step's meeting in the first cycle, and the cycle length. */
  firstCycle: number[];
  cycleDays: number;
  cycles: number;
}

export const demoBodies: DemoBody[] = [
  {
    key: 'lhd',
    name: 'Landeshauptstadt Düsseldorf',
    shortName: 'Düsseldorf',
    ags: '05111000',
    website: 'https://www.duesseldorf.de',
    leadDays: 28,
    warnSlackDays: 14,
    sequenceName: 'Kofinanzierung (Fachausschuss → HFA → Rat)',
    committees: [
      {
        directoryKey: 'org:lhd-fachausschuss-wirtschaft-beispiel',
        name: 'Fachausschuss Wirtschaft (Beispiel)',
      },
      { directoryKey: 'org:lhd-haupt-und-finanzausschuss', name: 'Haupt- und Finanzausschuss' },
      { directoryKey: 'org:lhd-rat', name: 'Rat der Landeshauptstadt Düsseldorf' },
    ],
    firstCycle: [29, 35, 38],
    cycleDays: 42,
    cycles: 13,
  },
  {
    key: 'kreis',
    name: 'Kreis Mettmann',
    shortName: 'Kreis ME',
    ags: '05158',
    website: 'https://www.kreis-mettmann.de',
    leadDays: 21,
    warnSlackDays: 14,
    sequenceName: 'Kofinanzierung (Fachausschuss → Kreisausschuss → Kreistag)',
    committees: [
      {
        directoryKey: 'org:kreis-me-fachausschuss-wirtschaft-beispiel',
        name: 'Kreis-Fachausschuss Wirtschaft (Beispiel)',
      },
      { directoryKey: 'org:kreis-me-kreisausschuss', name: 'Kreisausschuss' },
      { directoryKey: 'org:kreis-me-kreistag', name: 'Kreistag' },
    ],
    firstCycle: [23, 37, 45],
    cycleDays: 56,
    cycles: 10,
  },
];

/** The first Monday after the seed day (1 to 7 days later). */
export function baseDay(seedDay: string): string {
  // 1970-01-01 was a Thursday: day number 4 is a Monday.
  const weekday = (((dayNumber(seedDay) - 4) % 7) + 7) % 7; // 0 = Monday
  return addDays(seedDay, 7 - weekday);
}

export interface DemoMeeting {
  directoryKey: string;
  day: string;
  startTime: string;
  note: string;
  cancelled: boolean;
}

const times = ['16:00', '15:00', '14:00'];

export function demoMeetings(body: DemoBody, seedDay: string): DemoMeeting[] {
  const base = baseDay(seedDay);
  const out: DemoMeeting[] = [];
  for (let k = 0; k < body.cycles; k++) {
    body.committees.forEach((c, step) => {
      out.push({
        directoryKey: c.directoryKey,
        day: addDays(base, body.firstCycle[step] + k * body.cycleDays),
        startTime: times[step],
        note: `Sitzung (Beispieltermin, ${k + 1}. Zyklus)`,
        cancelled: false,
      });
    });
  }
  // A special meeting that was called off: shown in the calendar, counted by no plan.
  const [first] = body.committees;
  out.push({
    directoryKey: first.directoryKey,
    day: addDays(base, body.firstCycle[0] + 14),
    startTime: '10:00',
    note: 'Sondersitzung (Beispieltermin) – abgesagt',
    cancelled: true,
  });
  return out;
}

/**
 * The worked examples, seen from the seed day: far enough for every plan (feasible), just after
 * both first cycles (tight: each body's filing date 2–8 days ahead, below the 14-day warning) and
 * before either first cycle ends (impossible).
 */
export function demoExamples(seedDay: string) {
  const base = baseDay(seedDay);
  return [
    { key: 'demo:feasible', kind: 'feasible', deadline: addDays(base, 38 + 3 * 42 + 14) },
    { key: 'demo:tight', kind: 'tight', deadline: addDays(base, 48) },
    { key: 'demo:impossible', kind: 'impossible', deadline: addDays(base, 30) },
  ] as const;
}
