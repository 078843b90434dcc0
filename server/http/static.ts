/**
 * The built client (STATIC_DIR) and the security headers of every response (@fastify/helmet). The SPA's routes
 * (/ and /w/*) all get index.html; index.html and the service worker must always be
 * revalidated, while Vite's content-hashed /assets/* never change and are cached for a year.
 */
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * The Content-Security-Policy of every response. No inline script anywhere. style-src needs no
 * 'unsafe-inline': Preact sets style props through the CSSOM (element.style), which CSP does
 * not govern, and the built client has no style attributes or <style> blocks in its markup.
 */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const NOT_BUILT = 'Pajaseinä: the client has not been built. Run `npm run build` and restart the server.\n';
const NO_CACHE = 'no-cache';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Security headers on every response, API and static alike (errors and 404s included). */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    // Helmet's defaults add upgrade-insecure-requests, which would break a plain-http LAN install.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // A year, but not for sibling subdomains: those belong to whoever runs the parent domain.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    // The client loads nothing cross-origin; COEP would only add risk of breaking it.
    crossOriginEmbedderPolicy: false,
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
      // The build writes .br and .gz beside each text file (vite.config.ts precompress).
      preCompressed: true,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.startsWith(assets) ? IMMUTABLE : NO_CACHE);
      },
    });
  }

  app.get('/', (_request, reply) => sendIndex(reply));
  app.get('/w/*', (_request, reply) => sendIndex(reply));
}
