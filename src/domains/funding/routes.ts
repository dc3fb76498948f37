import type { AppContext, AppServer } from '../../app/context.js';
import { callTopicRoutes } from './classify/routes.js';
import { fundingCallRoutes } from './routes-calls.js';
import { fundingImportRoutes } from './routes-import.js';
import { fundingProgrammeRoutes } from './routes-programmes.js';

export function fundingRoutes(app: AppServer, ctx: AppContext): void {
  fundingCallRoutes(app, ctx);
  fundingProgrammeRoutes(app, ctx);
  fundingImportRoutes(app, ctx);
  callTopicRoutes(app, ctx);
}
