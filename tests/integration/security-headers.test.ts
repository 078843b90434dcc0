import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWall, removeDir, startServer, tempDir, type TestServer } from '../helpers/server';

let server: TestServer;
let dir: string;
let wall: Awaited<ReturnType<typeof createWall>>;
beforeAll(async () => {
  dir = tempDir('pajaseina-headers-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Pajaseinä</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
  server = await startServer({ staticDir: dir });
  wall = await createWall(server.url);
});
afterAll(async () => {
  await server.close();
  removeDir(dir);
});

const EXPECTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

function directives(csp: string): string[] {
  return csp.split(';').map((d) => d.trim()).filter(Boolean);
}

describe('security headers on every kind of response', () => {
  const cases: [string, () => Promise<Response>][] = [
    ['/', () => fetch(`${server.url}/`)],
    ['/w/x', () => fetch(`${server.url}/w/x`)],
    ['/sw.js', () => fetch(`${server.url}/sw.js`)],
    ['/assets/*', () => fetch(`${server.url}/assets/index-abc.js`)],
    ['/healthz', () => fetch(`${server.url}/healthz`)],
    ['GET /api/walls/:id', () => fetch(`${server.url}/api/walls/${wall.id}`, { headers: { authorization: `Bearer ${wall.tokens.viewer}` } })],
    ['401', () => fetch(`${server.url}/api/walls/${wall.id}`)],
    ['404', () => fetch(`${server.url}/no/such/thing`)],
    ['POST /api/walls', () => fetch(`${server.url}/api/walls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' })],
  ];

  it.each(cases)('%s', async (_name, request) => {
    const res = await request();
    expect(res.status).toBeLessThan(500);
    expect(directives(res.headers.get('content-security-policy') ?? '').sort()).toEqual([...EXPECTED_CSP].sort());
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    // No inline script or style is allowed anywhere.
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });
});
