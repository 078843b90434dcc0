/**
 * The one owner of live walls. A wall is loaded once however many connections arrive at once
 * (they share the load promise); connections that arrive while storage is read keep their frames
 * in their inbox; once it is read they join the room while it replays (Room.open: a new client
 * is answered from the stored state, everything else waits for the replay), and HTTP reads wait
 * for the whole load. The last leave unloads a wall after a grace period unless someone rejoined;
 * close() flushes every wall.
 */
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import type { ScaleBus } from '../scale/bus';
import type { Store } from '../storage/store';
import type { Connection } from './connection';
import { Room, type RoomOptions } from './room';

export interface RegistryOptions {
  unloadDelayMs: number;
  compactAfterUpdates: number;
  maxPendingBytes: number;
  maxWallBytes?: number;
  /** Other instances serving the same walls (REDIS_URL); absent on a single instance. */
  bus?: ScaleBus;
  log: Logger;
}

export interface RegistryStats {
  /** Rooms loaded or loading now. */
  rooms: number;
  /** Loads started since the registry was made. */
  loads: number;
  /** Unloads finished since the registry was made. */
  unloads: number;
  /** Open connections across all rooms. */
  connections: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Unloads in progress: a new load of the same wall waits for its final snapshot. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly live = new Set<Room>();
  /** Rooms of deleted walls: never flushed, never unloaded again. */
  private readonly evicted = new WeakSet<Room>();
  private loads = 0;
  private unloads = 0;
  private closing = false;

  /** One options object for every room (not one, with its own onEmpty closure, per loaded wall). */
  private readonly roomOptions: RoomOptions;

  constructor(
    private readonly store: Store,
    private readonly opts: RegistryOptions,
  ) {
    this.roomOptions = {
      compactAfterUpdates: opts.compactAfterUpdates,
      maxPendingBytes: opts.maxPendingBytes,
      maxWallBytes: opts.maxWallBytes,
      bus: opts.bus,
      log: opts.log,
      onEmpty: (room) => this.releaseIfEmpty(room),
    };
  }

  /** Hands a connection to its wall's room, loading the room if needed. Never throws. */
  join(wallId: string, conn: Connection): void {
    if (this.closing) {
      conn.close(CloseCode.GoingAway);
      return;
    }
    this.acquire(wallId).then(
      (room) => {
        if (conn.closed) this.releaseIfEmpty(room);
        else room.join(conn);
      },
      () => conn.close(CloseCode.LoadFailed),
    );
  }

  /** Runs `read` on the wall's live doc, loading it for the time being if nobody is connected. */
  async read<T>(wallId: string, read: (room: Room) => T): Promise<T> {
    const room = await this.acquire(wallId);
    try {
      await room.whenLoaded();
      return read(room);
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  stats(): RegistryStats {
    let connections = 0;
    for (const room of this.live) connections += room.size;
    return { rooms: this.rooms.size, loads: this.loads, unloads: this.unloads, connections };
  }

  private acquire(wallId: string): Promise<Room> {
    if (this.closing) return Promise.reject(new Error('registry is closing'));
    const timer = this.timers.get(wallId);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(wallId);
    }
    const existing = this.rooms.get(wallId);
    if (existing) return existing;
    const loading = this.load(wallId);
    this.rooms.set(wallId, loading);
    loading.catch(() => {
      if (this.rooms.get(wallId) === loading) this.rooms.delete(wallId);
    });
    return loading;
  }

  private async load(wallId: string): Promise<Room> {
    this.loads++;
    await this.unloading.get(wallId);
    const room = new Room(wallId, this.store, this.roomOptions);
    try {
      await room.open();
    } catch (err) {
      room.destroy();
      this.opts.log.error({ wallId, err }, 'wall failed to load');
      throw err;
    }
    room.whenLoaded().catch((err: unknown) => this.replayFailed(room, err));
    this.live.add(room);
    return room;
  }

  /**
   * The replay threw after connections joined: they are closed with LoadFailed (they reconnect
   * and load it anew) and the room goes without being written back, as a failed read's does.
   */
  private replayFailed(room: Room, err: unknown): void {
    if (this.evicted.has(room)) return; // evicted or destroyed on purpose: nothing failed
    this.opts.log.error({ wallId: room.wallId, err }, 'wall failed to load');
    this.evicted.add(room);
    if (this.live.delete(room)) {
      // Still the wall's room: a new connection must start a new load.
      this.rooms.delete(room.wallId);
      const timer = this.timers.get(room.wallId);
      if (timer) clearTimeout(timer);
      this.timers.delete(room.wallId);
    }
    room.closeAll(CloseCode.LoadFailed);
    room.destroy();
  }

  private releaseIfEmpty(room: Room): void {
    if (room.size > 0 || this.closing || this.evicted.has(room) || this.timers.has(room.wallId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room.wallId);
      if (room.size === 0) this.unload(room);
    }, this.opts.unloadDelayMs);
    this.timers.set(room.wallId, timer);
  }

  private unload(room: Room): void {
    const { wallId } = room;
    this.rooms.delete(wallId);
    this.live.delete(room);
    const done = room
      .flush()
      .catch((err: unknown) => this.opts.log.error({ wallId, err }, 'final flush failed'))
      .finally(() => {
        room.destroy();
        this.unloads++;
        if (this.unloading.get(wallId) === done) this.unloading.delete(wallId);
      });
    this.unloading.set(wallId, done);
  }

  /**
   * Drops a wall that is being deleted: closes its connections with WallDeleted and destroys its
   * room WITHOUT writing it back (a destroyed room never compacts). Resolves once a load or an
   * unload in progress has settled, so the caller's delete from the store comes after any write
   * those could still make; appends and compactions after that find no wall and create nothing.
   */
  async evict(wallId: string): Promise<void> {
    const timer = this.timers.get(wallId);
    if (timer) clearTimeout(timer);
    this.timers.delete(wallId);
    const loading = this.rooms.get(wallId);
    this.rooms.delete(wallId);
    const room = loading ? await loading.catch(() => null) : null;
    if (room && !this.evicted.has(room)) {
      this.evicted.add(room);
      this.live.delete(room);
      room.closeAll(CloseCode.WallDeleted);
      room.destroy();
      this.unloads++;
    }
    await this.unloading.get(wallId);
  }

  /** Closes every connection with 1001, flushes and destroys every room. */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    this.rooms.clear();
    await Promise.all(
      rooms.map(async (settled) => {
        if (settled.status !== 'fulfilled') return;
        const room = settled.value;
        room.closeAll(CloseCode.GoingAway);
        try {
          await room.flush();
        } catch (err) {
          this.opts.log.error({ wallId: room.wallId, err }, 'flush on shutdown failed');
        }
        room.destroy();
        this.live.delete(room);
      }),
    );
    await Promise.all(this.unloading.values());
  }
}
