/**
 * What a new client gets right after a wall loads, over the real SqliteStore: the room keeps the
 * loaded snapshot as its encoded state and answers a new client (empty state vector) with it,
 * drops it on the first change so later clients get that change too, and the compaction a long
 * log calls for waits until after the first sync (server/rooms/room.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdate } from '../../server/rooms/codec';
import { Connection } from '../../server/rooms/connection';
import { Room } from '../../server/rooms/room';
import { compactionChannel, firstSyncChannel, type FirstSyncTiming } from '../../server/rooms/roomTimings';
import { SqliteStore } from '../../server/storage/sqliteStore';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import { MemorySocket } from '../helpers/memoryRoom';
import { makeRecord } from '../unit/storage.contract';

const MiB = 1024 * 1024;
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Listens on a timings channel for the rest of the test. */
function listen(channel: typeof firstSyncChannel, into: unknown[]) {
  const listener = (message: unknown) => void into.push(message);
  channel.subscribe(listener);
  cleanups.push(() => void channel.unsubscribe(listener));
}

/** A stored wall: a snapshot of `notes` entries, then `edits` single updates after it. */
async function storedWall(notes: number, edits: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-first-sync-'));
  const store = new SqliteStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const record = makeRecord();
  const doc = new Y.Doc();
  const map = doc.getMap<string>('notes');
  for (let i = 0; i < notes; i++) map.set(`n${i}`, `text ${i}`);
  await store.createWall(record, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < edits; i++) map.set(`n${i % notes}`, `edit ${i}`);
  for (const u of updates) await store.appendUpdate(record.id, u);
  return { store, id: record.id, expected: map.toJSON() };
}

function connect(room: Room) {
  const socket = new MemorySocket();
  const conn = new Connection(socket, { role: 'facilitator', groupId: null }, { maxBufferedBytes: 16 * MiB, maxInboxBytes: 4 * MiB });
  room.join(conn);
  return { socket, conn };
}

/** Sends a new client's sync step 1 and resolves with the notes its step 2 carries. */
async function firstSync(room: Room): Promise<Record<string, unknown>> {
  const { socket, conn } = connect(room);
  conn.receive(encodeSyncStep1(new Y.Doc()), true);
  for (;;) {
    for (const frame of socket.sent) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) !== MessageType.Sync || decoding.readVarUint(d) !== SyncMessageType.Step2) continue;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
      return doc.getMap('notes').toJSON();
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function loadedRoom(store: SqliteStore, id: string, compactAfterUpdates = Number.MAX_SAFE_INTEGER) {
  const room = new Room(id, store, { compactAfterUpdates, maxPendingBytes: MiB, log: silent, onEmpty() {} });
  cleanups.push(() => room.destroy());
  await room.load();
  return room;
}

describe('a new client right after a load', () => {
  it('gets the loaded snapshot without the doc being encoded, and after a change gets the change too', async () => {
    const { store, id, expected } = await storedWall(200, 0);
    const syncs: FirstSyncTiming[] = [];
    listen(firstSyncChannel, syncs);
    const room = await loadedRoom(store, id);

    expect(await firstSync(room)).toEqual(expected);
    expect(syncs.map((s) => s.reused)).toEqual([true]);

    // A writer changes one note: the kept state is no longer the doc's, so it must not be sent.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room.doc));
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    writer.getMap('notes').set('n7', 'changed after the load');
    connect(room).conn.receive(encodeUpdate(updates[0]!), true);
    for (let i = 0; i < 50 && room.doc.getMap('notes').get('n7') !== 'changed after the load'; i++) await new Promise((r) => setImmediate(r));

    const later = await firstSync(room);
    expect(later).toEqual({ ...expected, n7: 'changed after the load' });
    expect(syncs.map((s) => s.reused)).toEqual([true, false]);
    // The state encoded for that client is kept in turn for the next one.
    expect(await firstSync(room)).toEqual(later);
    expect(syncs.map((s) => s.reused)).toEqual([true, false, true]);
  });

  it('after a long log, gets the whole wall encoded over turns; a change landing meanwhile is not lost for the next client', async () => {
    const { store, id, expected } = await storedWall(3000, 600);
    const syncs: FirstSyncTiming[] = [];
    listen(firstSyncChannel, syncs);
    const room = await loadedRoom(store, id);
    const first = firstSync(room);
    // Applied straight to the doc, as the bus applies another instance's update: between two
    // slices of the encoding when it spans turns, or after it.
    await new Promise((resolve) => setImmediate(resolve));
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room.doc));
    writer.on('update', (u: Uint8Array) => Y.applyUpdate(room.doc, u, 'elsewhere'));
    writer.getMap('notes').set('n1', 'changed while encoding');

    const got = await first;
    expect({ ...got, n1: expected.n1 }).toEqual(expected);
    expect(await firstSync(room)).toEqual({ ...expected, n1: 'changed while encoding' });
    expect(syncs.map((s) => s.reused)).toEqual([false, false]);
  });

  it('is answered before the compaction a long log calls for, which still follows and keeps every edit', async () => {
    const { store, id, expected } = await storedWall(50, 40);
    const order: object[] = [];
    listen(firstSyncChannel, order);
    listen(compactionChannel, order);
    const names = () => order.map((m) => ('sinceConnectMs' in m ? 'first sync' : 'compaction'));
    const room = await loadedRoom(store, id, 10);
    // The client's request comes off the network in a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect(await firstSync(room)).toEqual(expected);
    for (let i = 0; i < 200 && names().length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(names()).toEqual(['first sync', 'compaction']);
    expect((await store.loadState(id)).updates).toHaveLength(1);

    room.destroy();
    const again = await loadedRoom(store, id);
    expect(again.doc.getMap('notes').toJSON()).toEqual(expected);
  });
});
