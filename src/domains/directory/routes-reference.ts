import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { createFieldOfAction, fieldsOfActionTree, updateFieldOfAction } from './fields-service.js';
import { depsOf } from './route-support.js';
import {
  fieldOfActionCreate,
  fieldOfActionNodeSchema,
  fieldOfActionPatch,
  fieldOfActionSaved,
  idParam,
} from './schemas.js';

const tags = ['directory'];

/** Fields of action (Handlungsfelder): the office's taxonomy. */
export function referenceRoutes(app: AppServer, ctx: AppContext): void {
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
    { schema: { tags, body: fieldOfActionCreate, response: { 201: fieldOfActionSaved } } },
    async (request, reply) => {
      const field = await createFieldOfAction(depsOf(request, ctx), request.body);
      // Changed rules re-classify every document now, not at the next scheduled run; the job id
      // lets the editor follow its progress (GET /api/jobs/:id).
      const reclassifyJobId = await ctx.jobs.enqueue('search.reclassify', { force: true });
      return reply.code(201).send({ ...field, reclassifyJobId });
    },
  );

  app.patch(
    '/api/fields-of-action/:id',
    { schema: { tags, params: idParam, body: fieldOfActionPatch, response: { 200: fieldOfActionSaved } } },
    async (request) => {
      const field = await updateFieldOfAction(depsOf(request, ctx), request.params.id, request.body);
      const reclassifyJobId = await ctx.jobs.enqueue('search.reclassify', { force: true });
      return { ...field, reclassifyJobId };
    },
  );
}
