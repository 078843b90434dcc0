import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startServer, tempDir, type TestServer } from '../helpers/server';

describe('static client', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('pajaseina-static-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Pajaseinä</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    // What the build's precompress step writes beside each file.
    writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1);'));
    server = await startServer({ staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    removeDir(dir);
  });

  it('sends the precompressed copy to a browser that accepts it, and the plain file otherwise', async () => {
    const url = `${server.url}/assets/index-abc123.js`;
    const br = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    // fetch decodes br itself; the body is the original script either way.
    expect(await br.text()).toBe('console.log(1);');
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(1);');
  });

  it('serves index.html for / and /w/* without caching', async () => {
    for (const path of ['/', '/w/abcdefghijklmnopqrstuv', '/w/x/y']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Pajaseinä</title>');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('the service worker is never cached, hashed assets for a year', async () => {
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a missing file is a JSON 404', async () => {
    const res = await fetch(`${server.url}/assets/nope.js`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
  });

  it('without a build, the SPA routes answer 503 telling to run npm run build', async () => {
    const empty = tempDir('pajaseina-nostatic-');
    const bare = await startServer({ staticDir: empty });
    try {
      for (const path of ['/', '/w/abc']) {
        const res = await fetch(`${bare.url}${path}`);
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toMatch(/text\/plain/);
        expect(await res.text()).toContain('npm run build');
      }
      // The API works regardless.
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      await bare.close();
      removeDir(empty);
    }
  });
});
