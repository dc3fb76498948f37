import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'regiolotse' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A child logger with a domain category, e.g. logger.child({ category: 'oparl' }). */
export function categoryLogger(logger: Logger, category: string): Logger {
  return logger.child({ category });
}
