/** Domain errors carry a stable code and a German and English message; HTTP mapping lives in one place. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageEn: string,
    readonly messageDe: string,
    readonly details?: unknown,
  ) {
    super(messageEn);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'Record', details?: unknown) {
    super(404, 'NOT_FOUND', `${what} not found`, `${what} nicht gefunden`, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(en = 'You may not do this', de = 'Dazu fehlt Ihnen die Berechtigung') {
    super(403, 'FORBIDDEN', en, de);
  }
}

export class UnauthorizedError extends DomainError {
  constructor() {
    super(401, 'UNAUTHENTICATED', 'Please sign in', 'Bitte melden Sie sich an');
  }
}

export class ConflictError extends DomainError {
  constructor(
    en = 'The record was changed by someone else; reload and try again',
    de = 'Der Datensatz wurde inzwischen geändert; bitte neu laden und erneut versuchen',
    details?: unknown,
  ) {
    super(409, 'CONFLICT', en, de, details);
  }
}

export class BadRequestError extends DomainError {
  constructor(code: string, en: string, de: string, details?: unknown) {
    super(400, code, en, de, details);
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  messageDe: string;
  details?: unknown;
  requestId?: string;
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds?: number) {
    super(
      429,
      'RATE_LIMITED',
      'Too many requests, try again later',
      'Zu viele Anfragen, bitte später erneut versuchen',
      retryAfterSeconds === undefined ? undefined : { retryAfterSeconds },
    );
  }
}
