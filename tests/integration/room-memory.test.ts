/**
 * The room and registry driven through in-memory sockets (the WallSocket interface), for what a
 * real network makes hard to stage: a slow consumer, a failing disk, the exact moment of relay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { Connection, type WallSocket } from '../../server/rooms/connection';
import { encodeSyncStep1, encodeUpdate } from '../../server/rooms/codec';
import { RoomRegistry } from '../../server/rooms/registry';
import { MemoryStore } from '../../server/storage/memoryStore';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol';
import type { Role } from '../../shared/schemas';
import { makeRecord } from '../unit/storage.contract';
import { sleep, waitFor } from '../helpers/server';
import { ControlledStore } from '../helpers/stores';

class MemorySocket implements WallSocket {
  sent: Uint8Array[] = [];
  closedWith: number | null = null;
  bufferedAmount = 0;
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
  }
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MiB = 1024 * 1024;

/** The updates (sync type 2) among the frames a socket was sent. */
function updatesSent(socket: MemorySocket): Uint8Array[] {
  return socket.sent.flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.Sync || decoding.readVarUint(d) !== SyncMessageType.Update) return [];
    return [decoding.readVarUint8Array(d)];
  });
}

let registry: RoomRegistry | undefined;
afterEach(async () => {
  await registry?.close();
  registry = undefined;
});

async function setup() {
  const store = new ControlledStore(new MemoryStore());
  const record = makeRecord();
  const seed = new Y.Doc();
  seed.getMap('meta').set('title', 'Muisti');
  await store.createWall(record, Y.encodeStateAsUpdate(seed));
  registry = new RoomRegistry(store, { unloadDelayMs: 50, compactAfterUpdates: 500, maxPendingBytes: MiB, log: silent });
  // These edits write outside the wall's shape (a bare 'order' array, strings under 'notes'): only a facilitator may.
  const connect = async (role: Role = 'facilitator') => {
    const socket = new MemorySocket();
    const conn = new Connection(socket, { role, groupId: null }, { maxBufferedBytes: 16 * MiB, maxInboxBytes: 4 * MiB });
    registry!.join(record.id, conn);
    await waitFor(() => socket.sent.length > 0); // sync step 1 arrived: the room is ready
    return { socket, conn };
  };
  const edit = (key: string) => {
    const doc = new Y.Doc();
    doc.getMap('notes').set(key, 'x');
    return { doc, update: Y.encodeStateAsUpdate(doc) };
  };
  return { store, record, connect, edit };
}

describe('room over in-memory sockets', () => {
  it('relays an update only after the store has it, and never back to its sender', async () => {
    const { store, record, connect, edit } = await setup();
    const sender = await connect();
    const other = await connect();
    store.appendDelayMs = 150;
    const { update } = edit('a');
    sender.conn.receive(encodeUpdate(update), true);
    await sleep(75);
    expect(updatesSent(other.socket)).toHaveLength(0); // still being written
    await waitFor(() => updatesSent(other.socket).length === 1, 2_000, 'relayed after the append');
    expect((await store.loadState(record.id)).updates).toHaveLength(2);
    expect(updatesSent(sender.socket)).toHaveLength(0);
  });

  it('keeps arrival order when appends are slow', async () => {
    const { store, connect } = await setup();
    const sender = await connect();
    const other = await connect();
    store.appendDelayMs = 20;
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => frames.push(u));
    const list = doc.getArray<number>('order');
    for (let i = 0; i < 10; i++) list.push([i]);
    for (const u of frames) sender.conn.receive(encodeUpdate(u), true);
    // The relay may merge several of them into one frame; what counts is what the other client ends up with.
    const replicaOf = () => {
      const replica = new Y.Doc();
      for (const u of updatesSent(other.socket)) Y.applyUpdate(replica, u);
      return replica;
    };
    await waitFor(() => replicaOf().getArray('order').length === 10, 3_000);
    const replica = replicaOf();
    expect(replica.getArray('order').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(replica.store.pendingStructs).toBeNull(); // arrived in order, nothing waited
  });

  it('a failed append closes the sender with StorageFailed and nothing is applied or relayed', async () => {
    const { store, connect, edit } = await setup();
    const sender = await connect();
    const other = await connect();
    store.failAppends = 1;
    sender.conn.receive(encodeUpdate(edit('lost').update), true);
    await waitFor(() => sender.socket.closedWith !== null);
    expect(sender.socket.closedWith).toBe(CloseCode.StorageFailed);
    await sleep(50);
    expect(updatesSent(other.socket)).toHaveLength(0);
    expect(other.socket.closedWith).toBeNull();
  });

  it('a client that stops reading is closed as a slow consumer; the others carry on', async () => {
    const { connect, edit } = await setup();
    const sender = await connect();
    const slow = await connect('viewer');
    const fine = await connect('viewer');
    slow.socket.bufferedAmount = 17 * MiB;
    sender.conn.receive(encodeUpdate(edit('b').update), true);
    await waitFor(() => updatesSent(fine.socket).length === 1);
    expect(slow.socket.closedWith).toBe(CloseCode.SlowConsumer);
    expect(updatesSent(slow.socket)).toHaveLength(0);
    expect(fine.socket.closedWith).toBeNull();
  });

  it("answers a viewer's sync step 1 and ignores its updates", async () => {
    const { record, store, connect, edit } = await setup();
    const viewer = await connect('viewer');
    const other = await connect();
    viewer.conn.receive(encodeUpdate(edit('nope').update), true);
    const empty = new Y.Doc();
    viewer.conn.receive(encodeSyncStep1(empty), true);
    await waitFor(() => viewer.socket.sent.some((f) => f[0] === MessageType.Sync && f[1] === SyncMessageType.Step2));
    expect(viewer.socket.closedWith).toBeNull();
    expect(updatesSent(other.socket)).toHaveLength(0);
    expect((await store.loadState(record.id)).updates).toHaveLength(1);
  });
});
