/**
 * A real Room over a MemoryStore, driven through in-memory sockets: for identities the HTTP
 * side cannot hand out yet (group links) and for limits the app config does not expose.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { Connection, type ConnectionIdentity, type ConnectionLimits, type WallSocket } from '../../server/rooms/connection';
import { encodeUpdate } from '../../server/rooms/codec';
import { Room, type RoomOptions } from '../../server/rooms/room';
import { MemoryStore } from '../../server/storage/memoryStore';
import { MessageType, SyncMessageType } from '../../shared/protocol';
import { Wall } from '../../shared/wall';
import { makeRecord } from '../unit/storage.contract';

export class MemorySocket implements WallSocket {
  sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  bufferedAmount = 0;
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close(code: number, reason: string) {
    this.closedWith = { code, reason };
  }
}

/** The updates (sync type 2) among the frames a socket was sent. */
export function updatesSent(socket: MemorySocket): Uint8Array[] {
  return socket.sent.flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.Sync || decoding.readVarUint(d) !== SyncMessageType.Update) return [];
    return [decoding.readVarUint8Array(d)];
  });
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MiB = 1024 * 1024;

export interface MemoryPeer {
  socket: MemorySocket;
  conn: Connection;
  /** A client doc synced with the room at connect time, and its Wall. */
  wall: Wall;
  /** Sends every update `edit` makes to `wall` as one Update frame. */
  edit(edit: (wall: Wall) => void): void;
}

/** A loaded room seeded with a wall of three groups and one note in each. */
export async function memoryRoom(options: Partial<RoomOptions> = {}, limits: Partial<ConnectionLimits> = {}) {
  const store = new MemoryStore();
  const record = makeRecord();
  const seed = new Wall(new Y.Doc());
  seed.initialise({ title: 'Muisti', language: 'fi', createdAt: 1 }, ['Yksi', 'Kaksi', 'Kolme']);
  for (const g of seed.groups()) seed.addNote({ groupId: g.id, text: `lappu ${g.name}`, color: 'yellow', authorName: null, authorId: 's' });
  await store.createWall(record, Y.encodeStateAsUpdate(seed.doc));
  const room = new Room(record.id, store, {
    compactAfterUpdates: 10_000,
    maxPendingBytes: MiB,
    log: silent,
    onEmpty: () => {},
    ...options,
  });
  await room.load();

  const connect = (identity: ConnectionIdentity): MemoryPeer => {
    const socket = new MemorySocket();
    const conn = new Connection(socket, identity, { maxBufferedBytes: 16 * MiB, maxInboxBytes: 4 * MiB, ...limits });
    room.join(conn);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    const wall = new Wall(doc);
    return {
      socket,
      conn,
      wall,
      edit(edit) {
        const updates: Uint8Array[] = [];
        const collect = (u: Uint8Array) => updates.push(u);
        doc.on('update', collect);
        edit(wall);
        doc.off('update', collect);
        if (updates.length > 0) conn.receive(encodeUpdate(Y.mergeUpdates(updates)), true);
      },
    };
  };
  const storedUpdates = async () => (await store.loadState(record.id)).updates.length;
  const groups = seed.groups().map((g) => g.id) as [string, string, string];
  return { store, record, room, connect, storedUpdates, groups, roomWall: new Wall(room.doc) };
}
