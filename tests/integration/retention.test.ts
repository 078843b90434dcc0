import { afterEach, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/api';
import { CloseCode } from '../../shared/protocol';
import { RetentionResponse, WallInfo } from '../../shared/schemas';
import { connectClient, createWall, removeDir, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const send = apiRequest;

const HOUR = 3_600_000;

describe('PUT /api/walls/:id/retention', () => {
  it('stores the date, shows it to every role, and clears it with null', async () => {
    const server = await startServer({ retentionSweepMs: HOUR });
    servers.push(server);
    const wall = await createWall(server.url);
    const path = `/api/walls/${wall.id}/retention`;
    const res = await send(server.url, 'PUT', path, wall.tokens.facilitator, { deleteAt: '2031-03-01T12:00:00+02:00' });
    expect(res.status).toBe(200);
    expect(RetentionResponse.parse(await res.json())).toEqual({ deleteAt: '2031-03-01T10:00:00.000Z' });
    for (const token of Object.values(wall.tokens)) {
      const info = WallInfo.parse(await (await send(server.url, 'GET', `/api/walls/${wall.id}`, token)).json());
      expect(info.deleteAt).toBe('2031-03-01T10:00:00.000Z');
    }
    const cleared = await send(server.url, 'PUT', path, wall.tokens.facilitator, { deleteAt: null });
    expect(await cleared.json()).toEqual({ deleteAt: null });
    const info = WallInfo.parse(await (await send(server.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.viewer)).json());
    expect(info.deleteAt).toBeNull();
  });

  it('only the facilitator sets it; the body is an ISO-8601 date with a zone, or null', async () => {
    const server = await startServer({ retentionSweepMs: HOUR });
    servers.push(server);
    const wall = await createWall(server.url);
    const path = `/api/walls/${wall.id}/retention`;
    const future = { deleteAt: '2031-01-01T00:00:00Z' };
    expect((await send(server.url, 'PUT', path, wall.tokens.participant, future)).status).toBe(403);
    expect((await send(server.url, 'PUT', path, wall.tokens.viewer, future)).status).toBe(403);
    expect((await send(server.url, 'PUT', path, 'A'.repeat(32), future)).status).toBe(401);
    const bad = [{}, { deleteAt: 'tomorrow' }, { deleteAt: '2031-01-01' }, { deleteAt: '2031-01-01T00:00:00' }, { deleteAt: 0 }, { deleteAt: '0001-01-01T00:00:00Z' }, { deleteAt: null, x: 1 }];
    for (const body of bad) {
      const res = await send(server.url, 'PUT', path, wall.tokens.facilitator, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // A date that is only a couple of hours away is not due: the sweeper leaves the wall be.
    await send(server.url, 'PUT', path, wall.tokens.facilitator, { deleteAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    expect(await server.app.store.dueForDeletion(Date.now())).toEqual([]);
  });

  it('the sweeper deletes a wall whose date has passed, exactly like DELETE', async () => {
    const server = await startServer({ retentionSweepMs: 100 });
    servers.push(server);
    const wall = await createWall(server.url);
    const keep = await createWall(server.url);
    const client = connectClient(server.url, wall.id, wall.tokens.participant);
    clients.push(client);
    await client.synced;
    await send(server.url, 'PUT', `/api/walls/${keep.id}/retention`, keep.tokens.facilitator, { deleteAt: '2099-01-01T00:00:00Z' });
    const past = new Date(Date.now() - 60_000).toISOString();
    const res = await send(server.url, 'PUT', `/api/walls/${wall.id}/retention`, wall.tokens.facilitator, { deleteAt: past });
    expect(res.status).toBe(200);
    await waitFor(() => client.closes.some((c) => c.code === CloseCode.WallDeleted), 3000, 'swept and closed with 4410');
    expect((await send(server.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(404);
    expect(await server.app.store.getWall(wall.id)).toBeUndefined();
    expect((await send(server.url, 'GET', `/api/walls/${keep.id}`, keep.tokens.viewer)).status).toBe(200);
  });

  it('a date that passed while the server was down is honoured at start-up', async () => {
    const first = await startServer({ retentionSweepMs: HOUR });
    const wall = await createWall(first.url);
    await send(first.url, 'PUT', `/api/walls/${wall.id}/retention`, wall.tokens.facilitator, { deleteAt: new Date(Date.now() - 1000).toISOString() });
    // The hourly sweep has not come round yet.
    expect((await send(first.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.viewer)).status).toBe(200);
    await first.close({ keepData: true });
    const second = await startServer({ dataDir: first.dataDir, retentionSweepMs: HOUR });
    servers.push(second);
    await waitFor(async () => (await second.app.store.getWall(wall.id)) === undefined, 3000, 'swept at start-up');
    expect((await send(second.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.viewer)).status).toBe(404);
    await second.close();
    servers.splice(0);
    removeDir(first.dataDir);
  });
});
