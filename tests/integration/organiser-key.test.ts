import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateWallResponse, ORGANISER_KEY_REQUIRED } from '../../shared/schemas';
import { createWall, startServer, type TestServer } from '../helpers/server';

const KEY = 'hyvinvointialue-avain-2026!';

const create = (url: string, authorization?: string) =>
  fetch(`${url}/api/walls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ title: 'Työpaja' }),
  });

describe('ORGANISER_KEY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ organiserKey: KEY });
  });
  afterAll(() => server.close());

  it('creating a wall without the key, or with a wrong one, is 401 organiser_key_required', async () => {
    for (const header of [undefined, 'Bearer wrong-key-of-some-length', `Bearer ${KEY}x`, `Basic ${KEY}`, KEY, `Bearer ${KEY.slice(0, -1)}`]) {
      const res = await create(server.url, header);
      expect(res.status, String(header)).toBe(401);
      const body = await res.json();
      expect(body.error).toBe(ORGANISER_KEY_REQUIRED);
      expect(body.message).toMatch(/organiser key/);
    }
  });

  it('with the key a wall is created, and its tokens work as always', async () => {
    const res = await create(server.url, `Bearer ${KEY}`);
    expect(res.status).toBe(201);
    const wall = CreateWallResponse.parse(await res.json());
    const info = await fetch(`${server.url}/api/walls/${wall.id}`, { headers: { authorization: `Bearer ${wall.tokens.viewer}` } });
    expect(info.status).toBe(200);
  });

  it('the key is checked before the body: no hint about what a valid body is', async () => {
    const res = await fetch(`${server.url}/api/walls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nonsense: true }),
    });
    expect(res.status).toBe(401);
  });
});

describe('without ORGANISER_KEY', () => {
  it('anyone who reaches the server may create a wall', async () => {
    const server = await startServer();
    try {
      const wall = await createWall(server.url);
      expect(wall.id).toBeTruthy();
      // A stray Authorization header does not matter.
      expect((await create(server.url, 'Bearer whatever')).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
