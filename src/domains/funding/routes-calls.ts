import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { exportCallsCsv, exportCallsXlsx } from './api/export-calls.js';
import { getCallDetail } from './api/get-call.js';
import { listCalls } from './api/list-calls.js';
import { createCall, updateCall } from './api/write-call.js';
import { createRound, updateRound } from './api/write-round.js';
import {
  callDetailSchema,
  callListQuery,
  callListResponse,
  callUpdateBody,
  callWriteBody,
  idParam,
  roundSchema,
  roundUpdateBody,
  roundWriteBody,
} from './schemas.js';

const tags = ['funding'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fundingCallRoutes(app: AppServer, ctx: AppContext): void {
  const deps = (request: { actor: import('../access/actor.js').Actor; id: string }) => ({
    db: ctx.db,
    actor: request.actor,
    requestId: request.id,
  });

  app.get(
    '/api/funding/calls',
    {
      schema: {
        tags,
        summary: 'Funding calls (Aufrufe), sorted by next deadline; ?format=csv|xlsx exports the selection',
        querystring: callListQuery,
        response: { 200: z.union([callListResponse, z.string(), z.instanceof(Buffer)]) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if (q.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="foerderaufrufe.csv"')
          .send(await exportCallsCsv(ctx.db, request.actor, q));
      }
      if (q.format === 'xlsx') {
        return reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="foerderaufrufe.xlsx"')
          .send(await exportCallsXlsx(ctx.db, request.actor, q));
      }
      return listCalls(ctx.db, request.actor, q);
    },
  );

  app.get(
    '/api/funding/calls/:id',
    {
      schema: {
        tags,
        summary: 'One call with rounds, history, programme and source attribution',
        params: idParam,
        response: { 200: callDetailSchema },
      },
    },
    async (request) => getCallDetail(ctx.db, request.actor, request.params.id),
  );

  app.post(
    '/api/funding/calls',
    {
      schema: {
        tags,
        summary: 'Create a call by hand (office, admin)',
        body: callWriteBody,
        response: { 201: callDetailSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createCall(deps(request), request.body)),
  );

  app.patch(
    '/api/funding/calls/:id',
    {
      schema: {
        tags,
        summary: 'Change a hand-kept call (office, admin; optimistic version)',
        params: idParam,
        body: callUpdateBody,
        response: { 200: callDetailSchema },
      },
    },
    async (request) => updateCall(deps(request), request.params.id, request.body),
  );

  app.post(
    '/api/funding/calls/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Add a manual round/deadline to a call (office, admin)',
        params: idParam,
        body: roundWriteBody,
        response: { 201: roundSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRound(deps(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/funding/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Edit a manual round, or confirm/reject any round (office, admin; optimistic version)',
        params: idParam,
        body: roundUpdateBody,
        response: { 200: roundSchema },
      },
    },
    async (request) => updateRound(deps(request), request.params.id, request.body),
  );
}
