import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorBody } from './errors.js';

/** Maps every error to one JSON shape: { code, message, messageDe, details?, requestId }. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = request.id;
    if (hasZodFastifySchemaValidationErrors(err)) {
      const body: ErrorBody = {
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid',
        messageDe: 'Die Anfrage ist ungültig',
        details: err.validation.map((v) => ({
          in: err.validationContext,
          path: v.instancePath,
          message: v.message,
        })),
        requestId,
      };
      return reply.code(400).send(body);
    }
    if (err instanceof DomainError) {
      const body: ErrorBody = {
        code: err.code,
        message: err.messageEn,
        messageDe: err.messageDe,
        details: err.details,
        requestId,
      };
      return reply.code(err.status).send(body);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    const body: ErrorBody =
      status === 429
        ? {
            code: 'RATE_LIMITED',
            message: 'Too many requests, try again later',
            messageDe: 'Zu viele Anfragen, bitte später erneut versuchen',
            requestId,
          }
        : status < 500
          ? {
              code: err.code ?? 'BAD_REQUEST',
              message: err.message,
              messageDe: 'Die Anfrage ist ungültig',
              requestId,
            }
          : { code: 'INTERNAL', message: 'Internal error', messageDe: 'Interner Fehler', requestId };
    return reply.code(status).send(body);
  });
}

export function notFoundBody(requestId: string): ErrorBody {
  return { code: 'NOT_FOUND', message: 'Not found', messageDe: 'Nicht gefunden', requestId };
}
