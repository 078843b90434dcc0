/**
 * A new client served while its wall loads (server/rooms/room.ts, Room.open), over the real
 * SqliteStore and RoomRegistry: it gets the stored wall (snapshot in parts plus a short log)
 * before the replay ends; its own edits, sent before and during the replay, are stored and
 * applied after it, in order; a returning client (non-empty state vector) and a long log wait
 * for the replay as before; and a stored snapshot the replay cannot apply closes whoever was
 * served from it with LoadFailed, so they reconnect to the doc as loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeUpdate } from '../../server/rooms/codec';
import { Connection } from '../../server/rooms/connection';
import { EARLY_SYNC_MAX_LOG_ROWS } from '../../server/rooms/roomLoad';
import { RoomRegistry } from '../../server/rooms/registry';
import { firstSyncChannel, roomLoadChannel, type FirstSyncTiming } from '../../server/rooms/roomTimings';
import { encodeStateInParts } from '../../server/rooms/stateInParts';
import { SqliteStore } from '../../server/storage/sqliteStore';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/protocol';
import { MemorySocket } from '../helpers/memoryRoom';
import { waitFor } from '../helpers/server';
import { makeRecord } from '../unit/storage.contract';

const MiB = 1024 * 1024;
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every event on the load and first-sync channels, in the order they were published. */
function recordTimings() {
  const events: { channel: 'load' | 'sync'; message: unknown }[] = [];
  const onLoad = (message: unknown) => void events.push({ channel: 'load', message });
  const onSync = (message: unknown) => void events.push({ channel: 'sync', message });
  roomLoadChannel.subscribe(onLoad);
  firstSyncChannel.subscribe(onSync);
  cleanups.push(() => {
    roomLoadChannel.unsubscribe(onLoad);
    firstSyncChannel.unsubscribe(onSync);
  });
  return events;
}

async function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-early-sync-'));
  const store = new SqliteStore(dir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

/**
 * A wall of `notes` entries stored as a snapshot in parts (big enough that its replay takes
 * several slices), then `edits` single updates after it, rewrites and deletions among them.
 */
async function storedWall(store: SqliteStore, notes: number, edits: number) {
  const record = makeRecord();
  const doc = new Y.Doc();
  const map = doc.getMap<string>('notes');
  for (let i = 0; i < notes; i++) map.set(`n${i}`, `note ${i} ${'text '.repeat(24)}`);
  await store.createWall(record, Y.encodeStateAsUpdate(new Y.Doc()));
  const parts = encodeStateInParts(doc);
  await store.compact(record.id, parts, 0);
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  for (let i = 0; i < edits; i++) {
    if (i % 10 === 9) map.delete(`n${i}`);
    else map.set(`n${i % notes}`, `edit ${i}`);
  }
  for (const u of log) await store.appendUpdate(record.id, u);
  return { id: record.id, expected: map.toJSON(), parts: parts.length, logRows: log.length };
}

function registry(store: SqliteStore) {
  const rooms = new RoomRegistry(store, { unloadDelayMs: 60_000, compactAfterUpdates: 100_000, maxPendingBytes: MiB, log: silent });
  cleanups.push(() => rooms.close());
  return rooms;
}

function connection() {
  const socket = new MemorySocket();
  const conn = new Connection(socket, { role: 'facilitator', groupId: null }, { maxBufferedBytes: 64 * MiB, maxInboxBytes: 4 * MiB });
  return { socket, conn };
}

/** The sync frames a socket was sent, by kind, in order. */
function syncFrames(socket: MemorySocket) {
  return socket.sent.flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.Sync) return [];
    const type = decoding.readVarUint(d);
    const kind = type === SyncMessageType.Step1 ? 'step1' : type === SyncMessageType.Step2 ? 'step2' : 'update';
    return [{ kind, payload: decoding.readVarUint8Array(d) }];
  });
}

/** A client doc made of the frames a socket got, up to and including its first step 2. */
function syncedDoc(socket: MemorySocket): Y.Doc {
  const doc = new Y.Doc();
  for (const f of syncFrames(socket)) {
    if (f.kind === 'step1') continue;
    Y.applyUpdate(doc, f.payload);
    if (f.kind === 'step2') break;
  }
  return doc;
}

const hasStep2 = (socket: MemorySocket) => syncFrames(socket).some((f) => f.kind === 'step2');

describe('a client connecting while its wall loads', () => {
  it('gets the stored wall before the replay ends, and its own edits from before and during the replay are kept in order', async () => {
    const store = await openStore();
    const { id, expected, parts, logRows } = await storedWall(store, 4_000, 300);
    expect(parts).toBeGreaterThan(5); // a replay of several slices
    const rooms = registry(store);
    const timings = recordTimings();

    // Client A: its step 1 and two edits arrive before the room exists (they wait in its inbox).
    const a = connection();
    const aDoc = new Y.Doc();
    const aEdits: Uint8Array[] = [];
    aDoc.on('update', (u: Uint8Array) => aEdits.push(u));
    aDoc.getMap('notes').set('mine', 'first');
    aDoc.getMap('notes').set('mine', 'second'); // builds on the first: order matters
    const [first, second] = aEdits;
    a.conn.receive(encodeSyncStep1(new Y.Doc()), true);
    for (const u of aEdits) a.conn.receive(encodeUpdate(u), true);
    // A returning client (it has part of the wall) connects too: it must wait for the replay.
    const returning = connection();
    const partial = new Y.Doc();
    Y.applyUpdate(partial, (await store.loadState(id)).updates[0]!);
    returning.conn.receive(encodeSyncStep1(partial), true);
    rooms.join(id, a.conn);
    rooms.join(id, returning.conn);

    await waitFor(() => hasStep2(a.socket), 10_000, 'A got its step 2');
    // Answered from storage: the load's timing (published when the replay ends) is not out yet.
    expect(timings.map((t) => t.channel)).toEqual(['sync']);
    expect((timings[0]!.message as FirstSyncTiming).whileLoading).toBe(true);
    expect(hasStep2(returning.socket)).toBe(false);
    // The log came first, so the step 2 leaves A with the whole wall.
    expect(syncFrames(a.socket).map((f) => f.kind)).toEqual(['update', 'step2']);
    expect(syncedDoc(a.socket).getMap('notes').toJSON()).toEqual(expected);

    // A edits a note of the snapshot while the replay still runs: the server cannot apply that yet.
    Y.applyUpdate(aDoc, Y.encodeStateAsUpdate(syncedDoc(a.socket)));
    aEdits.length = 0;
    aDoc.getMap('notes').set('n5', 'A was here');
    const third = aEdits[0]!;
    a.conn.receive(encodeUpdate(third), true);

    const loaded = await rooms.read(id, (room) => room.doc.getMap('notes').toJSON());
    const withA = { ...expected, mine: 'second', n5: 'A was here' };
    await waitFor(async () => isDeepStrictEqual(await rooms.read(id, (room) => room.doc.getMap('notes').toJSON()), withA), 10_000, 'A’s edits applied');
    expect(Object.keys(loaded).length).toBeGreaterThan(3_500);
    expect(timings.map((t) => t.channel)).toEqual(['sync', 'load', 'sync']);
    expect((timings[2]!.message as FirstSyncTiming).whileLoading).toBe(false);

    // Stored in the order A sent them, after everything that was stored before: the first two
    // arrived back to back and are stored as one (inboundBatch.ts).
    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    const stored = (await store.loadState(id)).updates;
    expect(stored).toHaveLength(parts + logRows + 2);
    expect(stored.slice(-2).map(hex)).toEqual([Y.mergeUpdates([first!, second!]), third].map(hex));

    // After the load A got the server's own step 1; the returning client got the rest of the wall.
    await waitFor(() => syncFrames(a.socket).some((f) => f.kind === 'step1'), 5_000, 'server step 1 to A');
    // (A's last edit may reach it as a relayed update after its step 2.)
    const returned = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(partial));
      for (const f of syncFrames(returning.socket)) if (f.kind !== 'step1') Y.applyUpdate(doc, f.payload);
      return doc.getMap('notes').toJSON();
    };
    await waitFor(() => isDeepStrictEqual(returned(), withA), 5_000, 'returning client synced');
    expect(syncFrames(returning.socket).map((f) => f.kind)).toContain('step2');

    // A client connecting now gets the wall with A's edits.
    const b = connection();
    b.conn.receive(encodeSyncStep1(new Y.Doc()), true);
    rooms.join(id, b.conn);
    await waitFor(() => hasStep2(b.socket), 5_000, 'B synced');
    expect(syncedDoc(b.socket).getMap('notes').toJSON()).toEqual(withA);
  });

  it('waits for the replay when the log is too long to merge for it', async () => {
    const store = await openStore();
    const { id, expected, logRows } = await storedWall(store, 300, EARLY_SYNC_MAX_LOG_ROWS + 100);
    expect(logRows).toBeGreaterThan(EARLY_SYNC_MAX_LOG_ROWS);
    const rooms = registry(store);
    const timings = recordTimings();
    const a = connection();
    a.conn.receive(encodeSyncStep1(new Y.Doc()), true);
    rooms.join(id, a.conn);
    await waitFor(() => hasStep2(a.socket), 10_000, 'A got its step 2');
    expect(timings.map((t) => t.channel)).toEqual(['load', 'sync']);
    expect((timings[1]!.message as FirstSyncTiming).whileLoading).toBe(false);
    expect(syncedDoc(a.socket).getMap('notes').toJSON()).toEqual(expected);
  });

  it('closes a client served from a stored snapshot the replay could not apply with LoadFailed; on reconnecting it gets the wall as loaded', async () => {
    const store = await openStore();
    const record = makeRecord();
    // A torn snapshot: it reads as structs to nobody, yet nothing before the replay says so.
    await store.createWall(record, new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    const writer = new Y.Doc();
    const log: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => log.push(u));
    for (let i = 0; i < 5; i++) writer.getMap('notes').set(`k${i}`, `kept ${i}`);
    for (const u of log) await store.appendUpdate(record.id, u);
    const rooms = registry(store);

    const a = connection();
    a.conn.receive(encodeSyncStep1(new Y.Doc()), true);
    rooms.join(record.id, a.conn);
    await waitFor(() => a.socket.closedWith !== null, 10_000, 'A closed');
    expect(hasStep2(a.socket)).toBe(true); // it was served from storage first
    expect(a.socket.closedWith!.code).toBe(CloseCode.LoadFailed);

    const again = connection();
    again.conn.receive(encodeSyncStep1(new Y.Doc()), true);
    rooms.join(record.id, again.conn);
    await waitFor(() => hasStep2(again.socket), 5_000, 'reconnected client synced');
    expect(again.socket.closedWith).toBeNull();
    expect(syncedDoc(again.socket).getMap('notes').toJSON()).toEqual(writer.getMap('notes').toJSON());
  });
});
