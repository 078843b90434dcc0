import { afterEach, describe, expect, it } from 'vitest';
import { upgradeStatus } from '../helpers/rawSocket';
import { createWall, sleep, startServer, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const get = (server: TestServer, path: string, token?: string, from?: string) =>
  server.app.inject({
    method: 'GET',
    url: path,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(from ? { remoteAddress: from } : {}),
  });

describe('guessing tokens and wall ids is slowed down', () => {
  it('a run of wrong tokens from one address gets 429 for every guarded request, right token included', async () => {
    const server = await startServer({ authFailuresPerWindow: 5, authFailureWindowMs: 60_000 });
    servers.push(server);
    const wall = await createWall(server.url);
    const guesser = '203.0.113.7';
    for (let i = 0; i < 5; i++) {
      expect((await get(server, `/api/walls/${wall.id}`, `${'A'.repeat(31)}${i}`, guesser)).statusCode).toBe(401);
    }
    const refused = await get(server, `/api/walls/${wall.id}`, 'B'.repeat(32), guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('too_many_failures');
    expect(refused.json().message).toMatch(/Too many failed attempts/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A right guess would otherwise stand out among the 429s.
    expect((await get(server, `/api/walls/${wall.id}`, wall.tokens.viewer, guesser)).statusCode).toBe(429);
    expect((await get(server, `/api/walls/${wall.id}/export.json`, wall.tokens.viewer, guesser)).statusCode).toBe(429);
    // Another address is not affected, nor are static routes and the health check for anyone.
    expect((await get(server, `/api/walls/${wall.id}`, wall.tokens.viewer, '198.51.100.2')).statusCode).toBe(200);
    expect((await get(server, '/healthz', undefined, guesser)).statusCode).toBe(200);
  });

  it('unknown wall ids count too, over HTTP and on the WebSocket upgrade', async () => {
    const server = await startServer({ authFailuresPerWindow: 4, authFailureWindowMs: 60_000 });
    servers.push(server);
    const wall = await createWall(server.url);
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${server.url}/api/walls/${'Z'.repeat(21)}${i}`)).status).toBe(404);
    }
    expect(await upgradeStatus(`${server.wsUrl}/${'Y'.repeat(22)}?token=${wall.tokens.viewer}`)).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${'C'.repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${wall.tokens.viewer}`)).toBe(429);
    expect((await fetch(`${server.url}/api/walls/${wall.id}`, { headers: { authorization: `Bearer ${wall.tokens.viewer}` } })).status).toBe(429);
  });

  it('successes never count: a busy workshop behind one address is not throttled', async () => {
    const server = await startServer({ authFailuresPerWindow: 3, authFailureWindowMs: 60_000 });
    servers.push(server);
    const wall = await createWall(server.url);
    const nat = '192.0.2.50';
    for (let i = 0; i < 200; i++) {
      const token = Object.values(wall.tokens)[i % 3]!;
      expect((await get(server, `/api/walls/${wall.id}`, token, nat)).statusCode).toBe(200);
    }
    // Two mistypes among them are fine too.
    expect((await get(server, `/api/walls/${wall.id}`, 'D'.repeat(32), nat)).statusCode).toBe(401);
    expect((await get(server, `/api/walls/${wall.id}`, 'E'.repeat(32), nat)).statusCode).toBe(401);
    expect((await get(server, `/api/walls/${wall.id}`, wall.tokens.participant, nat)).statusCode).toBe(200);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${wall.tokens.participant}`)).toBe(101);
  });

  it('after the window the right token works again', async () => {
    const server = await startServer({ authFailuresPerWindow: 2, authFailureWindowMs: 300 });
    servers.push(server);
    const wall = await createWall(server.url);
    for (let i = 0; i < 2; i++) expect((await get(server, `/api/walls/${wall.id}`, 'F'.repeat(32))).statusCode).toBe(401);
    expect((await get(server, `/api/walls/${wall.id}`, wall.tokens.facilitator)).statusCode).toBe(429);
    await sleep(350);
    expect((await get(server, `/api/walls/${wall.id}`, wall.tokens.facilitator)).statusCode).toBe(200);
  });

  it('wrong organiser keys count as failures', async () => {
    const server = await startServer({ authFailuresPerWindow: 2, organiserKey: 'the-right-organiser-key' });
    servers.push(server);
    const post = (key: string) =>
      server.app.inject({ method: 'POST', url: '/api/walls', headers: { authorization: `Bearer ${key}` }, payload: { title: 'x' } });
    expect((await post('guess-number-one-xx')).statusCode).toBe(401);
    expect((await post('guess-number-two-xx')).statusCode).toBe(401);
    expect((await post('the-right-organiser-key')).statusCode).toBe(429);
  });

  it('behind a trusted proxy the limit keys on the forwarded client address', async () => {
    const server = await startServer({ authFailuresPerWindow: 2, trustProxy: ['127.0.0.1'] });
    servers.push(server);
    const wall = await createWall(server.url);
    const via = (client: string, token: string) =>
      fetch(`${server.url}/api/walls/${wall.id}`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client } });
    expect((await via('203.0.113.1', 'G'.repeat(32))).status).toBe(401);
    expect((await via('203.0.113.1', 'G'.repeat(32))).status).toBe(401);
    expect((await via('203.0.113.1', wall.tokens.viewer)).status).toBe(429);
    // Same proxy, another client behind it.
    expect((await via('203.0.113.2', wall.tokens.viewer)).status).toBe(200);
  });
});
