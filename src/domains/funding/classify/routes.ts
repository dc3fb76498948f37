import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { callsForTopics } from '../matching/calls-for-topics.js';
import { papersForCall } from '../matching/papers-for-call.js';
import { idParam } from '../schemas.js';
import { correctCallFields } from './correct-fields.js';

const tags = ['funding'];
const paper = z.object({
  id: z.number(),
  title: z.string(),
  date: z.string().nullable(),
  paperType: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
});
const topicCall = z.object({ id: z.number(), title: z.string(), nextDeadline: z.string().nullable() });
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Calls ↔ council papers and the fields of action of calls. */
export function callTopicRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/funding/calls/:id/papers',
    {
      schema: {
        tags,
        summary:
          'Ratsvorlagen der Region zum Thema des Aufrufs, nach Gremium/Körperschaft, neueste zuerst, mit Begründung / council papers dealing with what the call funds',
        params: idParam,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(40) }),
        response: {
          200: z.object({
            bodies: z.array(z.object({ body: z.string(), papers: z.array(paper) })),
            total: z.number(),
          }),
        },
      },
    },
    async (request) => papersForCall(ctx, request.actor, request.params.id, { limit: request.query.limit }),
  );

  app.put(
    '/api/funding/calls/:id/fields',
    {
      schema: {
        tags,
        summary:
          'Handlungsfelder eines Aufrufs korrigieren (Geschäftsstelle); null gibt ihn an Quelle und Klassifikator zurück / correct a call’s fields of action (office)',
        params: idParam,
        body: z.object({ fields: z.array(z.string().min(1).max(200)).max(50).nullable() }),
        response: { 200: z.object({ effective: z.array(z.string()) }) },
      },
    },
    async (request) =>
      correctCallFields(ctx.db, request.actor, request.params.id, request.body.fields, request.id),
  );

  app.get(
    '/api/funding/radar-calls',
    {
      schema: {
        tags,
        summary:
          'Offene Aufrufe je Radar-Thema (Handlungsfeld oder Begriff) / open calls per radar topic (field of action or word)',
        querystring: z.object({
          field: z
            .union([
              z.coerce.number().int().positive().max(2_147_483_647),
              z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(50),
            ])
            .optional(),
          term: z.union([z.string().min(2).max(100), z.array(z.string().min(2).max(100)).max(30)]).optional(),
        }),
        response: {
          200: z.object({
            fields: z.record(z.string(), z.array(topicCall)),
            terms: z.record(z.string(), z.array(topicCall)),
          }),
        },
      },
    },
    async (request) =>
      callsForTopics(ctx.db, request.actor, {
        fields: asList(request.query.field) as number[],
        terms: asList(request.query.term) as string[],
      }),
  );
}
