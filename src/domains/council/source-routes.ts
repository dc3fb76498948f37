import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { ForbiddenError, NotFoundError } from '../../infra/http/errors.js';
import { assertCanWrite, seesEverything } from '../access/policy.js';
import { oparlSyncJobType } from './jobs.js';
import { listQuarantine } from './quarantine-service.js';
import { idParams, quarantineEntrySchema, sourceSchema } from './schemas.js';
import { addSource, listSourcesFor } from './sources-service.js';

export function registerSourceRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/oparl-sources',
    {
      schema: {
        tags: ['council'],
        summary: 'OParl sources with their last sync, counts and errors (office/admin)',
        response: { 200: z.object({ items: z.array(sourceSchema) }) },
      },
    },
    async (request) => ({ items: await listSourcesFor(ctx, request.actor) }),
  );
  app.post(
    '/api/oparl-sources',
    {
      schema: {
        tags: ['council'],
        summary: 'Add an OParl source by its System URL (office/admin)',
        body: z.object({ systemUrl: z.string().min(8).max(2000) }),
        response: { 201: sourceSchema },
      },
    },
    async (request, reply) => {
      const source = await addSource(ctx, request.actor, request.body, request.id);
      return reply.code(201).send(source);
    },
  );
  app.post(
    '/api/oparl-sources/:id/sync',
    {
      schema: {
        tags: ['council'],
        summary: 'Enqueue a sync of one source; poll the job for progress (office/admin)',
        params: idParams,
        response: { 202: z.object({ jobId: z.number() }) },
      },
    },
    async (request, reply) => {
      assertCanWrite(request.actor);
      if (!seesEverything(request.actor))
        throw new ForbiddenError('Office staff only', 'Nur für die Geschäftsstelle');
      const found = await ctx.db
        .selectFrom('council_sources')
        .select('id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!found) throw new NotFoundError('Source');
      const jobId = await ctx.jobs.enqueue(oparlSyncJobType, { sourceId: found.id });
      return reply.code(202).send({ jobId });
    },
  );
  app.get(
    '/api/council/quarantine',
    {
      schema: {
        tags: ['council'],
        summary: 'Objects and pages an OParl import could not store, with reasons (office/admin)',
        querystring: z.object({
          sourceId: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
          includeResolved: z.enum(['true', 'false']).default('false'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ items: z.array(quarantineEntrySchema), total: z.number() }) },
      },
    },
    async (request) => listQuarantine(ctx, request.actor, request.query),
  );
}
