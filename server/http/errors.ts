/**
 * Every error leaves as JSON `{ error, message }` (ApiError in shared/schemas.ts). Client
 * mistakes keep their 4xx status; nothing a client sends may turn into a 5xx.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { core } from '#zod';
import type { ApiError } from '../../shared/schemas';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = () => new HttpError(404, 'not_found', 'No such wall.');
export const unauthorized = () => new HttpError(401, 'unauthorized', 'Missing or invalid token.');
export const forbidden = () => new HttpError(403, 'forbidden', 'Only the facilitator may do this.');

export function badRequest(error: core.$ZodError): HttpError {
  const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  return new HttpError(400, 'bad_request', detail);
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_failures',
};

function codeFor(err: FastifyError | HttpError, status: number): string {
  if (err instanceof HttpError) return err.code;
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return 'invalid_json';
  }
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError | HttpError>((err, request, reply) => {
    const raw = err.statusCode ?? 500;
    const status = raw >= 400 && raw < 600 ? raw : 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    const body: ApiError = {
      error: codeFor(err, status),
      message: status >= 500 ? 'Internal server error.' : err.message,
    };
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((_request, reply) => {
    // The URL is left out on purpose: it may carry a token.
    const body: ApiError = { error: 'not_found', message: 'Not found.' };
    return reply.status(404).send(body);
  });
}
