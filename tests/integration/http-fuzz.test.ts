/**
 * Property-based fuzzing of every HTTP route with fast-check: random methods, ids (unicode, path
 * traversal, very long), query strings, Authorization headers, content types and bodies (JSON
 * values, text, raw bytes). Whatever arrives, the answer is never a 5xx, and afterwards the server
 * still creates and reads walls normally. Requests go through app.inject: the same routing,
 * hooks, parsers and handlers as over the network, thousands of times faster.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateWallResponse, WallInfo } from '../../shared/schemas';
import { createWall, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let wall: CreateWallResponse;
beforeAll(async () => {
  // The failure limit would soon answer everything with 429; the fuzz is after the handlers.
  server = await startServer({ authFailuresPerWindow: 100_000 });
  wall = await createWall(server.url);
});
afterAll(() => server.close());

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;

/** Wall ids: the real one, well-formed unknown ones, and garbage of every kind. */
const wallId = () =>
  fc.oneof(
    fc.constant(wall.id),
    fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
    fc.constantFrom('..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%00', '%', '%zz', '.', '', 'a/b', '%C0%AF', '\u00e4'),
    fc.integer({ min: 1, max: 20_000 }).map((n) => 'a'.repeat(n)),
  );

const path = () =>
  fc.oneof(
    wallId().map((id) => `/api/walls/${id}`),
    wallId().map((id) => `/api/walls/${id}/export.json`),
    wallId().map((id) => `/api/walls/${id}/rotate`),
    wallId().map((id) => `/api/walls/${id}/group-links`),
    wallId().map((id) => `/api/walls/${id}/retention`),
    wallId().map((id) => `/ws/${id}`),
    wallId().map((id) => `/w/${id}`),
    fc.constantFrom('/api/walls', '/api/walls/', '/healthz', '/', '/w/', '/sw.js', '/assets/../../package.json', '/ws', '//api//walls'),
    fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `/${encodeURIComponent(s)}`),
  );

const query = () =>
  fc.oneof(
    fc.constant(''),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 40 }), { maxKeys: 4 }).map(
      (d) => `?${new URLSearchParams(d).toString()}`,
    ),
    fc.constantFrom(`?token=${encodeURIComponent('x')}`, '?token=', '?token=a&token=b', '?%zz=1', '?a[b]=c', '?__proto__=1'),
  );

/** Header values must be printable ASCII to be sent at all; beyond that, anything. */
const printable = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });

const authorization = () =>
  fc.option(
    fc.oneof(
      printable(80),
      printable(200).map((s) => `Bearer ${s}`),
      fc.constantFrom(wall.tokens.facilitator, wall.tokens.participant, wall.tokens.viewer).map((t) => `Bearer ${t}`),
      fc.stringMatching(/^[A-Za-z0-9_-]{32}$/).map((t) => `Bearer ${t}`),
    ),
    { nil: undefined },
  );

const contentType = () =>
  fc.option(
    fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
      printable(40),
    ),
    { nil: undefined },
  );

const body = () =>
  fc.option(
    fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      // Almost-right bodies, to get past the JSON parser into the schemas.
      fc.record({
        title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        role: fc.oneof(fc.constantFrom('participant', 'viewer', 'facilitator'), fc.string()),
        groupId: fc.oneof(fc.string({ maxLength: 80 }), fc.integer()),
        deleteAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.constant(null)),
        language: fc.string(),
      }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    ),
    { nil: undefined },
  );

const request = () =>
  fc.record({ method: fc.constantFrom(...METHODS), path: path(), query: query(), authorization: authorization(), contentType: contentType(), body: body() });

type Req = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

async function send(r: Req) {
  const headers: Record<string, string> = {};
  if (r.authorization !== undefined) headers.authorization = r.authorization;
  if (r.contentType !== undefined) headers['content-type'] = r.contentType;
  const withBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
  return server.app.inject({ method: r.method, url: r.path + r.query, headers, ...(withBody ? { payload: r.body } : {}) });
}

describe('HTTP fuzz: no input makes the server fail', () => {
  it('random requests against every route never get a 5xx', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(), async (r) => {
        const res = await send(r);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, `${r.method} ${r.path.slice(0, 200)}${r.query}`).toBeLessThan(500);
        if (res.statusCode >= 400 && r.method !== 'HEAD') expect(res.json()).toHaveProperty('error');
      }),
      { numRuns: 2500 },
    );
    // The fuzz reached the handlers, not only the router.
    for (const status of [200, 400, 401, 404]) expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  });

  it('random bodies with valid tokens against the wall routes never get a 5xx', async () => {
    const target = await createWall(server.url);
    const routes = [
      ['POST', '/api/walls'],
      ['POST', `/api/walls/${target.id}/group-links`],
      ['PUT', `/api/walls/${target.id}/retention`],
      ['GET', `/api/walls/${target.id}`],
      ['GET', `/api/walls/${target.id}/export.json`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom('facilitator', 'participant', 'viewer'), contentType(), body(), async ([method, url], role, type, payload) => {
        const headers: Record<string, string> = { authorization: `Bearer ${target.tokens[role]}` };
        if (type !== undefined) headers['content-type'] = type;
        const res = await server.app.inject({ method, url, headers, ...(payload !== undefined && method !== 'GET' ? { payload } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBeLessThan(500);
      }),
      // /rotate is left to the first property: here it would replace the tokens this one keeps using.
      { numRuns: 1500 },
    );
  });

  it('afterwards the server still creates and reads walls over the network', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const fresh = await createWall(server.url, { title: 'Fuzzin jälkeen' });
    const res = await fetch(`${server.url}/api/walls/${fresh.id}`, { headers: { authorization: `Bearer ${fresh.tokens.viewer}` } });
    expect(res.status).toBe(200);
    expect(WallInfo.parse(await res.json()).title).toBe('Fuzzin jälkeen');
  });
});
