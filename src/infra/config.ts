import { isIP } from 'node:net';
import { z } from 'zod';

const proxyKeywords = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range, or a keyword of proxy-addr (loopback, linklocal, uniquelocal). */
function isProxyEntry(entry: string): boolean {
  if (proxyKeywords.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/regiolotse.db')
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be sqlite:PATH or postgres://… / muss sqlite:PFAD oder postgres://… sein',
    }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret for signed links (unsubscribe) and cookies. Generated per database on first start when unset. */
  APP_SECRET: z.string().min(32).optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Regiolotse <regiolotse@localhost>'),
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Requests per minute and client on /api (sign-in has its own, stricter limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /**
   * The reverse proxies whose X-Forwarded-For/-Host/-Proto headers are believed, as a comma-separated
   * list of addresses, CIDR ranges or proxy-addr keywords. Unset: nobody's, so a client cannot choose
   * the address the rate limits key on.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyEntry), {
      message:
        'must list proxy addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated / ' +
        'muss Proxy-Adressen, CIDR-Bereiche oder loopback/linklocal/uniquelocal nennen, durch Kommas getrennt',
    }),
  /**
   * Bearer token Prometheus sends for /metrics (Authorization: Bearer …). Unset: /metrics answers
   * only direct requests from this machine and signed-in admins.
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** How long a shutdown waits for requests and jobs in flight before it closes anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  JOBS: z
    .enum(['on', 'off'])
    .default('on')
    .transform((v) => v === 'on'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; errors name the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
