import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { decideFlags, decideReview, listFlagQueue, listReviewQueue } from './review-service.js';

const item = z.object({
  id: z.number(),
  call_id: z.number(),
  call_title: z.string(),
  deadline_date: z.string(),
  deadline_time: z.string().nullable(),
  time_zone: z.string().nullable(),
  confidence: z.number(),
  evidence: z.string(),
  reasons: z.array(z.string()),
  status: z.string(),
  decided_date: z.string().nullable(),
  round_id: z.number().nullable(),
  version: z.number(),
});

const flagItem = z.object({
  call_id: z.number(),
  call_title: z.string(),
  source: z.string(),
  status: z.string(),
  stage_model: z.string(),
  extracted_rolling: z.boolean(),
  extracted_closed: z.boolean(),
  rolling: z.boolean(),
  closed: z.boolean(),
  rolling_evidence: z.string().nullable(),
  closed_evidence: z.string().nullable(),
  status_applied: z.boolean(),
  stage_applied: z.boolean(),
  status_held_by_source: z.boolean(),
  stage_held_by_source: z.boolean(),
  flags_review: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  version: z.number(),
});

export function reviewRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/funding/review/flags',
    {
      schema: {
        tags: ['funding'],
        summary: 'Laufend/geschlossen aus dem Text prüfen / review rolling and closed read from call texts',
        querystring: z.object({ state: z.enum(['pending', 'decided']).default('pending') }),
        response: { 200: z.object({ items: z.array(flagItem) }) },
      },
    },
    async (request) => ({ items: await listFlagQueue(ctx.db, request.actor, request.query.state) }),
  );

  app.post(
    '/api/funding/review/flags/:callId',
    {
      schema: {
        tags: ['funding'],
        params: z.object({ callId: z.coerce.number().int().positive() }),
        body: z.object({ rolling: z.boolean(), closed: z.boolean(), version: z.number().int().optional() }),
        response: {
          200: z.object({
            callId: z.number(),
            review: z.string(),
            status: z.string(),
            stageModel: z.string(),
            version: z.number(),
          }),
        },
      },
    },
    async (request) => decideFlags(ctx.db, request.actor, request.params.callId, request.body, request.id),
  );

  app.get(
    '/api/funding/review',
    {
      schema: {
        tags: ['funding'],
        summary: 'Prüfliste unsicherer Fristen / review queue of uncertain deadlines',
        querystring: z.object({
          status: z.enum(['pending', 'confirmed', 'corrected', 'rejected']).default('pending'),
        }),
        response: { 200: z.object({ items: z.array(item) }) },
      },
    },
    async (request) => ({ items: await listReviewQueue(ctx.db, request.actor, request.query.status) }),
  );

  app.post(
    '/api/funding/review/:id',
    {
      schema: {
        tags: ['funding'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.discriminatedUnion('action', [
          z.object({ action: z.literal('confirm'), version: z.number().int().optional() }),
          z.object({
            action: z.literal('correct'),
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
            time: z
              .string()
              .regex(/^\d{2}:\d{2}$/)
              .nullish(),
            version: z.number().int().optional(),
          }),
          z.object({ action: z.literal('reject'), version: z.number().int().optional() }),
        ]),
        response: {
          200: z.object({
            id: z.number(),
            status: z.string(),
            roundId: z.number().nullable(),
            date: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => decideReview(ctx.db, request.actor, request.params.id, request.body, request.id),
  );
}
