import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import type { ServiceDeps } from './service-support.js';

export function depsOf(request: FastifyRequest, ctx: AppContext): ServiceDeps {
  return { db: ctx.db, dialect: ctx.dialect, actor: request.actor, requestId: request.id };
}

/** Sends a CSV download; strings with a non-JSON content type bypass the JSON serializer. */
export function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
