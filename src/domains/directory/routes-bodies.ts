import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { bodiesTree, createBody, getBodyDetail, updateBody } from './bodies-service.js';
import { depsOf } from './route-support.js';
import {
  bodyCreate,
  bodyDetailSchema,
  bodyListQuery,
  bodyNodeSchema,
  bodyPatch,
  bodySchema,
  idParam,
} from './schemas.js';

const tags = ['directory'];

/** Bodies (Gebietskörperschaften): the region's geography with its official keys. */
export function bodyRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/bodies',
    {
      schema: {
        tags,
        summary:
          'Bodies as a tree, with official keys (AGS/ARS); ?q= keeps the bodies whose name or key matches, with their parents',
        querystring: bodyListQuery,
        response: { 200: z.object({ items: z.array(bodyNodeSchema) }) },
      },
    },
    async (request) => ({ items: await bodiesTree(depsOf(request, ctx), request.query.q) }),
  );

  app.get(
    '/api/bodies/:id',
    { schema: { tags, params: idParam, response: { 200: bodyDetailSchema } } },
    async (request) => getBodyDetail(depsOf(request, ctx), request.params.id),
  );

  app.post(
    '/api/bodies',
    {
      schema: {
        tags,
        summary: 'Add a body (office and admins)',
        body: bodyCreate,
        response: { 201: bodySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createBody(depsOf(request, ctx), request.body)),
  );

  app.patch(
    '/api/bodies/:id',
    { schema: { tags, params: idParam, body: bodyPatch, response: { 200: bodySchema } } },
    async (request) => updateBody(depsOf(request, ctx), request.params.id, request.body),
  );
}
