import { z } from 'zod';
import type { AppContext, AppServer } from '../../../app/context.js';
import { BadRequestError } from '../../../infra/http/errors.js';
import { parseJsonList } from './load.js';
import { matchCalls, recordMatchFeedback } from './match-service.js';
import { getOrgProfile } from './org-profile-read.js';
import { createProject, listProjects, saveOrgProfile } from './profiles.js';
import { getProject, updateProject } from './project-service.js';

const match = z.object({
  callId: z.number(),
  callTitle: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  verdict: z.enum(['relevant', 'irrelevant']).nullable(),
});
const regionAgs = z
  .string()
  .regex(/^\d{2,8}$/)
  .nullish();
const project = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  fieldsOfAction: z.array(z.string()),
  applicantType: z.string().nullable(),
  regionAgs: z.string().nullable(),
  ownerOrganizationId: z.number().nullable(),
  isPublic: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});
const orgProfile = z.object({
  organizationId: z.number(),
  organizationName: z.string(),
  applicantType: z.string().nullable(),
  regionAgs: z.string().nullable(),
  fieldsOfAction: z.array(z.string()),
  keywords: z.array(z.string()),
  updatedAt: z.string().nullable(),
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
        response: {
          200: z.object({ items: z.array(match), feedbackOrganizationId: z.number().nullable() }),
        },
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
      const answer = await matchCalls(ctx.db, request.actor, ref, { limit: q.limit });
      return {
        items: answer.items.map(({ callId, callTitle, score, reasons, verdict }) => ({
          callId,
          callTitle,
          score,
          reasons,
          verdict,
        })),
        feedbackOrganizationId: answer.feedbackOrganizationId,
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

  app.get(
    '/api/funding/projects/:id',
    { schema: { tags: ['funding'], params: z.object({ id }), response: { 200: project } } },
    async (request) => getProject(ctx.db, request.actor, request.params.id),
  );

  app.patch(
    '/api/funding/projects/:id',
    {
      schema: {
        tags: ['funding'],
        summary: 'Change a project profile (office; partners their own; optimistic version)',
        params: z.object({ id }),
        body: z.object({
          version: z.number().int(),
          title: z.string().trim().min(1).max(500).optional(),
          description: z.string().max(20_000).nullish(),
          fieldsOfAction: z.array(z.string().max(100)).max(50).optional(),
          applicantType: z.string().max(200).nullish(),
          regionAgs,
          ownerOrganizationId: z.number().int().positive().nullish(),
          isPublic: z.boolean().optional(),
        }),
        response: { 200: project },
      },
    },
    async (request) => updateProject(ctx.db, request.actor, request.params.id, request.body, request.id),
  );

  app.get(
    '/api/funding/org-profiles/:organizationId',
    {
      schema: {
        tags: ['funding'],
        summary: 'Matching profile of a partner organisation (office; members their own)',
        params: z.object({ organizationId: id }),
        response: { 200: orgProfile },
      },
    },
    async (request) => getOrgProfile(ctx.db, request.actor, request.params.organizationId),
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
