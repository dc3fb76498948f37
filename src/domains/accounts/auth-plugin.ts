import { timingSafeEqual } from 'node:crypto';
import type { AppContext, AppServer } from '../../app/context.js';
import { DomainError } from '../../infra/http/errors.js';
import { type Actor, anonymous } from '../access/actor.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class CsrfError extends DomainError {
  constructor() {
    super(
      403,
      'CSRF_FAILED',
      'Missing or wrong CSRF token; reload the page',
      'CSRF-Token fehlt oder ist falsch; bitte Seite neu laden',
    );
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Puts `request.actor` (and the session's CSRF token) on every request. Writes by a signed-in user
 * must carry the session's token in `x-csrf-token`; writes without a session must not come from
 * another origin (login CSRF).
 */
export function registerAuth(app: AppServer, ctx: AppContext): void {
  // Fastify wants null for reference-typed decorations; the hook below sets the real value first.
  app.decorateRequest<Actor | null>('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(ctx.db, token) : null;
    request.actor = session?.actor ?? anonymous;
    request.csrfToken = session?.csrfToken ?? null;
    request.sessionToken = session ? (token ?? null) : null;
    if (SAFE_METHODS.has(request.method)) return;
    if (session) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !sameToken(given, session.csrfToken)) throw new CsrfError();
      return;
    }
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      // request.host believes X-Forwarded-Host only from a proxy named in TRUST_PROXY.
      const host = request.host;
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== host) throw new CsrfError();
    }
  });
}
