/**
 * Hostile or broken frames close only their sender, with the named code; nothing of them is
 * stored; other clients keep syncing and the wall stays intact.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol';
import { openRawSocket } from '../helpers/rawSocket';
import { addNotes, connectClient, createWall, noteTexts, startServer, waitFor, type TestClient, type TestServer } from '../helpers/server';

const LIMIT = 64 * 1024;

let server: TestServer;
let wallId: string;
let token: string;
let facilitatorToken: string;
let a: TestClient;
let b: TestClient;
let round = 0;

beforeAll(async () => {
  server = await startServer({ maxMessageBytes: LIMIT });
  const wall = await createWall(server.url);
  wallId = wall.id;
  token = wall.tokens.participant;
  facilitatorToken = wall.tokens.facilitator;
  a = connectClient(server.url, wallId, wall.tokens.participant);
  b = connectClient(server.url, wallId, wall.tokens.viewer);
  await Promise.all([a.synced, b.synced]);
});
afterAll(async () => {
  a.destroy();
  b.destroy();
  await server.close();
});

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const syncUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncMessageType.Update);
    encoding.writeVarUint8Array(e, update);
  });

function someUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('notes').set('x', 'a perfectly good value that we then cut short');
  return Y.encodeStateAsUpdate(doc);
}

/** Sends `frame` from a raw participant socket; returns its close code. */
async function sendAndClose(frame: Uint8Array | string): Promise<number> {
  const raw = await openRawSocket(server.wsUrl, wallId, token);
  await waitFor(() => raw.received.length > 0, 5_000, 'server sync step 1'); // the room has loaded
  raw.send(frame);
  return (await raw.closed).code;
}

/** After each bad frame: A's edit still reaches B, and nobody else was closed. */
async function othersUnaffected(): Promise<void> {
  round++;
  addNotes(a, 1, `round ${round}`);
  await waitFor(() => noteTexts(b.wall).includes(`round ${round} 0`), 5_000, 'B still receives A');
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

describe('garbage frames', () => {
  it('random bytes with an unknown message type → 4400', async () => {
    const junk = new Uint8Array([0x07, ...Array.from({ length: 64 }, (_, i) => (i * 97 + 13) & 0xff)]);
    expect(await sendAndClose(junk)).toBe(CloseCode.MalformedMessage);
    await othersUnaffected();
  });

  it('a text frame → 4400', async () => {
    expect(await sendAndClose('{"type":"update"}')).toBe(CloseCode.MalformedMessage);
    await othersUnaffected();
  });

  it('a truncated varuint → 4400', async () => {
    expect(await sendAndClose(new Uint8Array([0x80]))).toBe(CloseCode.MalformedMessage);
    expect(await sendAndClose(new Uint8Array([0x00, 0x02, 0xff, 0xff, 0xff]))).toBe(CloseCode.MalformedMessage);
    await othersUnaffected();
  });

  it('an unknown sync message type → 4400', async () => {
    expect(await sendAndClose(new Uint8Array([0x00, 0x09, 0x00]))).toBe(CloseCode.MalformedMessage);
    await othersUnaffected();
  });

  it('an update Yjs cannot decode (cut short) → 4400, and nothing of it is stored', async () => {
    const before = (await server.app.store.loadState(wallId)).lastSeq;
    const update = someUpdate();
    expect(await sendAndClose(syncUpdate(update.slice(0, update.length - 5)))).toBe(CloseCode.MalformedMessage);
    expect((await server.app.store.loadState(wallId)).lastSeq).toBe(before);
    await othersUnaffected();
  });

  it('awareness whose state is not JSON → 4400', async () => {
    const awareness = message((e) => {
      encoding.writeVarUint(e, 1); // one entry
      encoding.writeVarUint(e, 12345); // client id
      encoding.writeVarUint(e, 1); // clock
      encoding.writeVarString(e, '{not json');
    });
    const frame = message((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(e, awareness);
    });
    expect(await sendAndClose(frame)).toBe(CloseCode.MalformedMessage);
    expect(a.provider.awareness.getStates().has(12345)).toBe(false);
    await othersUnaffected();
  });

  it('a frame over MAX_MESSAGE_BYTES → 1009', async () => {
    const big = new Uint8Array(LIMIT + 1);
    big[0] = MessageType.Sync;
    expect(await sendAndClose(big)).toBe(CloseCode.MessageTooBig);
    await othersUnaffected();
  });

  it('updates whose dependencies never arrive → 4509 past the bound, and the pending data is dropped', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const junk = doc.getMap('junk');
    junk.set('first', 1); // never sent: everything after it waits for it
    // 40 kB per update, in strings under the longest one any wall field may hold.
    const fill = (prefix: string) => doc.transact(() => {
      for (let i = 0; i < 25; i++) junk.set(`${prefix}${i}`, prefix.repeat(1_600));
    });
    fill('x');
    fill('y');
    // A facilitator: a participant writing a 'junk' root would be refused (4403) before its dependencies matter.
    const raw = await openRawSocket(server.wsUrl, wallId, facilitatorToken);
    await waitFor(() => raw.received.length > 0);
    raw.send(syncUpdate(updates[1]!)); // 40 kB pending: under the bound, accepted
    raw.send(syncUpdate(updates[2]!)); // 80 kB pending: over it
    expect((await raw.closed).code).toBe(CloseCode.TooManyPendingUpdates);
    await othersUnaffected();

    // The stored state no longer carries the orphaned updates.
    await waitFor(async () => {
      const replay = new Y.Doc();
      for (const u of (await server.app.store.loadState(wallId)).updates) Y.applyUpdate(replay, u);
      return replay.store.pendingStructs === null;
    }, 5_000, 'pending data compacted away');
  });

  it('the wall is intact after all of it', async () => {
    const fresh = connectClient(server.url, wallId, token);
    await fresh.synced;
    expect(fresh.wall.groups()).toHaveLength(3);
    expect(noteTexts(fresh.wall)).toEqual(noteTexts(a.wall));
    expect(noteTexts(fresh.wall).length).toBe(round);
    fresh.destroy();
  });
});
