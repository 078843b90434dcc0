/**
 * Wall limits enforced by the server: note text length, notes per wall, wall bytes. A refused
 * update closes its sender 4413 with a reason naming the limit; nothing of it is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../shared/limits';
import { CloseCode } from '../../shared/protocol';
import { Wall } from '../../shared/wall';
import { memoryRoom, updatesSent } from '../helpers/memoryRoom';
import { connectClient, createWall, sleep, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

describe('note text over the limit, on a real server', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('is refused 4413 "note text"; the other client keeps its wall', async () => {
    const { id, tokens } = await createWall(server.url);
    const writer = connectClient(server.url, id, tokens.participant);
    const other = connectClient(server.url, id, tokens.participant);
    clients.push(writer, other);
    await Promise.all([writer.synced, other.synced]);
    const noteId = writer.wall.addNote({ groupId: writer.wall.groups()[0]!.id, text: 'lyhyt', color: 'yellow', authorName: null, authorId: 'w' })!;
    await waitFor(() => other.wall.notes().length === 1);
    const before = (await server.app.store.loadState(id)).lastSeq;
    // The accessor clips; a hostile client writes the field directly.
    (writer.wall.noteMap.get(noteId) as Y.Map<unknown>).set('text', 'x'.repeat(LIMITS.noteTextMax + 1));
    await waitFor(() => writer.closes.length > 0);
    expect(writer.closes[0]).toEqual({ code: CloseCode.WallFull, reason: `note text over ${LIMITS.noteTextMax} characters` });
    await sleep(100);
    expect((await server.app.store.loadState(id)).lastSeq).toBe(before);
    expect(other.wall.getNote(noteId)!.text).toBe('lyhyt');
    expect(other.closes).toEqual([]);
  });
});

describe('MAX_WALL_BYTES, on a real server', () => {
  it('reaches the rooms: a wall over the configured size refuses the next insert with 4413', async () => {
    const maxWallBytes = 64 * 1024;
    const server = await startServer({ maxWallBytes });
    try {
      const { id, tokens } = await createWall(server.url);
      const writer = connectClient(server.url, id, tokens.participant);
      await writer.synced;
      const groupId = writer.wall.groups()[0]!.id;
      for (let i = 0; i < 40 && writer.closes.length === 0; i++) {
        writer.wall.addNote({ groupId, text: `${i} ${'z'.repeat(1_900)}`, color: 'yellow', authorName: null, authorId: 'w' });
        await sleep(20);
      }
      await waitFor(() => writer.closes.length > 0, 5_000, 'writer refused');
      expect(writer.closes[0]).toEqual({ code: CloseCode.WallFull, reason: `wall over ${maxWallBytes} bytes` });
      writer.destroy();
    } finally {
      await server.close();
    }
  });
});

describe('counts and bytes, on a real Room', () => {
  it(`the note after LIMITS.notesMax (${LIMITS.notesMax}) is refused 4413; edits and deletions still pass`, async () => {
    const { connect, room, storedUpdates, groups } = await memoryRoom();
    const filler = connect({ role: 'facilitator', groupId: null });
    // One update with the rest of the notes, written raw: the accessor is O(n) per note.
    filler.edit((w) =>
      w.doc.transact(() => {
        for (let i = w.noteMap.size; i < LIMITS.notesMax; i++) {
          const m = new Y.Map<unknown>();
          for (const [k, v] of Object.entries({ groupId: groups[0], text: `n${i}`, color: 'blue', order: `a${i}`, authorName: null, authorId: 'f', createdAt: 1, updatedAt: 1 })) m.set(k, v);
          w.noteMap.set(`fill${i}`, m);
        }
      }),
    );
    await waitFor(() => room.doc.getMap('notes').size === LIMITS.notesMax, 5_000, 'filled');
    const p = connect({ role: 'participant', groupId: null });
    const before = await storedUpdates();
    p.edit((w) => w.noteMap.set('one-too-many', new Y.Map()));
    await waitFor(() => p.socket.closedWith !== null);
    expect(p.socket.closedWith).toEqual({ code: CloseCode.WallFull, reason: `wall has the maximum ${LIMITS.notesMax} notes` });
    expect(await storedUpdates()).toBe(before);

    const q = connect({ role: 'participant', groupId: null });
    q.edit((w) => w.updateNoteText('fill10', 'muokattu'));
    q.edit((w) => w.deleteNote('fill11'));
    const roomWall = new Wall(room.doc);
    await waitFor(() => roomWall.getNote('fill10')?.text === 'muokattu' && !roomWall.getNote('fill11'), 5_000, 'edit and deletion applied');
    // Stored too (as one merged row or two: back-to-back updates are handled as one).
    expect(await storedUpdates()).toBeGreaterThan(before);
    expect(q.socket.closedWith).toBeNull();
  });

  it('an insert that takes the wall over maxWallBytes is refused 4413; a deletion on a full wall is not', async () => {
    const maxWallBytes = 20_000;
    const { connect, groups, roomWall, store, record } = await memoryRoom({ maxWallBytes });
    const storedBytes = async () => (await store.loadState(record.id)).updates.reduce((n, u) => n + u.byteLength, 0);
    const a = connect({ role: 'participant', groupId: null });
    const watcher = connect({ role: 'viewer', groupId: null });
    let sent = 0;
    const ids: string[] = [];
    while (a.socket.closedWith === null && sent < 40) {
      a.edit((w) => ids.push(w.addNote({ groupId: groups[1], text: 'y'.repeat(1_900), color: 'yellow', authorName: null, authorId: 'a' })!));
      sent++;
      await sleep(5);
    }
    expect(a.socket.closedWith).toEqual({ code: CloseCode.WallFull, reason: `wall over ${maxWallBytes} bytes` });
    const accepted = ids.slice(0, -1);
    // The refused one went nowhere: the watcher got exactly the accepted notes (in however many frames).
    await sleep(100);
    const watched = new Y.Doc();
    for (const u of updatesSent(watcher.socket)) Y.applyUpdate(watched, u);
    const watchedWall = new Wall(watched);
    expect(ids.filter((id) => watchedWall.getNote(id) !== undefined)).toEqual(accepted);
    expect(accepted.every((id) => roomWall.getNote(id))).toBe(true);
    expect(roomWall.getNote(ids.at(-1)!)).toBeUndefined();
    expect(sent).toBeLessThan(15);

    const b = connect({ role: 'participant', groupId: null });
    b.edit((w) => w.doc.transact(() => ids.forEach((id) => w.deleteNote(id))));
    // The deletion is stored, and the wall compacted at once so the space it freed counts.
    await waitFor(async () => (await storedBytes()) < maxWallBytes / 2, 2_000, 'deletion stored and compacted');
    expect(b.socket.closedWith).toBeNull();

    const c = connect({ role: 'participant', groupId: null });
    c.edit((w) => w.addNote({ groupId: groups[1], text: 'taas mahtuu', color: 'yellow', authorName: null, authorId: 'c' }));
    await waitFor(() => roomWall.notes().some((n) => n.text === 'taas mahtuu'), 2_000, 'insert accepted again');
    expect(c.socket.closedWith).toBeNull();
  });
});
