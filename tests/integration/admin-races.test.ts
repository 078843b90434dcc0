/**
 * Rotation and deletion against connections in awkward states: a wall still loading, a room
 * whose unload timer is pending, and the log, which must never see the new tokens.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { RotateTokenResponse, GroupLinkResponse } from '../../shared/schemas';
import { MemoryStore } from '../../server/storage/memoryStore';
import { apiRequest } from '../helpers/api';
import { openRawSocket } from '../helpers/rawSocket';
import { createWall, sleep, startServer, waitFor, type TestServer } from '../helpers/server';
import { ControlledStore } from '../helpers/stores';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const send = apiRequest;

describe('administration while the wall is busy', () => {
  it('deleting a wall while it is still loading closes the waiting sockets with 4410 and loads nothing back', async () => {
    const store = new ControlledStore(new MemoryStore());
    const server = await startServer({}, { store });
    servers.push(server);
    const wall = await createWall(server.url);
    store.loadDelayMs = 300;
    const raw = await openRawSocket(server.wsUrl, wall.id, wall.tokens.participant);
    expect(server.app.rooms.stats().rooms).toBe(1); // loading
    expect((await send(server.url, 'DELETE', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(204);
    expect((await raw.closed).code).toBe(CloseCode.WallDeleted);
    await sleep(400);
    expect(server.app.rooms.stats().rooms).toBe(0);
    expect(await store.getWall(wall.id)).toBeUndefined();
  });

  it('rotating while a socket of the old token waits for its room closes it 4401; the others load normally', async () => {
    const store = new ControlledStore(new MemoryStore());
    const server = await startServer({}, { store });
    servers.push(server);
    const wall = await createWall(server.url);
    store.loadDelayMs = 300;
    const old = await openRawSocket(server.wsUrl, wall.id, wall.tokens.viewer);
    const other = await openRawSocket(server.wsUrl, wall.id, wall.tokens.participant);
    expect((await send(server.url, 'POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'viewer' })).status).toBe(200);
    expect((await old.closed).code).toBe(CloseCode.Unauthorized);
    await waitFor(() => other.received.length > 0, 3000, 'the other socket got its sync step 1');
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    other.ws.close();
  });

  it('new tokens from rotation and group links never reach the log', async () => {
    let log = '';
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const server = await startServer({ logLevel: 'trace' }, { logStream });
    servers.push(server);
    const wall = await createWall(server.url);
    const rotated = RotateTokenResponse.parse(
      await (await send(server.url, 'POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'participant' })).json(),
    );
    const group = GroupLinkResponse.parse(
      await (await send(server.url, 'POST', `/api/walls/${wall.id}/group-links`, wall.tokens.facilitator, { groupId: 'g' })).json(),
    );
    await send(server.url, 'PUT', `/api/walls/${wall.id}/retention`, wall.tokens.facilitator, { deleteAt: null });
    await send(server.url, 'DELETE', `/api/walls/${wall.id}`, wall.tokens.facilitator);
    expect(log).toContain('token replaced');
    expect(log).toContain('wall deleted');
    for (const secret of [rotated.token, group.token, ...Object.values(wall.tokens)]) expect(log).not.toContain(secret);
  });
});
