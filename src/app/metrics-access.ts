import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAdmin } from '../domains/access/policy.js';
import type { Config } from '../infra/config.js';
import { ForbiddenError, UnauthorizedError } from '../infra/http/errors.js';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const forwardingHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * A request made on this machine itself: from a loopback socket, and not relayed by a proxy on the
 * same host (which would add a forwarding header for a client from anywhere).
 */
function isDirectLocal(request: FastifyRequest): boolean {
  return (
    loopback.has(request.socket.remoteAddress ?? '') &&
    forwardingHeaders.every((h) => request.headers[h] === undefined)
  );
}

function bearerMatches(request: FastifyRequest, token: Buffer): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!given) return false;
  const g = Buffer.from(given);
  return g.length === token.length && timingSafeEqual(g, token);
}

/**
 * Who may read /metrics: a signed-in admin always; otherwise whoever sends METRICS_TOKEN as bearer
 * token, or, while no token is configured, a direct request from this machine.
 */
export function metricsAccess(config: Config) {
  const token = config.METRICS_TOKEN ? Buffer.from(config.METRICS_TOKEN) : null;
  return (request: FastifyRequest, reply: FastifyReply): void => {
    if (isAdmin(request.actor)) return;
    if (token ? bearerMatches(request, token) : isDirectLocal(request)) return;
    if (request.actor.kind === 'user')
      throw new ForbiddenError(
        'Metrics are for administrators and the monitoring system',
        'Metriken sind nur für Administratoren und das Monitoring',
      );
    if (token) reply.header('www-authenticate', 'Bearer realm="metrics"');
    throw new UnauthorizedError();
  };
}
