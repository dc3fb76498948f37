import type { z } from 'zod';
import type {
  bodyDetail,
  bodySummary,
  calendarEntry,
  calendarResponse,
  checkBody,
  checkResponse,
  exampleSchema,
  manualMeeting,
  sequenceSchema,
} from '../../../../src/domains/planner/schemas.js';

/** The planner API's shapes, inferred from the server's zod schemas so both sides stay in step. */
export type PlanQuestion = z.input<typeof checkBody>;
export type PlanAnswer = z.infer<typeof checkResponse>;
export type BodyPlan = PlanAnswer['bodies'][number];
export type PlanStep = NonNullable<BodyPlan['latest']>[number];
export type PlanWarning = BodyPlan['warnings'][number];
export type PlannerBody = z.infer<typeof bodySummary>;
export type PlannerBodyDetail = z.infer<typeof bodyDetail>;
export type Sequence = z.infer<typeof sequenceSchema>;
export type Calendar = z.infer<typeof calendarResponse>;
export type CalendarEntry = z.infer<typeof calendarEntry>;
export type ManualMeeting = z.infer<typeof manualMeeting>;
export type Example = z.infer<typeof exampleSchema>;
