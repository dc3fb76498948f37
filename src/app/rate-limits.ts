import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../infra/http/errors.js';
import type { AppContext, AppServer } from './context.js';

/**
 * The client a request counts against. A signed-in user is one client wherever they come from; the
 * session behind the cookie has been verified by then (the auth hook runs on onRequest, the limiter
 * after it), so a made-up cookie counts against its IP. `request.ip` is the socket's address unless
 * TRUST_PROXY names the proxy in front.
 */
export function clientKey(request: FastifyRequest): string {
  const actor = request.actor;
  return actor?.kind === 'user' ? `user:${actor.id}` : `ip:${request.ip}`;
}

/** Requests per minute and client on the API, OParl and feeds; routes may set stricter limits. */
export async function registerRateLimits(app: AppServer, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    // After every onRequest hook, so that the session is resolved; before the body is read.
    hook: 'preParsing',
    // Static assets and health checks are not limited; the API and feeds are.
    allowList: (request) => !/^\/(api|oparl|feeds)\//.test(request.url),
    keyGenerator: clientKey,
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });
}
