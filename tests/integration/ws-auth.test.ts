import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from '../helpers/rawSocket';
import { createWall, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let wall: Awaited<ReturnType<typeof createWall>>;
beforeAll(async () => {
  server = await startServer();
  wall = await createWall(server.url);
});
afterAll(() => server.close());

describe('WebSocket access is decided before the upgrade', () => {
  it('accepts each role', async () => {
    for (const token of Object.values(wall.tokens)) {
      expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${token}`)).toBe(101);
    }
  });

  it('unknown wall → HTTP 404, whatever the token', async () => {
    const unknown = 'Z'.repeat(22);
    expect(await upgradeStatus(`${server.wsUrl}/${unknown}?token=${wall.tokens.facilitator}`)).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/${unknown}`)).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/not-a-valid-id`)).toBe(404);
  });

  it('bad or missing token → HTTP 401', async () => {
    const other = await createWall(server.url);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${'A'.repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${other.tokens.facilitator}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=short`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}`)).toBe(401);
  });

  it('no room is loaded for a refused upgrade', async () => {
    const before = server.app.rooms.stats().loads;
    await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${'B'.repeat(32)}`);
    expect(server.app.rooms.stats().loads).toBe(before);
  });
});
