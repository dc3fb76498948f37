import { buildApp } from '../app/build-app.js';
import { createContext } from '../app/create-context.js';

/** Starts the HTTP server and the job runner; shuts both down gracefully on SIGTERM/SIGINT. */
export async function serve(opts: { jobs?: boolean } = {}): Promise<void> {
  const ctx = await createContext();
  const app = await buildApp(ctx);
  if (opts.jobs !== false && ctx.config.JOBS) ctx.jobs.start();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await ctx.jobs.stop();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: ctx.config.PORT, host: ctx.config.HOST });
}
