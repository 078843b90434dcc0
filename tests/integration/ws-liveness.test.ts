import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawSocket } from '../helpers/rawSocket';
import { createWall, sleep, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, { pingIntervalMs: 100 });
});
afterAll(() => server.close());

describe('liveness', () => {
  it('terminates a socket that does not answer pings, keeps one that does', async () => {
    const { id, tokens } = await createWall(server.url);
    const silent = await openRawSocket(server.wsUrl, id, tokens.viewer, { autoPong: false });
    const alive = await openRawSocket(server.wsUrl, id, tokens.viewer);
    const closed = await Promise.race([silent.closed, sleep(2_000).then(() => null)]);
    expect(closed).not.toBeNull();
    expect(closed!.code).toBe(1006); // terminated: no close frame
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    alive.ws.close();
  });
});
