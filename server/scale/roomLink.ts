/**
 * One room's side of the bus: publishes what this instance's clients change, applies what other
 * instances publish, and resyncs from storage whenever it may have missed something.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Logger } from '../log';
import { encodeAwareness, encodeAwarenessEntries } from '../rooms/codec';
import { Connection } from '../rooms/connection';
import type { Store } from '../storage/store';
import { RemoteOrigin, type LinkedRoom, type RoomLink } from './bus';
import { MessageKind, type BusMessage } from './wire';

/** Origin of what a storage resync applies: relayed to clients like any remote change. */
const StorageOrigin = new RemoteOrigin('storage');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface LinkContext {
  instanceId: string;
  /** This link's serial within the instance. */
  link: number;
  store: Store;
  log: Logger;
  publish(kind: MessageKind, payload: Uint8Array, counter: number): void;
  onLeave(): void;
}

export class RedisRoomLink implements RoomLink {
  private started = false;
  private left = false;
  /** Messages that arrived while the room loaded; applied right after its stored state. */
  private early: BusMessage[] = [];
  private sent = 0;
  /** Last counter seen per sending link ("instance/link"). */
  private readonly lastSeen = new Map<string, number>();
  /** Awareness client ids each other instance published here: removed if that instance dies. */
  private readonly remoteClients = new Map<string, Set<number>>();
  private readonly origins = new Map<string, RemoteOrigin>();
  /** Which local connection published each awareness client id. */
  private readonly owners = new Map<number, Connection>();
  /** Ids removed because their instance went silent; if one turns up here, it must re-announce. */
  private readonly goneIds = new Set<number>();
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;

  constructor(
    private readonly room: LinkedRoom,
    private readonly ctx: LinkContext,
  ) {
    room.awareness.on('update', this.onAwarenessUpdate);
  }

  start(): void {
    this.started = true;
    // Not before: with any 'update' listener, Yjs encodes each of the load's transactions again.
    this.room.doc.on('update', this.onDocUpdate);
    const early = this.early;
    this.early = [];
    for (const m of early) this.receive(m);
    this.publish(MessageKind.Hello, new Uint8Array(0));
  }

  leave(): void {
    if (this.left) return;
    this.left = true;
    this.room.doc.off('update', this.onDocUpdate);
    this.room.awareness.off('update', this.onAwarenessUpdate);
    this.ctx.onLeave();
  }

  /** Everything published on this wall's channel, including our own messages. */
  receive(m: BusMessage): void {
    if (this.left || m.instanceId === this.ctx.instanceId) return;
    if (!this.started) {
      this.early.push(m);
      return;
    }
    const source = `${m.instanceId}/${m.link}`;
    const last = this.lastSeen.get(source);
    this.lastSeen.set(source, m.counter);
    // A link's first message is 1: anything else from a source we never heard means we missed some.
    const missed = last === undefined ? m.counter !== 1 : m.counter !== last + 1;
    try {
      this.apply(m);
    } catch (err) {
      this.ctx.log.warn({ wallId: this.room.wallId, err }, 'a bus message failed to apply');
      void this.resync();
      return;
    }
    if (missed) void this.resync();
  }

  private apply(m: BusMessage): void {
    const origin = this.originOf(m.instanceId);
    switch (m.kind) {
      case MessageKind.Update:
        Y.applyUpdate(this.room.doc, m.payload, origin);
        return;
      case MessageKind.Awareness:
        applyAwarenessUpdate(this.room.awareness, m.payload, origin);
        return;
      case MessageKind.Hello:
        // The peer may have removed our clients while it could not hear us.
        this.reannounce([...this.owners.keys()]);
        return;
    }
  }

  /** Another instance stopped answering: its clients' presence goes (their edits are stored). */
  peerGone(instanceId: string): void {
    const ids = this.remoteClients.get(instanceId);
    this.remoteClients.delete(instanceId);
    for (const source of [...this.lastSeen.keys()]) if (source.startsWith(`${instanceId}/`)) this.lastSeen.delete(source);
    if (!ids || ids.size === 0) return;
    const gone = [...ids].filter((id) => this.room.awareness.states.has(id));
    // Their clocks stay (removeAwarenessStates bumps them): forgotten, an echo of an old state
    // from one of our clients would bring a dead instance's client back. Its owner, failed over
    // here or heard again through its instance, gets ahead of the clock (reannounce, and the
    // awareness guard's answer to an old clock).
    removeAwarenessStates(this.room.awareness, gone, this.originOf(instanceId));
    for (const id of ids) this.goneIds.add(id);
  }

  /** An instance counted as gone is heard again: it makes its clients announce themselves anew. */
  peerBack(): void {
    this.publish(MessageKind.Hello, new Uint8Array(0));
  }

  /**
   * Reads the wall back from storage and applies it (Yjs skips what the doc has), then asks
   * every peer to re-publish presence. Runs after a missed message or a Redis reconnect.
   */
  resync(): Promise<void> {
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = (async () => {
      do {
        this.resyncAgain = false;
        try {
          const state = await this.ctx.store.loadState(this.room.wallId);
          if (this.left) return;
          this.room.doc.transact(() => {
            for (const update of state.updates) Y.applyUpdate(this.room.doc, update, StorageOrigin);
          }, StorageOrigin);
        } catch (err) {
          this.ctx.log.error({ wallId: this.room.wallId, err }, 'resync from storage failed');
        }
      } while (this.resyncAgain && !this.left);
      this.publish(MessageKind.Hello, new Uint8Array(0));
      this.reannounce([...this.owners.keys()]);
    })().finally(() => (this.resyncing = null));
    return this.resyncing;
  }

  private originOf(instanceId: string): RemoteOrigin {
    let origin = this.origins.get(instanceId);
    if (!origin) this.origins.set(instanceId, (origin = new RemoteOrigin(instanceId)));
    return origin;
  }

  private publish(kind: MessageKind, payload: Uint8Array): void {
    if (this.left) return;
    this.ctx.publish(kind, payload, ++this.sent);
  }

  /**
   * Makes our clients announce their presence again with a higher clock. Instances and clients
   * that saw a client removed keep its clock one above its last state, and ignore states up to
   * it; a client told that its own state was removed at that clock increments past it and
   * re-sends (y-protocols awareness), which every instance and client then accepts.
   */
  private reannounce(ids: number[]): void {
    for (const id of ids) {
      const owner = this.owners.get(id);
      const clock = this.room.awareness.meta.get(id)?.clock;
      if (!owner || owner.closed || clock === undefined || !this.room.awareness.states.has(id)) continue;
      owner.send(encodeAwareness(encodeAwarenessEntries([{ id, clock: clock + 1, json: 'null' }])));
    }
  }

  // Stored updates replayed at load have their own origin (not remote, not a connection): the
  // room applies them before start(), and a load replay must never be published, so this
  // listens only from start() on.
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.started || origin instanceof RemoteOrigin) return;
    this.publish(MessageKind.Update, update);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (origin instanceof RemoteOrigin) {
      let ids = this.remoteClients.get(origin.instanceId);
      if (!ids) this.remoteClients.set(origin.instanceId, (ids = new Set()));
      for (const id of [...added, ...updated]) ids.add(id);
      for (const id of removed) ids.delete(id);
      return;
    }
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) this.owners.set(id, origin);
      // A client of a dead instance failed over to us. Its state at its old clock is ignored by
      // clients that saw it removed, and it ignores everyone else's for the same reason (its
      // provider dropped their states when its socket closed): everybody re-announces.
      // Its first state here is an update, not an addition: the room kept the removed id's clock.
      let returned = false;
      for (const id of [...added, ...updated]) if (this.goneIds.delete(id)) returned = true;
      if (returned) {
        queueMicrotask(() => {
          this.reannounce([...this.owners.keys()]);
          this.publish(MessageKind.Hello, new Uint8Array(0));
        });
      }
    }
    for (const id of removed) this.owners.delete(id);
    // Every instance times out silent states itself; publishing its timeouts would only echo.
    if (!this.started || origin === 'timeout') return;
    const changed = [...added, ...updated, ...removed];
    if (changed.length > 0) this.publish(MessageKind.Awareness, encodeAwarenessUpdate(this.room.awareness, changed));
  };
}
