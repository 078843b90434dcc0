import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/api';
import { CloseCode } from '../../shared/protocol';
import { GroupLinkResponse, RotateTokenResponse, WallInfo } from '../../shared/schemas';
import { connectClient, createWall, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

const send = (method: string, path: string, token?: string, body?: unknown) => apiRequest(server.url, method, path, token, body);

async function makeGroupLink(wallId: string, facilitator: string, groupId: string) {
  const res = await send('POST', `/api/walls/${wallId}/group-links`, facilitator, { groupId });
  expect(res.status).toBe(201);
  return GroupLinkResponse.parse(await res.json());
}

describe('per-group participant links', () => {
  it('a group link reads as a participant confined to that group', async () => {
    const wall = await createWall(server.url);
    const link = await makeGroupLink(wall.id, wall.tokens.facilitator, 'g-1');
    expect(link.groupId).toBe('g-1');
    expect(link.link).toBe(`${server.url}/w/${wall.id}#${link.token}`);
    const info = WallInfo.parse(await (await send('GET', `/api/walls/${wall.id}`, link.token)).json());
    expect(info).toMatchObject({ id: wall.id, role: 'participant', groupId: 'g-1', deleteAt: null });
    // The plain participant link is still a participant of no particular group.
    const plain = WallInfo.parse(await (await send('GET', `/api/walls/${wall.id}`, wall.tokens.participant)).json());
    expect(plain.groupId).toBeNull();
    // A group link holder can open the wall live and is indexed under its own token.
    const client = connectClient(server.url, wall.id, link.token);
    clients.push(client);
    await client.synced;
    expect(server.app.sockets.count(wall.id)).toBe(1);
  });

  it('the group id reaches the connection', async () => {
    const wall = await createWall(server.url);
    const { token } = await makeGroupLink(wall.id, wall.tokens.facilitator, 'ryhmä-2');
    const client = connectClient(server.url, wall.id, token);
    clients.push(client);
    await client.synced;
    const identities = server.app.sockets.connections(wall.id).map((c) => c.identity);
    expect(identities).toEqual([{ role: 'participant', groupId: 'ryhmä-2' }]);
  });

  it('creating it again replaces it: the old group link is 401 and its sockets closed 4401', async () => {
    const wall = await createWall(server.url);
    const first = await makeGroupLink(wall.id, wall.tokens.facilitator, 'g-1');
    const other = await makeGroupLink(wall.id, wall.tokens.facilitator, 'g-2');
    const a = connectClient(server.url, wall.id, first.token);
    const b = connectClient(server.url, wall.id, other.token);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);

    const second = await makeGroupLink(wall.id, wall.tokens.facilitator, 'g-1');
    expect(second.token).not.toBe(first.token);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.Unauthorized), 1000, 'old group socket closed');
    expect((await send('GET', `/api/walls/${wall.id}`, first.token)).status).toBe(401);
    expect(WallInfo.parse(await (await send('GET', `/api/walls/${wall.id}`, second.token)).json()).groupId).toBe('g-1');
    expect(b.closes).toEqual([]);

    // Rotating through /rotate does the same for a group link.
    const rotated = await send('POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'participant', groupId: 'g-2' });
    expect(rotated.status).toBe(200);
    const { token } = RotateTokenResponse.parse(await rotated.json());
    await waitFor(() => b.closes.some((c) => c.code === CloseCode.Unauthorized), 1000, 'rotated group socket closed');
    expect(WallInfo.parse(await (await send('GET', `/api/walls/${wall.id}`, token)).json()).groupId).toBe('g-2');
    expect((await send('GET', `/api/walls/${wall.id}`, other.token)).status).toBe(401);
  });

  it('only the facilitator makes group links; the group id is a string of at most 64 characters', async () => {
    const wall = await createWall(server.url);
    const path = `/api/walls/${wall.id}/group-links`;
    expect((await send('POST', path, wall.tokens.participant, { groupId: 'g' })).status).toBe(403);
    expect((await send('POST', path, wall.tokens.viewer, { groupId: 'g' })).status).toBe(403);
    for (const body of [{}, { groupId: '' }, { groupId: 'x'.repeat(65) }, { groupId: 5 }, { groupId: 'g', role: 'viewer' }]) {
      const res = await send('POST', path, wall.tokens.facilitator, body);
      expect(res.status).toBe(400);
    }
    expect((await send('POST', path, wall.tokens.facilitator, { groupId: 'x'.repeat(64) })).status).toBe(201);
  });
});
