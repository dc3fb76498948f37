import type { AppContext, AppServer } from '../../app/context.js';
import { registerSourceRoutes } from './source-routes.js';

export function registerCouncilRoutes(app: AppServer, ctx: AppContext): void {
  registerSourceRoutes(app, ctx);
}
