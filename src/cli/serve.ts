import { buildApp } from '../app/build-app.js';
import { createContext } from '../app/create-context.js';

/** Resolves with the promise's outcome, or with 'timeout' after `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the HTTP server and the job runner. On SIGTERM/SIGINT it stops accepting connections,
 * lets requests in flight finish and asks running jobs to stop, for up to SHUTDOWN_GRACE_SECONDS;
 * a job still running then is queued again (its lease released) before the process exits.
 */
export async function serve(opts: { jobs?: boolean } = {}): Promise<void> {
  const ctx = await createContext();
  const app = await buildApp(ctx);
  if (opts.jobs !== false && ctx.config.JOBS) ctx.jobs.start();
  const graceMs = ctx.config.SHUTDOWN_GRACE_SECONDS * 1000;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.logger.info({ signal, graceSeconds: ctx.config.SHUTDOWN_GRACE_SECONDS }, 'shutting down');
    // Last resort should the database itself hang.
    setTimeout(() => process.exit(1), graceMs + 10_000).unref();
    const [http, jobs] = await Promise.all([within(app.close(), graceMs), ctx.jobs.stop({ graceMs })]);
    if (http === 'timeout') ctx.logger.warn('requests still open after the grace period; closing anyway');
    if (jobs.released.length > 0) ctx.logger.warn({ jobIds: jobs.released }, 'running jobs queued again');
    // A released job's handler may still hold a connection; do not wait for it forever.
    await within(ctx.database.close(), 2_000);
    process.exit(http === 'timeout' ? 1 : 0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: ctx.config.PORT, host: ctx.config.HOST });
}
