import { describe, expect, it } from 'vitest';
import { extractDeadlines } from './extract-deadlines.js';

const today = '2026-11-25';
const dates = (text: string) => extractDeadlines(text, { today }).deadlines.map((d) => d.date);

describe('extractDeadlines', () => {
  it('reads the German formats and ISO dates', () => {
    expect(dates('Die Antragsfrist endet am 31.01.2027.')).toEqual(['2027-01-31']);
    expect(dates('Projektskizzen sind bis zum 31. Januar 2027 einzureichen.')).toEqual(['2027-01-31']);
    expect(dates('Einreichungsfrist: 2027-01-31')).toEqual(['2027-01-31']);
    expect(dates('Bewerbungsschluss ist der 5.3.27.')).toEqual(['2027-03-05']);
  });

  it('gives "bis Ende März 2026" the last day of the month with a lower confidence', () => {
    const [exact] = extractDeadlines('Anträge sind bis zum 31. März 2026 einzureichen.', { today }).deadlines;
    const [month] = extractDeadlines('Anträge sind bis Ende März 2026 einzureichen.', { today }).deadlines;
    expect(month.date).toBe('2026-03-31');
    expect(month.approximate).toBe(true);
    expect(month.confidence).toBeLessThan(exact.confidence);
  });

  it('turns a time with MEZ/MESZ or Brussels time into a UTC instant', () => {
    const [mez] = extractDeadlines('Antragsfrist: 15.01.2027, 12:00 Uhr MEZ', { today }).deadlines;
    expect(mez).toMatchObject({ time: '12:00', timeZone: '+01:00', dueAt: '2027-01-15T11:00:00.000Z' });
    const [summer] = extractDeadlines('Deadline: 24 September 2024 at 17:00:00 (Brussels time)', {
      today,
    }).deadlines;
    expect(summer.dueAt).toBe('2024-09-24T15:00:00.000Z');
    const [local] = extractDeadlines('Einsendeschluss ist der 1. Juli 2027 um 24:00 Uhr.', {
      today,
    }).deadlines;
    expect(local.dueAt).toBe('2027-07-01T22:00:00.000Z');
    expect(local.reasons.join(' ')).toContain('Europe/Berlin');
  });

  it('tells start dates and validity periods apart from deadlines', () => {
    const r = extractDeadlines(
      'Die Richtlinie tritt am 1. Januar 2026 in Kraft und gilt bis 31.12.2028. Anträge können ab dem 01.02.2026 gestellt werden. Die Laufzeit der Projekte beträgt 01.04.2026 bis 31.03.2029. Antragsschluss ist der 30.06.2026.',
      { today },
    );
    expect(r.deadlines.map((d) => d.date)).toEqual(['2026-06-30']);
    const roles = Object.fromEntries(r.otherDates.map((o) => [o.date, o.role]));
    expect(roles['2026-01-01']).toBe('validity');
    expect(roles['2026-02-01']).toBe('start');
    expect(roles['2026-04-01']).toBe('period');
  });

  it('expands recurring cut-offs to their next occurrences', () => {
    const r = extractDeadlines('Stichtage: 15. März und 15. September', { today });
    expect(r.deadlines.map((d) => [d.date, d.recurring])).toEqual([
      ['2027-03-15', true],
      ['2027-09-15', true],
    ]);
    const two = extractDeadlines('Stichtage sind jeweils der 15. März.', {
      today: '2027-03-16',
      occurrences: 2,
    });
    expect(two.deadlines.map((d) => d.date)).toEqual(['2028-03-15', '2029-03-15']);
  });

  it('recognises rolling calls but not the adjective "laufende"', () => {
    expect(extractDeadlines('Anträge können laufend gestellt werden.').rolling).toBe(true);
    expect(extractDeadlines('Eine Antragstellung ist jederzeit möglich.').rolling).toBe(true);
    expect(extractDeadlines('Es gibt keine Antragsfrist.').rolling).toBe(true);
    expect(extractDeadlines('Zu den laufenden Förderanträgen berichten wir später.').rolling).toBe(false);
  });

  it('recognises closed calls, unless a later round is announced', () => {
    expect(extractDeadlines('Eine Antragstellung ist nicht mehr möglich.').closed).toBe(true);
    expect(extractDeadlines('Das Förderprogramm ist ausgelaufen.').closed).toBe(true);
    expect(extractDeadlines('Der Aufruf wurde am 31.01.2025 beendet.', { today }).closed).toBe(true);
    const reopened = extractDeadlines(
      'Der Aufruf wurde am 31.01.2025 beendet. Die nächste Runde: Einreichungsfrist 31.01.2027.',
      { today },
    );
    expect(reopened.closed).toBe(false);
  });

  it('drops superseded and removed dates', () => {
    expect(dates('Postponement of cut off deadline from 27/01/2026 to 24/03/2026.')).toEqual(['2026-03-24']);
    expect(dates('The final cut-off date of 26 January 2027 has been removed.')).toEqual([]);
  });

  it('does not read tender validity or payment dates as deadlines', () => {
    expect(dates('Die Zuschlagsfrist endet am 25.04.2027.')).toEqual([]);
    expect(dates('Die Gebühren sind bis spätestens 15. November eines jeden Jahres zu zahlen.')).toEqual([]);
  });

  it('strips HTML and survives odd input', () => {
    expect(dates('<p>Deadline:&nbsp;28.01.2027</p>')).toEqual(['2027-01-28']);
    expect(extractDeadlines('')).toEqual({
      deadlines: [],
      rolling: false,
      closed: false,
      otherDates: [],
      rollingEvidence: null,
      closedEvidence: null,
    });
    expect(dates('31.02.2027 Antragsfrist 99.99.9999')).toEqual([]);
  });

  it('names the sentence it read rolling or closed from (real snippets)', () => {
    // EU Funding & Tenders, ESC-HUMAID-2021-QUAL-LABEL-FP latestInfos[6] (© European Union)
    const closed = extractDeadlines(
      '<p>Call ESC-HUMAID-2021-QUAL-LABEL - Quality Label Humanitarian Aid has closed on the 22 September 2021 at 17:00:00 (Brussels Local Time).</p><p>120 proposals have been submitted.</p>',
      { today: '2026-12-01' },
    );
    expect(closed).toMatchObject({ closed: true, rolling: false, rollingEvidence: null });
    expect(closed.closedEvidence).toBe(
      'Call ESC-HUMAID-2021-QUAL-LABEL - Quality Label Humanitarian Aid has closed on the 22 September 2021 at 17:00:00 (Brussels Local Time).',
    );
    // Förderdatenbank, Einstiegsgeld (BMWE, CC BY-ND 4.0), sentence quoted unaltered
    const rolling = extractDeadlines(
      'Die Förderung ist vor Aufnahme der Erwerbstätigkeit bei den zuständigen Trägern der Grundsicherung zu beantragen.',
    );
    expect(rolling).toMatchObject({ rolling: true, closed: false, closedEvidence: null });
    expect(rolling.rollingEvidence).toBe(
      'Die Förderung ist vor Aufnahme der Erwerbstätigkeit bei den zuständigen Trägern der Grundsicherung zu beantragen.',
    );
  });
});
