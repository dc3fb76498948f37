import type { Actor } from '../../domains/access/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The CSRF token of the request's session, null when anonymous. */
    csrfToken: string | null;
    /** The raw session cookie when it named a valid session. */
    sessionToken: string | null;
  }
}
