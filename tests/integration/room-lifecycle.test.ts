import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoredState } from '../../server/storage/store';
import { MemoryStore } from '../../server/storage/memoryStore';
import { CloseCode } from '../../shared/protocol';
import { Wall } from '../../shared/wall';
import { ControlledStore } from '../helpers/stores';
import { addNotes, connectClient, createWall, noteTexts, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

let server: TestServer;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.close();
});

/** Notes in what storage holds for a wall. */
function storedNotes({ updates }: StoredState): number {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return new Wall(doc).notes().length;
}

describe('room lifecycle', () => {
  it('concurrent first connections load the wall once', async () => {
    server = await startServer();
    const { id, tokens } = await createWall(server.url);
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 0, loads: 0 });
    for (let i = 0; i < 8; i++) clients.push(connectClient(server.url, id, i % 2 ? tokens.participant : tokens.viewer));
    await Promise.all(clients.map((c) => c.synced));
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 1, loads: 1, connections: 8 });
    addNotes(clients[1]!, 1, 'kaikille');
    await waitFor(() => clients.every((c) => noteTexts(c.wall).includes('kaikille 0')), 5_000, 'all eight receive');
  });

  it('connections that arrive during a slow load share it, and their early frames are answered after it', async () => {
    const store = new ControlledStore(new MemoryStore());
    server = await startServer({}, { store });
    const { id, tokens } = await createWall(server.url);
    store.loadDelayMs = 400;
    for (let i = 0; i < 5; i++) clients.push(connectClient(server.url, id, tokens.participant));
    // Each provider sends sync step 1 on open, long before the load ends; it only becomes
    // synced if that frame was kept and answered once the room was ready.
    await Promise.all(clients.map((c) => c.synced));
    expect(store.loadCalls).toBe(1);
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 1, loads: 1, connections: 5 });
    expect(clients.every((c) => c.wall.groups().length === 3)).toBe(true);
  });

  it('a failed load closes the waiting connections with LoadFailed and the next attempt loads afresh', async () => {
    const store = new ControlledStore(new MemoryStore());
    server = await startServer({}, { store });
    const { id, tokens } = await createWall(server.url);
    store.loadDelayMs = 100;
    store.failLoads = 1;
    const a = connectClient(server.url, id, tokens.participant);
    clients.push(a);
    await waitFor(() => a.closes.length > 0, 5_000, 'closed after the failed load');
    expect(a.closes[0]!.code).toBe(CloseCode.LoadFailed);
    // 4500 is a "try again later" code: the stock provider reconnects, and this time it loads.
    await a.synced;
    expect(a.wall.groups()).toHaveLength(3);
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 1, loads: 2 });
  });

  it('unloads after the last leave and the delay, and loads again on the next join', async () => {
    server = await startServer({ roomUnloadDelayMs: 150 });
    const { id, tokens } = await createWall(server.url);
    const a = connectClient(server.url, id, tokens.participant);
    await a.synced;
    addNotes(a, 3, 'pysyy');
    // Stored (in one row or several: back-to-back updates are handled as one).
    await waitFor(async () => storedNotes(await server.app.store.loadState(id)) === 3);
    a.destroy();
    await waitFor(() => server.app.rooms.stats().connections === 0);
    expect(server.app.rooms.stats().rooms).toBe(1); // still inside the grace period
    await waitFor(() => server.app.rooms.stats().unloads === 1, 3_000, 'room unloaded');
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 0, loads: 1 });
    // Unloading compacted the log into one snapshot.
    expect((await server.app.store.loadState(id)).updates).toHaveLength(1);

    const b = connectClient(server.url, id, tokens.viewer);
    clients.push(b);
    await b.synced;
    expect(noteTexts(b.wall)).toEqual(['pysyy 0', 'pysyy 1', 'pysyy 2']);
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 1, loads: 2 });
  });

  it('a rejoin within the delay keeps the room loaded', async () => {
    server = await startServer({ roomUnloadDelayMs: 400 });
    const { id, tokens } = await createWall(server.url);
    const a = connectClient(server.url, id, tokens.participant);
    await a.synced;
    a.destroy();
    await waitFor(() => server.app.rooms.stats().connections === 0);
    const b = connectClient(server.url, id, tokens.participant);
    clients.push(b);
    await b.synced;
    await sleep(600);
    expect(server.app.rooms.stats()).toMatchObject({ rooms: 1, loads: 1, unloads: 0, connections: 1 });
  });

  it('HTTP reads of a wall nobody is connected to load it only for the time being', async () => {
    server = await startServer({ roomUnloadDelayMs: 100 });
    const { id, tokens } = await createWall(server.url, { title: 'Vain luku' });
    const res = await fetch(`${server.url}/api/walls/${id}`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
    expect((await res.json()).title).toBe('Vain luku');
    expect(server.app.rooms.stats().loads).toBe(1);
    await waitFor(() => server.app.rooms.stats().rooms === 0, 3_000, 'unloaded after the read');
  });
});
