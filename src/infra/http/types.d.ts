import type { Actor } from '../../domains/access/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}
