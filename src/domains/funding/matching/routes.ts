import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import { parseJsonList } from './load.js';
import { matchCalls, recordMatchFeedback } from './match-service.js';
import { createProject, listProjects, saveOrgProfile } from './profiles.js';

const match = z.object({
  callId: z.number(),
  callTitle: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
const id = z.coerce.number().int().positive();

export function matchingRoutes(app: AppServer, ctx: AppContext): void {
  app.get(
    '/api/funding/matches',
    {
      schema: {
        tags: ['funding'],
        summary: 'Passende Aufrufe mit Begründung / matching calls with reasons',
        querystring: z.object({
          project: id.optional(),
          organization: id.optional(),
          paper: id.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(20),
        }),
        response: { 200: z.object({ items: z.array(match) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const ref = q.project
        ? { project: q.project }
        : q.organization
          ? { organization: q.organization }
          : q.paper
            ? { paper: q.paper }
            : null;
      if (!ref)
        throw new BadRequestError(
          'MATCH_TARGET',
          'Give project, organization or paper',
          'Projekt, Organisation oder Vorlage angeben',
        );
      const items = await matchCalls(ctx.db, request.actor, ref, { limit: q.limit });
      return {
        items: items.map(({ callId, callTitle, score, reasons }) => ({ callId, callTitle, score, reasons })),
      };
    },
  );

  app.post(
    '/api/funding/match-feedback',
    {
      schema: {
        tags: ['funding'],
        body: z.object({
          callId: z.number().int().positive(),
          organizationId: z.number().int().positive().optional(),
          relevant: z.boolean(),
          note: z.string().max(2000).nullish(),
        }),
        response: {
          200: z.object({ organizationId: z.number(), callId: z.number(), relevant: z.boolean() }),
        },
      },
    },
    async (request) => recordMatchFeedback(ctx.db, request.actor, request.body, request.id),
  );

  app.get('/api/funding/projects', { schema: { tags: ['funding'] } }, async (request) => ({
    items: (await listProjects(ctx.db, request.actor)).map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      fieldsOfAction: parseJsonList(p.fields_of_action),
      applicantType: p.applicant_type,
      regionAgs: p.region_ags,
      ownerOrganizationId: p.owner_organization_id,
      isPublic: p.is_public === 1,
    })),
  }));

  app.post(
    '/api/funding/projects',
    {
      schema: {
        tags: ['funding'],
        body: z.object({
          title: z.string().min(1).max(500),
          description: z.string().max(20_000).nullish(),
          fieldsOfAction: z.array(z.string().max(100)).max(50).default([]),
          applicantType: z.string().max(200).nullish(),
          regionAgs: z
            .string()
            .regex(/^\d{2,8}$/)
            .nullish(),
          ownerOrganizationId: z.number().int().positive().nullish(),
          isPublic: z.boolean().optional(),
        }),
        response: { 201: z.object({ id: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createProject(ctx.db, request.actor, request.body, request.id)),
  );

  app.put(
    '/api/funding/org-profiles/:organizationId',
    {
      schema: {
        tags: ['funding'],
        params: z.object({ organizationId: id }),
        body: z.object({
          applicantType: z.string().max(200).nullish(),
          regionAgs: z
            .string()
            .regex(/^\d{2,8}$/)
            .nullish(),
          fieldsOfAction: z.array(z.string().max(100)).max(50).default([]),
          keywords: z.array(z.string().max(100)).max(100).optional(),
        }),
      },
    },
    async (request) =>
      saveOrgProfile(ctx.db, request.actor, request.params.organizationId, request.body, request.id),
  );
}
