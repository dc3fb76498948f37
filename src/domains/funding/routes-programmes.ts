import type { AppContext, AppServer } from '../../app/context.js';
import type { Actor } from '../access/actor.js';
import { getProgrammeDetail, listProgrammes } from './api/programmes.js';
import { createProgramme, updateProgramme } from './api/write-programme.js';
import {
  idParam,
  programmeDetailSchema,
  programmeListQuery,
  programmeListResponse,
  programmeSchema,
  programmeUpdateBody,
  programmeWriteBody,
} from './schemas.js';

const tags = ['funding'];

export function fundingProgrammeRoutes(app: AppServer, ctx: AppContext): void {
  const deps = (request: { actor: Actor; id: string }) => ({
    db: ctx.db,
    actor: request.actor,
    requestId: request.id,
  });

  app.get(
    '/api/funding/programmes',
    {
      schema: {
        tags,
        summary: 'Funding programmes (Förderprogramme)',
        querystring: programmeListQuery,
        response: { 200: programmeListResponse },
      },
    },
    async (request) => listProgrammes(ctx.db, request.actor, request.query),
  );

  app.get(
    '/api/funding/programmes/:id',
    {
      schema: {
        tags,
        summary: 'One programme: text as given (verbatim for CC BY-ND), attribution line, calls, history',
        params: idParam,
        response: { 200: programmeDetailSchema },
      },
    },
    async (request) => getProgrammeDetail(ctx.db, request.actor, request.params.id),
  );

  app.post(
    '/api/funding/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme by hand (office, admin)',
        body: programmeWriteBody,
        response: { 201: programmeSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createProgramme(deps(request), request.body)),
  );

  app.patch(
    '/api/funding/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Change a hand-kept programme (office, admin; optimistic version)',
        params: idParam,
        body: programmeUpdateBody,
        response: { 200: programmeSchema },
      },
    },
    async (request) => updateProgramme(deps(request), request.params.id, request.body),
  );
}
