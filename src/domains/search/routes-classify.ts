import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { BadRequestError } from '../../infra/http/errors.js';
import { classificationsOf } from './classify/classifications-service.js';
import { regionalRadar } from './radar-service.js';

const tags = ['search'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const radarDocument = z.object({
  type: z.string(),
  id: z.number(),
  title: z.string(),
  date: z.string().nullable(),
  body: z.string(),
});

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function classifyRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/classifications',
    {
      schema: {
        tags,
        summary: 'Fields of action of one indexed document, with the words that matched',
        querystring: z.object({ type: z.string().min(1).max(50), id: z.coerce.number().int() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                fieldId: z.number(),
                name: z.string(),
                score: z.number(),
                matchedTerms: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await classificationsOf(ctx, request.actor, request.query.type, request.query.id),
    }),
  );

  app.get(
    '/api/radar',
    {
      schema: {
        tags,
        summary: 'Regional radar: topics several bodies deal with in a date window (default: last 90 days)',
        querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            documents: z.number(),
            topics: z.array(
              z.object({
                kind: z.enum(['field', 'term']),
                key: z.string(),
                label: z.string(),
                total: z.number(),
                bodies: z.array(z.object({ body: z.string(), count: z.number() })),
                documents: z.array(radarDocument),
              }),
            ),
            bodies: z.array(z.object({ body: z.string(), documents: z.number(), topics: z.number() })),
          }),
        },
      },
    },
    async (request) => {
      const to = request.query.to ?? new Date().toISOString().slice(0, 10);
      const from = request.query.from ?? daysBefore(to, 90);
      if (from > to)
        throw new BadRequestError(
          'RADAR_WINDOW',
          '"from" must not be after "to"',
          '„from“ darf nicht nach „to“ liegen',
        );
      return regionalRadar(ctx, request.actor, from, to);
    },
  );
}
