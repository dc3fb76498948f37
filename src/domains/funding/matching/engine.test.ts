import { describe, expect, it } from 'vitest';
import { type CallForMatching, MatchingEngine } from './engine.js';

const call = (over: Partial<CallForMatching> & { id: number }): CallForMatching => ({
  title: 'Aufruf',
  text: null,
  fields: [],
  applicants: [],
  regions: [],
  nextDeadline: null,
  closed: false,
  ...over,
});

const calls: CallForMatching[] = [
  call({
    id: 1,
    title: 'Regio.NRW Mobilität',
    text: 'Förderung regionaler Radverkehrsnetze und Mobilitätsstationen',
    fields: ['mobility'],
    applicants: ['Kommune'],
    regions: ['Nordrhein-Westfalen'],
    nextDeadline: '2027-01-06',
  }),
  call({
    id: 2,
    title: 'Gründerzuschuss',
    fields: ['economy'],
    applicants: ['Existenzgründer/in'],
    regions: ['bundesweit'],
  }),
  call({
    id: 3,
    title: 'Radverkehr Bayern',
    fields: ['mobility'],
    applicants: ['Kommune'],
    regions: ['Bayern'],
  }),
  call({ id: 4, title: 'Mobilität geschlossen', fields: ['mobility'], closed: true }),
  call({
    id: 5,
    title: 'Digitale Verwaltung',
    fields: ['digital'],
    applicants: ['Kommune'],
    regions: ['bundesweit'],
  }),
];
const engine = new MatchingEngine(
  calls,
  { mobility: 'Mobilität', economy: 'Wirtschaft', digital: 'Digitalisierung' },
  '2026-11-25',
);
const project = {
  id: 10,
  title: 'Regionales Radverkehrsnetz',
  text: 'Mobilitätsstationen und Radverkehrsnetze im Kreis Mettmann',
  fields: ['mobility'],
  applicantType: 'Kommunen',
  regionAgs: '05158000',
};

describe('MatchingEngine', () => {
  it('ranks calls with reasons a person can check and leaves out ineligible ones', () => {
    const m = engine.matchTarget(project);
    expect(m.map((x) => x.callId)).toEqual([1]);
    expect(m[0].reasons).toEqual(
      expect.arrayContaining([
        'Handlungsfeld Mobilität',
        'antragsberechtigt: Kommune',
        'Region NRW',
        'Frist in 42 Tagen',
      ]),
    );
    expect(m[0].reasons.some((r) => r.startsWith('gemeinsame Begriffe: '))).toBe(true);
  });

  it('changes the ranking after feedback of the organisation', () => {
    const org = { ...project, id: 20, title: 'Kreis Mettmann', text: null, fields: ['mobility', 'digital'] };
    const before = engine.matchTarget(org).map((m) => m.callId);
    expect(before).toEqual([1, 5]);
    const after = engine.matchTarget(org, {
      feedback: { relevantCalls: new Set([5]), irrelevantCalls: new Set([1]) },
      minScore: 0,
    });
    expect(after.map((m) => m.callId)).toEqual([5, 1]);
    expect(after[0].reasons).toContain('von Ihrer Organisation als relevant markiert');
  });
});
