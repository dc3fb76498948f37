import { describe, expect, it } from 'vitest';
import { addDays, berlinDay, daysBetween, isCalendarDay, todayInBerlin } from './calendar-day.js';

const intlBerlinDay = (ms: number) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
};

describe('calendar days', () => {
  it('knows real days', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-13-01')).toBe(false);
    expect(isCalendarDay('27-01-01')).toBe(false);
    expect(isCalendarDay('2027-1-1')).toBe(false);
  });

  it('counts whole days across month, year and daylight-saving changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-31', '2027-10-30')).toBe(-1);
  });

  it('gives the Berlin day of an instant, as Intl does, around every switch of summer time', () => {
    const hour = 3_600_000;
    for (let year = 1997; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // the last Sunday of March / October and the hours around the 01:00 UTC switch
        const last = new Date(Date.UTC(year, month + 1, 0));
        last.setUTCDate(last.getUTCDate() - last.getUTCDay());
        for (let h = -26; h <= 26; h++) {
          const ms = last.getTime() + h * hour + 59 * 60_000;
          expect(berlinDay(new Date(ms)), new Date(ms).toISOString()).toBe(intlBerlinDay(ms));
        }
      }
    }
    expect(berlinDay('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(berlinDay('2027-06-30T22:30:00Z')).toBe('2027-07-01');
    expect(berlinDay('2027-06-30T21:30:00Z')).toBe('2027-06-30');
    expect(berlinDay('1990-06-30T22:30:00Z')).toBe('1990-07-01');
    expect(berlinDay('not a date')).toBeNull();
    expect(todayInBerlin(new Date('2027-01-01T00:30:00+01:00'))).toBe('2027-01-01');
  });
});

describe('Berlin wall-clock time', () => {
  it('shows the local hour in winter and summer', async () => {
    const { berlinLocal } = await import('./calendar-day.js');
    expect(berlinLocal('2027-01-15T16:00:00Z')).toBe('2027-01-15T17:00');
    expect(berlinLocal('2027-07-15T15:00:00Z')).toBe('2027-07-15T17:00');
    expect(berlinLocal('1990-01-15T16:00:00Z')).toBe('1990-01-15T17:00');
  });
});
