import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { RateLimitedError } from '../../infra/http/errors.js';
import { assertSignedIn } from '../access/policy.js';
import { recordAudit } from '../audit/record-audit.js';
import { LOGIN_ATTEMPTS_PER_EMAIL, LOGIN_ATTEMPTS_PER_IP, login } from './login.js';
import { normaliseEmail } from './normalise-email.js';
import {
  createUserBodySchema,
  loginBodySchema,
  loginResponseSchema,
  meResponseSchema,
  updateUserBodySchema,
  userSchema,
} from './schemas.js';
import { destroySession, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.js';
import { createUser, getUsers, updateUser } from './users-service.js';

export function accountsRoutes(app: AppServer, ctx: AppContext): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.SECURE_COOKIES,
  };

  // Sign-in attempts count per client address (one client trying many accounts) and per account
  // (many clients trying one); the lockout after repeated wrong passwords comes on top.
  const attemptsOnAccount = app.createRateLimit({
    max: LOGIN_ATTEMPTS_PER_EMAIL,
    timeWindow: '1 minute',
    keyGenerator: (request) => `login-email:${normaliseEmail((request.body as { email: string }).email)}`,
  });
  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: {
          max: LOGIN_ATTEMPTS_PER_IP,
          timeWindow: '1 minute',
          keyGenerator: (request) => `login-ip:${request.ip}`,
        },
      },
      preHandler: async (request) => {
        const limit = await attemptsOnAccount(request);
        if (!limit.isAllowed && limit.isExceeded) throw new RateLimitedError(limit.ttlInSeconds);
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        body: loginBodySchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await login(ctx.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: SESSION_IDLE_MS / 1000 });
      const { kind: _kind, ...user } = result.actor;
      return { user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out' } },
    async (request, reply) => {
      if (request.sessionToken) {
        await destroySession(ctx.db, request.sessionToken);
        if (request.actor.kind === 'user') {
          await recordAudit(ctx.db, {
            actor: request.actor,
            entityType: 'user',
            entityId: request.actor.id,
            action: 'logout',
            requestId: request.id,
          });
        }
      }
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: meResponseSchema } } },
    async (request) => {
      const a = request.actor;
      if (a.kind !== 'user') return { user: null, csrfToken: null };
      return {
        user: { id: a.id, email: a.email, name: a.name, role: a.role, organizationId: a.organizationId },
        csrfToken: request.csrfToken,
      };
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users (admins)',
        response: { 200: z.object({ items: z.array(userSchema) }) },
      },
    },
    async (request) => ({ items: await getUsers(ctx.db, request.actor) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins)',
        body: createUserBodySchema,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      assertSignedIn(request.actor);
      const user = await createUser(ctx.db, request.actor, request.body, request.id);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (admins)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) => updateUser(ctx.db, request.actor, request.params.id, request.body, request.id),
  );
}
