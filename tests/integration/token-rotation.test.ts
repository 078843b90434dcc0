import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/api';
import { CloseCode } from '../../shared/protocol';
import { RotateTokenResponse, WallInfo } from '../../shared/schemas';
import { openRawSocket, upgradeStatus } from '../helpers/rawSocket';
import { connectClient, createWall, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ publicUrl: 'https://seina.example.fi' });
});
afterAll(() => server.close());
const clients: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

const send = (method: string, path: string, token?: string, body?: unknown) => apiRequest(server.url, method, path, token, body);

describe('POST /api/walls/:id/rotate', () => {
  it('replaces the participant token: old one 401 at once, its sockets closed 4401, others untouched', async () => {
    const wall = await createWall(server.url);
    const oldClient = connectClient(server.url, wall.id, wall.tokens.participant);
    const viewer = connectClient(server.url, wall.id, wall.tokens.viewer);
    const facilitator = connectClient(server.url, wall.id, wall.tokens.facilitator);
    clients.push(oldClient, viewer, facilitator);
    await Promise.all([oldClient.synced, viewer.synced, facilitator.synced]);

    const res = await send('POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'participant' });
    expect(res.status).toBe(200);
    const { token, link } = RotateTokenResponse.parse(await res.json());
    expect(link).toBe(`https://seina.example.fi/w/${wall.id}#${token}`);
    expect(token).not.toBe(wall.tokens.participant);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const started = Date.now();
    await waitFor(() => oldClient.closes.some((c) => c.code === CloseCode.Unauthorized), 1000, 'old socket closed with 4401');
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await send('GET', `/api/walls/${wall.id}`, wall.tokens.participant)).status).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${wall.tokens.participant}`)).toBe(401);

    // The new token works; the other roles kept their connections.
    const info = WallInfo.parse(await (await send('GET', `/api/walls/${wall.id}`, token)).json());
    expect(info.role).toBe('participant');
    const fresh = connectClient(server.url, wall.id, token);
    clients.push(fresh);
    await fresh.synced;
    expect(viewer.closes).toEqual([]);
    expect(facilitator.closes).toEqual([]);
    expect(viewer.provider.wsconnected && facilitator.provider.wsconnected).toBe(true);
  });

  it('replaces the viewer token and closes a socket that was still waiting for its room', async () => {
    const wall = await createWall(server.url);
    const raw = await openRawSocket(server.wsUrl, wall.id, wall.tokens.viewer);
    const res = await send('POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'viewer' });
    expect(res.status).toBe(200);
    expect((await raw.closed).code).toBe(CloseCode.Unauthorized);
    expect((await send('GET', `/api/walls/${wall.id}`, wall.tokens.viewer)).status).toBe(401);
    expect((await send('GET', `/api/walls/${wall.id}`, wall.tokens.participant)).status).toBe(200);
  });

  it('only the facilitator may rotate (403), and not its own token (400)', async () => {
    const wall = await createWall(server.url);
    for (const token of [wall.tokens.participant, wall.tokens.viewer]) {
      const res = await send('POST', `/api/walls/${wall.id}/rotate`, token, { role: 'viewer' });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe('forbidden');
    }
    const own = await send('POST', `/api/walls/${wall.id}/rotate`, wall.tokens.facilitator, { role: 'facilitator' });
    expect(own.status).toBe(400);
    expect((await own.json()).error).toBe('bad_request');
    expect((await send('GET', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(200);
  });

  it('refuses bad bodies with 400, a wrong token with 401, an unknown wall with 404', async () => {
    const wall = await createWall(server.url);
    const path = `/api/walls/${wall.id}/rotate`;
    for (const body of [{}, { role: 'owner' }, { role: 'viewer', groupId: 'g1' }, { role: 'participant', extra: 1 }, [1]]) {
      expect((await send('POST', path, wall.tokens.facilitator, body)).status).toBe(400);
    }
    expect((await send('POST', path, 'A'.repeat(32), { role: 'viewer' })).status).toBe(401);
    expect((await send('POST', `/api/walls/${'Z'.repeat(22)}/rotate`, wall.tokens.facilitator, { role: 'viewer' })).status).toBe(404);
    // Rotating a group link that was never made is a 404 that says so.
    const missing = await send('POST', path, wall.tokens.facilitator, { role: 'participant', groupId: 'nope' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('no_group_link');
  });
});
