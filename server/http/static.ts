/**
 * The built client (STATIC_DIR) and the security headers of every response. The SPA's routes
 * (/ and /w/*) all get index.html; index.html and the service worker must always be
 * revalidated, while Vite's content-hashed /assets/* never change and are cached for a year.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Preact writes style attributes (note positions, colours).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = 'Pajaseinä: the client has not been built. Run `npm run build` and restart the server.\n';
const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'no-referrer');
    void reply.header('Content-Security-Policy', CSP);
    void reply.header('X-Frame-Options', 'DENY');
  });
}

export async function staticRoutes(app: FastifyInstance, opts: { staticDir: string }): Promise<void> {
  const root = resolve(opts.staticDir);
  const assets = join(root, 'assets') + sep;
  const indexFile = join(root, 'index.html');

  // Without the directory at start-up @fastify/static is not registered (it would only warn).
  const served = existsSync(root);
  const sendIndex = (reply: FastifyReply) => {
    // Checked per request: a rebuild after start-up is served without a restart.
    if (!served || !existsSync(indexFile)) {
      return reply.status(503).header('Cache-Control', NO_CACHE).type('text/plain; charset=utf-8').send(NOT_BUILT);
    }
    return reply.header('Cache-Control', NO_CACHE).sendFile('index.html', root, { cacheControl: false });
  };

  if (served) {
    await app.register(fastifyStatic, {
      root,
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : NO_CACHE);
      },
    });
  }

  app.get('/', (_request, reply) => sendIndex(reply));
  app.get('/w/*', (_request, reply) => sendIndex(reply));
}
