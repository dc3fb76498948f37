import type { AppContext, AppServer } from '../../app/context.js';
import { registerOParlServer } from './oparl-server/routes.js';
import { registerReadRoutes } from './read-routes.js';
import { registerSourceRoutes } from './source-routes.js';

export function registerCouncilRoutes(app: AppServer, ctx: AppContext): void {
  registerSourceRoutes(app, ctx);
  registerOParlServer(app, ctx);
  registerReadRoutes(app, ctx);
}
