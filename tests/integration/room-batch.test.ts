/**
 * Back-to-back updates of one connection are merged, checked, stored and applied as one
 * (server/rooms/inboundBatch.ts), and a refusal inside such a batch is what it would have been
 * update by update.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { Wall } from '../../shared/wall';
import { memoryRoom, updatesSent, type MemoryPeer } from '../helpers/memoryRoom';
import { sleep, waitFor } from '../helpers/server';

/** What `peer` has been sent, applied on top of the wall it connected to. */
function seenBy(peer: MemoryPeer): Wall {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer.wall.doc));
  for (const update of updatesSent(peer.socket)) Y.applyUpdate(doc, update);
  return new Wall(doc);
}

describe('a burst from one connection', () => {
  it('is stored as one update and relayed in one frame, every note in it', async () => {
    const { connect, groups, roomWall, storedUpdates } = await memoryRoom();
    const writer = connect({ role: 'participant', groupId: null });
    const watcher = connect({ role: 'viewer', groupId: null });
    const before = await storedUpdates();
    const framesBefore = updatesSent(watcher.socket).length;

    // Twenty frames in one turn, as a paste or a fast typist's edits arrive off one socket.
    const texts = Array.from({ length: 20 }, (_, i) => `purske ${i}`);
    for (const text of texts) writer.edit((w) => w.addNote({ groupId: groups[0], text, color: 'yellow', authorName: null, authorId: 'w' }));

    await waitFor(() => texts.every((t) => roomWall.notes().some((n) => n.text === t)), 2_000, 'every note applied');
    await sleep(20);
    expect(await storedUpdates()).toBe(before + 1);
    expect(updatesSent(watcher.socket).length - framesBefore).toBe(1);
    const seen = seenBy(watcher).notes().map((n) => n.text);
    expect(texts.filter((t) => !seen.includes(t))).toEqual([]);
    expect(writer.socket.closedWith).toBeNull();
  });

  it('with a refused update in it: what came before is stored, the refusal is that update\'s own, nothing after it lands', async () => {
    const { connect, groups, roomWall, storedUpdates } = await memoryRoom();
    const [g1, g2] = groups;
    const own = connect({ role: 'participant', groupId: g1 });
    const watcher = connect({ role: 'viewer', groupId: null });
    const before = await storedUpdates();

    const note = (groupId: string, text: string) => own.edit((w) => w.addNote({ groupId, text, color: 'green', authorName: null, authorId: 'g' }));
    note(g1, 'ensimmäinen');
    note(g1, 'toinen');
    note(g2, 'vieraaseen ryhmään'); // a group link may not write in another group
    note(g1, 'kolmas');

    await waitFor(() => own.socket.closedWith !== null, 2_000, 'the refusal');
    expect(own.socket.closedWith!.code).toBe(CloseCode.Forbidden);
    await sleep(20);
    const texts = roomWall.notes().map((n) => n.text);
    expect(texts).toEqual(expect.arrayContaining(['ensimmäinen', 'toinen']));
    expect(texts).not.toContain('vieraaseen ryhmään');
    expect(texts).not.toContain('kolmas');
    expect(await storedUpdates()).toBe(before + 2);
    const seen = seenBy(watcher).notes().map((n) => n.text);
    expect(seen).toEqual(expect.arrayContaining(['ensimmäinen', 'toinen']));
    expect(seen).not.toContain('vieraaseen ryhmään');
  });

  it("does not take in another connection's updates, or overtake what was queued after it", async () => {
    const { connect, groups, roomWall, storedUpdates } = await memoryRoom();
    const a = connect({ role: 'participant', groupId: null });
    const b = connect({ role: 'participant', groupId: null });
    const before = await storedUpdates();

    a.edit((w) => w.addNote({ groupId: groups[0], text: 'a1', color: 'yellow', authorName: null, authorId: 'a' }));
    a.edit((w) => w.addNote({ groupId: groups[0], text: 'a2', color: 'yellow', authorName: null, authorId: 'a' }));
    b.edit((w) => w.addNote({ groupId: groups[1], text: 'b1', color: 'yellow', authorName: null, authorId: 'b' }));
    a.edit((w) => w.addNote({ groupId: groups[0], text: 'a3', color: 'yellow', authorName: null, authorId: 'a' }));

    await waitFor(() => ['a1', 'a2', 'b1', 'a3'].every((t) => roomWall.notes().some((n) => n.text === t)), 2_000, 'every note applied');
    await sleep(20);
    // a1+a2 merged, then b1, then a3: three stored updates in that order.
    expect(await storedUpdates()).toBe(before + 3);
  });
});
