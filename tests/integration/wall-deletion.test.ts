import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiRequest } from '../helpers/api';
import { hashToken } from '../../server/auth/tokens';
import { CloseCode } from '../../shared/protocol';
import { GroupLinkResponse } from '../../shared/schemas';
import { upgradeStatus } from '../helpers/rawSocket';
import { addNotes, connectClient, createWall, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

const send = apiRequest;

/** Which of `needles` occur, byte for byte, in any file of `dir` (the db, its -wal and -shm). */
function foundOnDisk(dir: string, needles: string[]): string[] {
  const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
  return needles.filter((n) => files.some((bytes) => bytes.includes(Buffer.from(n, 'utf8'))));
}

describe('DELETE /api/walls/:id', () => {
  it('closes every connection with 4410 and leaves no byte of the wall on disk', async () => {
    const server = await startServer({ compactAfterUpdates: 5 });
    servers.push(server);
    const title = 'Salainen työpaja QX7-OTSIKKO';
    const marker = 'KUKKARUUKKU-4242';
    const wall = await createWall(server.url, { title });
    const keep = await createWall(server.url, { title: 'Toinen seinä jää' });
    const group = GroupLinkResponse.parse(
      await (await send(server.url, 'POST', `/api/walls/${wall.id}/group-links`, wall.tokens.facilitator, { groupId: 'g1' })).json(),
    );

    const writer = connectClient(server.url, wall.id, wall.tokens.participant);
    const watcher = connectClient(server.url, wall.id, wall.tokens.viewer);
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    // Enough to be compacted into the snapshot, and then a few more that stay as separate rows.
    // Ten (twice the threshold) end up wholly in the snapshot; three more stay as separate rows.
    // One at a time: notes sent back to back would be stored as one row (inboundBatch.ts).
    const addOneByOne = async (count: number, prefix: string) => {
      for (let i = 0; i < count; i++) {
        const seen = watcher.wall.notes().length;
        addNotes(writer, 1, `${prefix} ${i}`);
        await waitFor(() => watcher.wall.notes().length === seen + 1, 5000, 'viewer sees the note');
      }
    };
    await addOneByOne(10, marker);
    await waitFor(async () => (await server.app.store.loadState(wall.id)).updates.length === 1, 5000, 'compacted');
    await addOneByOne(3, `${marker} late`);
    expect((await server.app.store.loadState(wall.id)).updates).toHaveLength(4);

    const stored = await server.app.store.getWall(wall.id);
    const secrets = [
      marker,
      `${marker} late`,
      title,
      wall.id,
      ...Object.values(stored!.tokenHashes),
      hashToken(group.token),
    ];
    // The check below means something only if the secrets are on disk before the delete.
    expect(foundOnDisk(server.dataDir, [marker, title, hashToken(group.token)])).toHaveLength(3);

    for (const token of [wall.tokens.participant, wall.tokens.viewer, group.token]) {
      const refused = await send(server.url, 'DELETE', `/api/walls/${wall.id}`, token);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toBe('forbidden');
    }
    const res = await send(server.url, 'DELETE', `/api/walls/${wall.id}`, wall.tokens.facilitator);
    expect(res.status).toBe(204);

    await waitFor(
      () => [writer, watcher].every((c) => c.closes.some((e) => e.code === CloseCode.WallDeleted)),
      1000,
      'clients closed with 4410',
    );
    expect(server.app.rooms.stats().rooms).toBe(0);
    expect(foundOnDisk(server.dataDir, secrets)).toEqual([]);

    // Gone for every role and every route, and nothing brings it back.
    expect((await send(server.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(404);
    expect((await send(server.url, 'DELETE', `/api/walls/${wall.id}`, wall.tokens.facilitator)).status).toBe(404);
    expect(await upgradeStatus(`${server.wsUrl}/${wall.id}?token=${wall.tokens.facilitator}`)).toBe(404);
    expect(await server.app.store.getWall(wall.id)).toBeUndefined();

    // The other wall is untouched, and so is the database.
    expect((await send(server.url, 'GET', `/api/walls/${keep.id}`, keep.tokens.viewer)).status).toBe(200);
    const after = await createWall(server.url);
    expect((await send(server.url, 'GET', `/api/walls/${after.id}`, after.tokens.viewer)).status).toBe(200);

    // Closing flushes every live wall: the deleted one must not be written back.
    await server.close({ keepData: true });
    servers.splice(0);
    expect(foundOnDisk(server.dataDir, secrets)).toEqual([]);
  });

  it('a wall that is only loaded for a read, or not loaded at all, is deleted the same way', async () => {
    const server = await startServer({ roomUnloadDelayMs: 30_000 });
    servers.push(server);
    const idle = await createWall(server.url, { title: 'Lepäävä seinä ZZ-1' });
    const read = await createWall(server.url, { title: 'Luettu seinä ZZ-2' });
    // The read keeps the room loaded for ROOM_UNLOAD_DELAY_MS, with its unload timer pending.
    expect((await send(server.url, 'GET', `/api/walls/${read.id}`, read.tokens.viewer)).status).toBe(200);
    expect(server.app.rooms.stats().rooms).toBe(1);
    for (const w of [idle, read]) {
      expect((await send(server.url, 'DELETE', `/api/walls/${w.id}`, w.tokens.facilitator)).status).toBe(204);
    }
    expect(server.app.rooms.stats().rooms).toBe(0);
    expect(foundOnDisk(server.dataDir, ['Lepäävä seinä ZZ-1', 'Luettu seinä ZZ-2'])).toEqual([]);
  });

  it('401 for a wrong token and 404 for an unknown wall', async () => {
    const server = await startServer();
    servers.push(server);
    const wall = await createWall(server.url);
    expect((await send(server.url, 'DELETE', `/api/walls/${wall.id}`, 'A'.repeat(32))).status).toBe(401);
    expect((await send(server.url, 'DELETE', `/api/walls/${wall.id}`)).status).toBe(401);
    expect((await send(server.url, 'DELETE', `/api/walls/${'Q'.repeat(22)}`, wall.tokens.facilitator)).status).toBe(404);
    expect((await send(server.url, 'GET', `/api/walls/${wall.id}`, wall.tokens.viewer)).status).toBe(200);
  });
});
