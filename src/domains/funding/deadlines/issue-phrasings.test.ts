import { describe, expect, it } from 'vitest';
import { AUTO_ACCEPT } from './extract-calls.js';
import { extractDeadlines } from './extract-deadlines.js';

/**
 * Phrasings seen in real call texts that the extractor missed or misread (issue 10, measured on 41
 * calls outside ../shared). Each must give the published deadline at the auto-accept confidence,
 * and nothing else as a deadline.
 */
const today = '2023-01-10';
const accepted = (text: string, day = today) =>
  extractDeadlines(text, { today: day })
    .deadlines.filter((d) => d.confidence >= AUTO_ACCEPT)
    .map((d) => d.date);
const all = (text: string, day = today) =>
  extractDeadlines(text, { today: day }).deadlines.map((d) => d.date);

describe('deadline phrasings from real call texts', () => {
  it('reads a portal closing, an "-ende" noun and a plural "Deadlines" label', () => {
    expect(accepted('Das Bewerbungsportal schließt am 1. März 2024.')).toEqual(['2024-03-01']);
    expect(accepted('Bewerbungsende: 30. April 2023')).toEqual(['2023-04-30']);
    expect(accepted('Deadlines: 09.12.2024 (internal)')).toEqual(['2024-12-09']);
    expect(accepted('Einreichungsende ist der 15.05.2023.')).toEqual(['2023-05-15']);
  });

  it('reads a date written before its noun', () => {
    expect(accepted('07. Mai 2024 – Stichtag für die Einreichung der Unterlagen')).toEqual(['2024-05-07']);
    expect(accepted('07. Mai 2024: Stichtag')).toEqual(['2024-05-07']);
    expect(accepted('Der 07. Mai 2024 ist der Stichtag für Anträge.')).toEqual(['2024-05-07']);
  });

  it('takes "bis zum … per Mail" as a deadline, not as an end date', () => {
    expect(
      accepted('Bitte senden Sie Ihre Unterlagen bis zum 30. April 2022 per Mail an die Geschäftsstelle.'),
    ).toEqual(['2022-04-30']);
    expect(accepted('Interessierte melden sich bis zum 30. April 2022 per Mail.')).toEqual(['2022-04-30']);
  });

  it('drops the superseded date of a postponed deadline', () => {
    const r = extractDeadlines('Deadline verschoben vom 1.2.2025 auf den 15.3.2025.', { today });
    expect(r.deadlines.map((d) => d.date)).toEqual(['2025-03-15']);
    expect(r.deadlines[0].confidence).toBeGreaterThanOrEqual(AUTO_ACCEPT);
    expect(r.otherDates.find((o) => o.date === '2025-02-01')?.role).toBe('superseded');
    expect(all('Die Frist wurde vom 1. Februar 2025 auf den 15. März 2025 verlängert.')).toEqual([
      '2025-03-15',
    ]);
  });

  it('reads the end of a submission range "01.09.-02.11.2021" and keeps its start out', () => {
    const r = extractDeadlines('Einreichungszeitraum: 01.09.-02.11.2021', { today: '2021-06-01' });
    expect(r.deadlines.map((d) => [d.date, d.confidence >= AUTO_ACCEPT])).toEqual([['2021-11-02', true]]);
    expect(r.otherDates.find((o) => o.date === '2021-09-01')?.role).toBe('start');
    expect(accepted('Anträge können vom 01.09. bis 02.11.2021 gestellt werden.', '2021-06-01')).toEqual([
      '2021-11-02',
    ]);
  });

  it('does not take a consultation hour for a deadline when there is none', () => {
    const r = extractDeadlines('keine Deadline, 08./21.02.2023 Online-Sprechstunde', { today });
    expect(r.deadlines.filter((d) => d.confidence >= 0.5)).toEqual([]);
    expect(r.rolling).toBe(true);
    expect(all('Informationsveranstaltung am 14.03.2023 um 10 Uhr (online).')).toEqual([]);
  });

  it('recognises rolling in present tense, German and English, but not in past tense', () => {
    expect(extractDeadlines('Die Antragstellung kann jederzeit erfolgen.', { today }).rolling).toBe(true);
    expect(extractDeadlines('Applications can be submitted at any time.', { today }).rolling).toBe(true);
    expect(extractDeadlines('Anträge sind fortlaufend möglich.', { today }).rolling).toBe(true);
    expect(extractDeadlines('Eine Antragstellung ist bis auf Weiteres möglich.', { today }).rolling).toBe(
      true,
    );
    expect(extractDeadlines('Laufende Antragstellung.', { today }).rolling).toBe(true);
    expect(extractDeadlines('Applications are accepted on a rolling basis.', { today }).rolling).toBe(true);
    expect(
      extractDeadlines(
        'Bisher konnte der Antrag jederzeit gestellt werden; künftig gilt der Stichtag 1. März 2024.',
        {
          today,
        },
      ).rolling,
    ).toBe(false);
    expect(
      extractDeadlines('Until now, applications could be submitted at any time.', { today }).rolling,
    ).toBe(false);
  });

  it('carries a shared year to the first of two cut-offs', () => {
    expect(
      accepted(
        'Die Stichtage für die Einreichung der Projektskizzen sind der 15. März und der 15. September 2026.',
        '2025-12-01',
      ),
    ).toEqual(['2026-03-15', '2026-09-15']);
    expect(accepted('Anträge bis zum 20.04.2026 und 15.09.2026', '2026-01-10')).toEqual([
      '2026-04-20',
      '2026-09-15',
    ]);
    // without a year they recur
    const r = extractDeadlines('Stichtage: 15. März und 15. September', { today: '2026-11-25' });
    expect(r.deadlines.map((d) => [d.date, d.recurring])).toEqual([
      ['2027-03-15', true],
      ['2027-09-15', true],
    ]);
  });
});
