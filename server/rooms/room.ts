/**
 * One wall, live: its Y.Doc, its awareness and the connections to it.
 *
 * Durability order: an update is appended to the store, and the append awaited, before it is
 * applied to the doc and relayed. Updates pass one serial queue per room, so they are stored,
 * applied and relayed in the order they arrived. Whatever any client has received is stored.
 * One connection's updates that arrive back to back are handled as one (inboundBatch.ts).
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import { RemoteOrigin, type RoomLink, type ScaleBus } from '../scale/bus';
import type { Store, StoredState } from '../storage/store';
import { encodeAwareness, encodeSyncStep1, type Incoming } from './codec';
import { Connection, type ConnectionSink } from './connection';
import { DEFAULT_AWARENESS_LIMITS, filterAwareness, type AwarenessLimits, type AwarenessRoomView } from './awarenessGuard';
import { roomAwareness, stopSweeping } from './awarenessSweep';
import { InboundBatch, mergedUpdate } from './inboundBatch';
import { mayEdit, mayPublishAwareness } from './permissions';
import { RelayBatch } from './relayBatch';
import { RoomCompaction } from './roomCompaction';
import { LoadOrigin, StoredStateAnswer, replayInSlices, turnAfterTimers } from './roomLoad';
import { SyncAnswers } from './roomSync';
import { roomLoadChannel, type RoomLoadTiming } from './roomTimings';
import { SerialQueue } from './serialQueue';
import { serverDoc } from './serverDoc';
import { joinStateParts } from './stateInParts';
import { DEFAULT_MAX_WALL_BYTES, judgeUpdate, type Verdict } from './updateGate';

/** Every transaction on a room's doc comes from the store or from one connection. */
export type UpdateOrigin = typeof LoadOrigin | Connection;

export interface RoomOptions {
  compactAfterUpdates: number;
  /** Updates waiting for missing dependencies may not hold more than this. */
  maxPendingBytes: number;
  /** Encoded size the wall may reach (snapshot plus updates since); past it, inserts are refused 4413. */
  maxWallBytes?: number;
  awareness?: AwarenessLimits;
  /** Other instances serving this wall (server/scale); absent on a single instance. */
  bus?: ScaleBus;
  log: Logger;
  onEmpty: (room: Room) => void;
}

/**
 * new: storage not read yet. replaying: read, the replay is the first task of the queue; clients
 * may join, and a new one is answered from the stored state. loaded: the doc holds the wall.
 * failed: the replay threw; nothing queued runs and nothing is compacted.
 */
type LoadPhase = 'new' | 'replaying' | 'loaded' | 'failed';

/** What whenLoaded() returns once a room has loaded: one settled promise for every room. */
const LOADED: Promise<void> = Promise.resolve();

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room implements ConnectionSink, AwarenessRoomView {
  readonly doc: Y.Doc = serverDoc();
  readonly awareness: Awareness = roomAwareness();
  private readonly connections = new Set<Connection>();
  private readonly queue = new SerialQueue((err) => this.opts.log.error({ wallId: this.wallId, err }, 'room task failed'));
  /** Doc updates and awareness changes go out once per event-loop turn, one frame per client. */
  private readonly relay = new RelayBatch<Connection>(this.connections);
  private readonly answers: SyncAnswers;
  private readonly compaction: RoomCompaction;
  private destroyed = false;
  private link: RoomLink | null = null;
  // Handlers as bound methods, one per event source: under tsx (it names every function) an
  // arrow-function field costs about 350 bytes per room, a bound method 48.
  private readonly docUpdated = this.docUpdatedBy.bind(this);
  private readonly relayAwareness = this.relayAwarenessOf.bind(this);
  private phase: LoadPhase = 'new';
  /** Settles when the replay is done (set by open()); its rejection is handled, so nobody has to listen. */
  private loaded: Promise<void> | null = null;
  /** What storage held, from the read until the replay is done: new clients are answered from it. */
  private stored: StoredStateAnswer | null = null;
  /** The last task queued, if it is a batch of one connection's updates: its next updates join it (inboundBatch.ts). */
  private openBatch: InboundBatch | null = null;

  constructor(
    readonly wallId: string,
    private readonly store: Store,
    private readonly opts: RoomOptions,
  ) {
    this.answers = new SyncAnswers(wallId, this.doc);
    this.compaction = new RoomCompaction(wallId, this.doc, store, this.queue, this.answers, opts);
    // The server is no participant: it relays awareness but publishes none of its own.
    this.awareness.setLocalState(null);
    this.listenForUpdates(true);
    this.awareness.on('update', this.relayAwareness);
  }

  /** Every change of the doc once it is loaded (the replay's own transactions are not listened to). */
  private docUpdatedBy(update: Uint8Array, origin: unknown): void {
    this.answers.forget();
    // What another instance stored (or a storage resync found) makes the stored wall bigger too:
    // without this, MAX_WALL_BYTES would count only this instance's own appends.
    if (origin instanceof RemoteOrigin) this.compaction.remoteStored(update.byteLength);
    if (origin !== LoadOrigin) this.relay.addUpdate(update, origin instanceof Connection ? origin : null);
  }

  /** Reads and replays the stored state. The caller destroys the room if this rejects. */
  async load(): Promise<void> {
    await this.open();
    await this.whenLoaded();
  }

  /**
   * Reads the stored state and starts replaying it as the first task of the room's queue, so
   * every update and rule check queued behind it sees the whole wall. Resolves after the read:
   * from then on connections may join (a new one is answered from the stored state at once), while
   * HTTP reads wait for whenLoaded(). Rejects if storage cannot be read; the caller destroys the
   * room then.
   */
  async open(): Promise<void> {
    // Subscribed before storage is read, so nothing another instance stores meanwhile is missed.
    if (this.opts.bus) this.link = await this.opts.bus.join(this);
    // Not in the turn that asked for the room (the first client's upgrade, or an HTTP read):
    // reading a big wall is a step of a few milliseconds of its own (cold-load traces).
    await turnAfterTimers();
    const readStart = performance.now();
    const state = await this.store.loadState(this.wallId);
    const readMs = performance.now() - readStart;
    this.stored = new StoredStateAnswer(state);
    this.phase = 'replaying';
    this.loaded = new Promise<void>((resolve, reject) => {
      this.queue.push(() =>
        this.replayStored(state, readMs).then(() => {
          resolve();
          this.loaded = LOADED; // the room's own promise (and its handler) can go
        }, (err: unknown) => {
          this.phase = 'failed';
          this.stored = null;
          reject(err);
        }),
      );
    });
    this.loaded.catch(() => {});
  }

  /** Resolves once the doc holds the stored wall; rejects if the replay failed or the room went away first. */
  whenLoaded(): Promise<void> {
    return this.loaded ?? Promise.reject(new Error('the room was not opened'));
  }

  private async replayStored(state: StoredState, readMs: number): Promise<void> {
    const replayStart = performance.now();
    const appliedAll = await this.replay(state.updates, state.snapshotParts);
    if (this.destroyed) throw new Error('the room was destroyed while it loaded');
    const replayEnd = performance.now();
    const storedBytes = state.updates.reduce((sum, u) => sum + u.byteLength, 0);
    // A snapshot with nothing after it that applied in full is the doc's state as stored.
    if (appliedAll && state.updates.length === state.snapshotParts) this.answers.keep(joinStateParts(state.updates));
    // A stored update the doc could not take was sent as it is to whoever was served early:
    // they reconnect (45xx) and get the doc as loaded instead.
    if (!appliedAll) for (const conn of this.stored!.served) conn.close(CloseCode.LoadFailed);
    this.stored = null;
    this.phase = 'loaded';
    if (roomLoadChannel.hasSubscribers) {
      const timing: RoomLoadTiming = {
        wallId: this.wallId,
        readMs,
        replayMs: replayEnd - replayStart,
        updates: state.updates.length,
        bytes: storedBytes,
      };
      roomLoadChannel.publish(timing);
    }
    this.link?.start();
    // Counted from the snapshot's parts on: a wall stored in 25 parts has nothing to compact.
    this.compaction.wallLoaded(state.lastSeq, storedBytes, state.updates.length - state.snapshotParts);
  }

  /** Replays the stored updates (roomLoad.ts). Nothing reads the doc meanwhile: the replay is the first task of the queue. */
  private async replay(updates: Uint8Array[], parts: number): Promise<boolean> {
    // With any 'update' listener, Yjs encodes every transaction again for it: a sixth of a 5 000
    // note wall's replay (CPU profile), for listeners that ignore what the store replays.
    this.listenForUpdates(false);
    try {
      return await replayInSlices(this.doc, updates, parts, () => this.destroyed, (index, err) => this.skipped(index, err));
    } finally {
      if (!this.destroyed) this.listenForUpdates(true);
    }
  }

  private listenForUpdates(on: boolean): void {
    if (on) this.doc.on('update', this.docUpdated);
    else this.doc.off('update', this.docUpdated);
  }

  /** One unreadable stored update must not make the whole wall unreachable. */
  private skipped(index: number, err: unknown): void {
    this.opts.log.error({ wallId: this.wallId, index, err }, 'skipped a stored update that failed to apply');
  }

  get size(): number {
    return this.connections.size;
  }

  /**
   * Adds a connection: sync step 1 and the current awareness first, then its queued frames.
   * While the replay runs, the greeting waits behind it: our step 1 carries the doc's state
   * vector, and a half-loaded one would make the client send back what the store already has.
   */
  join(conn: Connection): void {
    // Handed over in the same turn as a failed replay or an eviction: it would wait for nothing.
    if (this.destroyed || this.phase === 'failed') {
      conn.close(this.destroyed ? CloseCode.GoingAway : CloseCode.LoadFailed);
      return;
    }
    this.connections.add(conn);
    if (this.phase === 'loaded') this.greet(conn);
    else this.enqueue(() => this.greet(conn));
    conn.attach(this); // from now on its frames come to receive(), and its close to left()
  }

  private greet(conn: Connection): void {
    conn.send(encodeSyncStep1(this.doc));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clients)));
  }

  /** ConnectionSink: the connection closed. */
  left(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    removeAwarenessStates(this.awareness, [...conn.awarenessClients], null);
    if (this.connections.size === 0) this.opts.onEmpty(this);
  }

  /** ConnectionSink: a frame from one of this room's connections. */
  receive(conn: Connection, message: Incoming): void {
    switch (message.kind) {
      case 'sync-step1':
        if (this.phase === 'replaying' && this.stored?.answer(conn, message.stateVector, this.answers)) return;
        // Queued, so the answer includes every update that arrived before this request.
        this.enqueue(() => this.answers.answer(conn, message.stateVector));
        return;
      case 'update': {
        // A viewer's step 2 (its answer to our step 1) lands here too: ignored, not an error.
        if (!mayEdit(conn.role) || message.empty) return;
        if (this.openBatch?.joins(conn, message.update)) return;
        const batch = new InboundBatch(conn, message.update);
        this.enqueue(() => this.storeAndApplyBatch(batch));
        this.openBatch = batch;
        return;
      }
      case 'awareness': {
        if (!mayPublishAwareness(conn.role)) return;
        const { update } = message;
        // While the wall loads, presence waits too: the bus publishes nothing before the load is done.
        if (this.phase === 'loaded') this.receiveAwareness(conn, update);
        else this.enqueue(() => void (conn.closed || this.receiveAwareness(conn, update)));
        return;
      }
      case 'query-awareness':
        if (this.phase === 'loaded') this.sendAwareness(conn);
        else this.enqueue(() => this.sendAwareness(conn));
        return;
    }
  }

  private sendAwareness(conn: Connection): void {
    const clients = [...this.awareness.getStates().keys()];
    conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clients)));
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const verdict = filterAwareness(update, conn.awarenessClients, this, this.opts.awareness ?? DEFAULT_AWARENESS_LIMITS);
    if (verdict.kind === 'too-many-clients') {
      conn.close(CloseCode.Forbidden, 'too many awareness client ids');
      return;
    }
    if (verdict.reply) conn.send(encodeAwareness(verdict.reply));
    if (verdict.kind === 'apply') applyAwarenessUpdate(this.awareness, verdict.update, conn);
  }

  /** AwarenessRoomView: whether one of this room's connections publishes under `clientId`. */
  heldByConnection(clientId: number): boolean {
    for (const c of this.connections) if (c.awarenessClients.has(clientId)) return true;
    return false;
  }

  /** AwarenessRoomView: the clock this room's awareness has for `clientId`, its state removed or not. */
  awarenessClock(clientId: number): number | undefined {
    return this.awareness.meta.get(clientId)?.clock;
  }

  /** AwarenessRoomView: whether this room's awareness shows a state for `clientId`. */
  hasAwarenessState(clientId: number): boolean {
    return this.awareness.states.has(clientId);
  }

  /** After a failed replay nothing queued may run: the doc is not the wall. */
  private enqueue(task: () => void | Promise<void>): void {
    this.openBatch = null; // what is queued after a batch must not be overtaken by its later updates
    this.queue.push(() => (this.phase === 'failed' ? undefined : task()));
  }

  /** A batch's updates merged and handled as one if that merged update is simply stored; else one by one. */
  private async storeAndApplyBatch(batch: InboundBatch): Promise<void> {
    const { conn } = batch;
    if (this.openBatch === batch) this.openBatch = null; // started: nothing joins it, and an idle room keeps no updates
    // Resent delete sets are no-ops known without analysing them (storeAndApply is only called
    // from here). A no-op now stays one after the rest is applied: deletions only accumulate.
    const updates = batch.updates.filter((update) => !this.answers.repeatsOwnDeleteSet(update));
    const merged = updates.length > 1 && !conn.faulted ? mergedUpdate(updates) : null;
    if (merged && (await this.storeAndApply(conn, merged, true))) return;
    for (const update of updates) await this.storeAndApply(conn, update);
  }

  /**
   * Checks, stores, applies: true once done with `update` (stored, a no-op, or refused and the
   * connection closed). `tentative` (a merged batch): a refusal, or an update that cannot be
   * analysed, does nothing and returns false, so that the caller can go update by update.
   */
  private async storeAndApply(conn: Connection, update: Uint8Array, tentative = false): Promise<boolean> {
    if (conn.faulted) return true; // its later frames would build on what was refused
    // Checked here, in the serial queue, so the doc it is checked against is the doc it lands on.
    const bytes = { stored: this.compaction.storedBytes, max: this.opts.maxWallBytes ?? DEFAULT_MAX_WALL_BYTES };
    let verdict: Verdict;
    try {
      verdict = judgeUpdate(this.doc, conn.identity, update, bytes);
    } catch (err) {
      if (tentative) return false;
      // Decoded fine but crafted past what the analysis expects: nobody can say what it does.
      this.opts.log.warn({ wallId: this.wallId, err }, 'an update could not be analysed');
      conn.faulted = true;
      conn.close(CloseCode.MalformedMessage);
      return true;
    }
    if (verdict.kind === 'no-op') return true;
    if (verdict.kind === 'refuse') {
      if (tentative) return false;
      const { code, reason } = verdict.refusal;
      this.opts.log.info({ wallId: this.wallId, role: conn.role, code, reason }, 'update refused');
      conn.faulted = true;
      conn.close(code, reason);
      // The stored size only shrinks at compaction: measure it now, or deletions made to get
      // under the limit would not count until the next scheduled one.
      if (verdict.overBytes) this.compaction.ifStoredSince();
      return true;
    }
    let seq: number;
    try {
      seq = await this.store.appendUpdate(this.wallId, update);
    } catch (err) {
      this.opts.log.error({ wallId: this.wallId, err }, 'could not store an update');
      conn.faulted = true;
      conn.close(CloseCode.StorageFailed);
      return true;
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.opts.log.warn({ wallId: this.wallId, err }, 'an update passed decoding but failed to apply');
      conn.faulted = true;
      conn.close(CloseCode.MalformedMessage);
    }
    this.compaction.appended(seq, update.byteLength);
    // On a nearly full wall, compact after a deletion so the space it frees counts at once.
    if (verdict.deletes && this.compaction.storedBytes > 0.75 * bytes.max) this.compaction.schedule();
    this.checkPending(conn);
    this.compaction.maybeCompact();
    return true;
  }

  /**
   * Updates whose dependencies never arrive stay in the doc's pending state forever. Past the
   * bound, the sender is cut off and the pending state dropped (and compacted away, since the
   * stored updates still hold it).
   */
  private checkPending(conn: Connection): void {
    const store = this.doc.store;
    const bytes = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
    if (bytes <= this.opts.maxPendingBytes) return;
    this.opts.log.warn({ wallId: this.wallId, bytes }, 'dropping updates with missing dependencies');
    store.pendingStructs = null;
    store.pendingDs = null;
    conn.faulted = true;
    conn.close(CloseCode.TooManyPendingUpdates);
    this.compaction.mustRewrite();
  }

  private relayAwarenessOf({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    if (origin instanceof Connection) {
      for (const id of added) origin.awarenessClients.add(id);
      for (const id of updated) origin.awarenessClients.add(id);
      for (const id of removed) origin.awarenessClients.delete(id);
    }
    const { states, meta } = this.awareness;
    for (const ids of [added, updated, removed]) {
      for (const id of ids) {
        const clock = meta.get(id)?.clock;
        if (clock !== undefined) this.relay.addAwareness(id, clock, states.get(id) ?? null);
      }
    }
  }

  /** Writes the doc as the new snapshot (roomCompaction.ts); resolves once written, or at once if nothing is new. */
  compact(): Promise<void> {
    return this.compaction.compact();
  }

  /** Waits for every queued update and writes a final snapshot. */
  async flush(): Promise<void> {
    await this.queue.idle();
    await this.compact();
  }

  closeAll(code: CloseCode): void {
    for (const conn of [...this.connections]) conn.close(code);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stored = null;
    this.compaction.stop();
    this.answers.stop();
    this.relay.clear();
    this.link?.leave();
    this.listenForUpdates(false);
    this.awareness.off('update', this.relayAwareness);
    stopSweeping(this.awareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
