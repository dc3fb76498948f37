import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

import { registerAuth } from '../domains/accounts/auth-plugin.js';
import { notFoundBody, registerErrorHandler } from '../infra/http/error-handler.js';
import { registerMetrics } from '../infra/http/metrics.js';
import { registerSecurityHeaders } from '../infra/http/security.js';
import type { AppContext, AppServer } from './context.js';
import { domains } from './domains.js';
import { metricsAccess } from './metrics-access.js';
import { registerRateLimits } from './rate-limits.js';

export interface BuildAppOptions {
  /** Folder of the built web UI; served with an SPA fallback when it exists. */
  webDist?: string;
  logger?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<AppServer> {
  const app = Fastify({
    loggerInstance: (opts.logger === false ? undefined : ctx.logger.child({ category: 'http' })) as
      | FastifyBaseLogger
      | undefined,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Forwarded headers only from the proxies the operator names; otherwise a client could pick the
    // address every rate limit keys on.
    trustProxy: ctx.config.TRUST_PROXY.length > 0 ? ctx.config.TRUST_PROXY : false,
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // While closing, answers to requests already in flight end their connection; a client's
  // keep-alive would otherwise hold the shutdown open after the last response.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  registerErrorHandler(app);

  await app.register(cookie);
  await registerSecurityHeaders(app);
  await registerRateLimits(app, ctx);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Regiolotse API',
        version: '0.1.0',
        description: 'API of Regiolotse, the platform of a regional management office.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rl_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  registerMetrics(app, { authorize: metricsAccess(ctx.config) });
  registerAuth(app, ctx);

  app.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, database: ctx.dialect };
    },
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const domain of domains) {
    if (domain.routes) await domain.routes(app, ctx);
  }

  const webDist = opts.webDist ?? join(process.cwd(), 'dist', 'web');
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const isApi = /^\/(api|oparl|feeds|metrics|health|openapi)/.test(path);
    // Client-side routes of the single-page app get its index.html.
    if (hasWeb && request.method === 'GET' && !isApi && !path.includes('.'))
      return reply.sendFile('index.html');
    return reply.code(404).send(notFoundBody(request.id));
  });
  return app;
}
