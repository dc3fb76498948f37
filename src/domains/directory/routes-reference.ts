import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { bodiesTree, getBodyDetail } from './bodies-service.js';
import { createFieldOfAction, fieldsOfActionTree, updateFieldOfAction } from './fields-service.js';
import { depsOf } from './route-support.js';
import {
  bodyDetailSchema,
  bodyNodeSchema,
  fieldOfActionCreate,
  fieldOfActionNodeSchema,
  fieldOfActionPatch,
  fieldOfActionSchema,
  idParam,
} from './schemas.js';

const tags = ['directory'];

/** Bodies (Gebietskörperschaften) and fields of action (Handlungsfelder): the reference trees. */
export function referenceRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/bodies',
    {
      schema: {
        tags,
        summary: 'Bodies as a tree, with official keys (AGS/ARS)',
        response: { 200: z.object({ items: z.array(bodyNodeSchema) }) },
      },
    },
    async (request) => ({ items: await bodiesTree(depsOf(request, ctx)) }),
  );

  app.get(
    '/api/bodies/:id',
    { schema: { tags, params: idParam, response: { 200: bodyDetailSchema } } },
    async (request) => getBodyDetail(depsOf(request, ctx), request.params.id),
  );

  app.get(
    '/api/fields-of-action',
    {
      schema: {
        tags,
        summary: 'Fields of action as a tree, with their term rules',
        response: { 200: z.object({ items: z.array(fieldOfActionNodeSchema) }) },
      },
    },
    async (request) => ({ items: await fieldsOfActionTree(depsOf(request, ctx)) }),
  );

  app.post(
    '/api/fields-of-action',
    { schema: { tags, body: fieldOfActionCreate, response: { 201: fieldOfActionSchema } } },
    async (request, reply) => {
      const field = await createFieldOfAction(depsOf(request, ctx), request.body);
      // Changed rules re-classify every document now, not at the next scheduled run.
      await ctx.jobs.enqueue('search.reclassify', { force: true });
      return reply.code(201).send(field);
    },
  );

  app.patch(
    '/api/fields-of-action/:id',
    { schema: { tags, params: idParam, body: fieldOfActionPatch, response: { 200: fieldOfActionSchema } } },
    async (request) => {
      const field = await updateFieldOfAction(depsOf(request, ctx), request.params.id, request.body);
      await ctx.jobs.enqueue('search.reclassify', { force: true });
      return field;
    },
  );
}
