import type { Example, PlanQuestion } from './types';

/** One body of the question as the form holds it. */
export interface BodyRowState {
  key: number;
  bodyId: number | null;
  /** 'seq:<id>' for a saved sequence, 'custom' for committees picked here */
  sequence: string | null;
  committeeIds: number[];
  leadDays: number | '';
}

export interface QuestionState {
  deadline: string | null;
  asOf: string | null;
  bufferDays: number | '';
  warnSlackDays: number | '';
  rows: BodyRowState[];
}

let nextKey = 1;
export const emptyRow = (): BodyRowState => ({
  key: nextKey++,
  bodyId: null,
  sequence: null,
  committeeIds: [],
  leadDays: '',
});

export const emptyQuestion = (): QuestionState => ({
  deadline: null,
  asOf: null,
  bufferDays: '',
  warnSlackDays: '',
  rows: [emptyRow()],
});

export function fromExample(e: Example): QuestionState {
  return {
    deadline: e.deadline,
    asOf: e.asOf,
    bufferDays: e.bufferDays || '',
    warnSlackDays: '',
    rows: e.bodies.map((b) => ({ ...emptyRow(), bodyId: b.bodyId, sequence: `seq:${b.sequenceId}` })),
  };
}

/** The API question, or the message key of what is missing. */
export function toQuestion(s: QuestionState): PlanQuestion | { missing: string } {
  if (!s.deadline) return { missing: 'planner.deadlineRequired' };
  const bodies: PlanQuestion['bodies'] = [];
  for (const r of s.rows) {
    if (r.bodyId === null || r.sequence === null) return { missing: 'planner.choose' };
    const leadDays = r.leadDays === '' ? undefined : r.leadDays;
    if (r.sequence === 'custom') {
      if (r.committeeIds.length === 0) return { missing: 'planner.choose' };
      bodies.push({ bodyId: r.bodyId, committeeIds: r.committeeIds, leadDays });
    } else bodies.push({ bodyId: r.bodyId, sequenceId: Number(r.sequence.slice(4)), leadDays });
  }
  return {
    deadline: s.deadline,
    asOf: s.asOf ?? undefined,
    bufferDays: s.bufferDays === '' ? undefined : s.bufferDays,
    warnSlackDays: s.warnSlackDays === '' ? undefined : s.warnSlackDays,
    bodies,
  };
}
