import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { type ExportSelection, streamCallsCsv, streamCallsXlsx } from './api/export-calls.js';
import { getCallDetail } from './api/get-call.js';
import { listCalls } from './api/list-calls.js';
import { createCall, updateCall } from './api/write-call.js';
import { createRound, updateRound } from './api/write-round.js';
import {
  callDetailSchema,
  callExportBody,
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
  // Streamed: the file grows while the rows are read, so an export has no row limit.
  function sendExport(
    request: FastifyRequest,
    reply: FastifyReply,
    format: 'csv' | 'xlsx',
    selection: ExportSelection,
  ) {
    const fail = (err: unknown) =>
      ctx.logger.child({ category: 'funding' }).error({ err, reqId: request.id }, 'call export failed');
    const name = selection.kind === 'ids' ? 'foerderaufrufe-auswahl' : 'foerderaufrufe';
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(streamCallsCsv(ctx.db, request.actor, selection));
    }
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="${name}.xlsx"`)
      .send(streamCallsXlsx(ctx.db, request.actor, selection, fail));
  }

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
        summary:
          'Funding calls (Aufrufe), sorted by next deadline; ?format=csv|xlsx exports the whole filtered list (streamed, every page, no row limit)',
        querystring: callListQuery,
        response: { 200: z.union([callListResponse, z.string(), z.instanceof(Buffer)]) },
      },
    },
    async (request, reply) => {
      const { limit: _l, offset: _o, format, ...filters } = request.query;
      if (format !== 'json') return sendExport(request, reply, format, { kind: 'filtered', query: filters });
      return listCalls(ctx.db, request.actor, request.query);
    },
  );

  app.post(
    '/api/funding/calls/export',
    {
      schema: {
        tags,
        summary:
          'Export exactly the chosen calls (ids, in list order; only those the actor may see) as CSV or XLSX',
        body: callExportBody,
        response: { 200: z.union([z.string(), z.instanceof(Buffer)]) },
      },
    },
    async (request, reply) =>
      sendExport(request, reply, request.body.format, { kind: 'ids', ids: request.body.ids }),
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
