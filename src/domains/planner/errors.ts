import { BadRequestError } from '../../infra/http/errors.js';
import { germanDay } from './calendar-day.js';

/** The planner's domain errors: a stable code and a German and English message each. */

export const deadlineBeforeAsOf = (deadline: string, asOf: string) =>
  new BadRequestError(
    'PLANNER_DEADLINE_BEFORE_AS_OF',
    `The deadline ${deadline} is before the as-of day ${asOf}`,
    `Die Frist ${germanDay(deadline)} liegt vor dem Stichtag der Planung (${germanDay(asOf)})`,
    { deadline, asOf },
  );

export const invalidDay = (field: string, value: string) =>
  new BadRequestError(
    'PLANNER_INVALID_DATE',
    `${field}: "${value}" is not a calendar day (YYYY-MM-DD)`,
    `${field}: „${value}“ ist kein gültiges Datum (JJJJ-MM-TT)`,
    { field, value },
  );

export const invalidDays = (field: string, value: string) =>
  new BadRequestError(
    'PLANNER_INVALID_DAYS',
    `${field}: "${value}" is not a whole number of days from 0 to 365`,
    `${field}: „${value}“ ist keine ganze Zahl von Tagen zwischen 0 und 365`,
    { field, value },
  );

export const emptySequence = () =>
  new BadRequestError(
    'PLANNER_EMPTY_SEQUENCE',
    'The consultation sequence names no committee',
    'Die Beratungsfolge nennt kein Gremium',
  );

export interface CandidateRef {
  id: number;
  name: string;
  body: string | null;
}

const listed = (candidates: CandidateRef[]) =>
  candidates.map((c) => (c.body ? `${c.name} (${c.body})` : c.name)).join('; ');

export const unknownCommittee = (name: string, candidates: CandidateRef[]) =>
  new BadRequestError(
    'PLANNER_UNKNOWN_COMMITTEE',
    candidates.length
      ? `No committee is named "${name}". Similar names: ${listed(candidates)}`
      : `No committee is named "${name}"`,
    candidates.length
      ? `Kein Gremium heißt „${name}“. Ähnliche Namen: ${listed(candidates)}`
      : `Kein Gremium heißt „${name}“`,
    { name, candidates },
  );

export const ambiguousCommittee = (name: string, candidates: CandidateRef[]) =>
  new BadRequestError(
    'PLANNER_AMBIGUOUS_COMMITTEE',
    `"${name}" names ${candidates.length} committees: ${listed(candidates)}. Name the body (--body)`,
    `„${name}“ bezeichnet ${candidates.length} Gremien: ${listed(candidates)}. Bitte die Körperschaft angeben (--body)`,
    { name, candidates },
  );

export const unknownBody = (name: string, candidates: CandidateRef[]) =>
  new BadRequestError(
    'PLANNER_UNKNOWN_BODY',
    candidates.length
      ? `No body is named "${name}". Known bodies: ${listed(candidates)}`
      : `No body is named "${name}"`,
    candidates.length
      ? `Keine Körperschaft heißt „${name}“. Bekannte Körperschaften: ${listed(candidates)}`
      : `Keine Körperschaft heißt „${name}“`,
    { name, candidates },
  );

export const committeeOutsideBody = (committee: string, body: string) =>
  new BadRequestError(
    'PLANNER_COMMITTEE_OUTSIDE_BODY',
    `The committee "${committee}" does not belong to ${body}`,
    `Das Gremium „${committee}“ gehört nicht zu ${body}`,
    { committee, body },
  );

export const sequenceChoice = () =>
  new BadRequestError(
    'PLANNER_SEQUENCE_CHOICE',
    'Give either a saved sequence or a list of committees for each body',
    'Bitte je Körperschaft entweder eine gespeicherte Beratungsfolge oder eine Liste von Gremien angeben',
  );

export const duplicateMeeting = (day: string) =>
  new BadRequestError(
    'PLANNER_DUPLICATE_MEETING',
    `A meeting of this committee on ${day} is already entered`,
    `Für dieses Gremium ist am ${germanDay(day)} bereits eine Sitzung eingetragen`,
    { day },
  );

export const duplicateSequenceName = (name: string) =>
  new BadRequestError(
    'PLANNER_DUPLICATE_SEQUENCE',
    `This body already has a sequence named "${name}"`,
    `Diese Körperschaft hat bereits eine Beratungsfolge „${name}“`,
    { name },
  );
