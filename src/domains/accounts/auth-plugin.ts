import type { AppContext, AppServer } from '../../app/context.js';
import { resolveActor } from './resolve-actor.js';

/** Puts `request.actor` on every request. */
export function registerAuth(app: AppServer, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(ctx, request);
  });
}
