/**
 * Logging: the minimal logger interface the rooms use (pino satisfies it), and the request
 * serializers that keep tokens out of every log line. Tokens travel in `?token=` on the
 * WebSocket URL and in the Authorization header; neither may reach a log.
 */
import type { FastifyRequest } from 'fastify';

type LogFn = (obj: object, msg: string) => void;
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const TOKEN_PARAM = /([?&]token=)[^&#]*/gi;

/** Replaces the value of every `token` query parameter in a URL or path. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_PARAM, '$1[redacted]');
}

/** Fastify's `req` serializer without headers (no Authorization, no cookies) and with the URL redacted. */
export function serializeRequest(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    remoteAddress: req.ip,
  };
}

/** Paths pino must censor wherever they turn up, should a header object ever be logged. */
export const REDACT_PATHS = ['req.headers.authorization', 'headers.authorization', 'authorization', 'token'];
