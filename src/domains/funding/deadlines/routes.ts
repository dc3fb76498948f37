import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { decideReview, listReviewQueue } from './review-service.js';

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

export function reviewRoutes(app: AppServer, ctx: AppContext): void {
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
