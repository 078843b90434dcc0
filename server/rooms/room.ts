/**
 * One wall, live: its Y.Doc, its awareness and the connections to it.
 *
 * Durability order: an update is appended to the store, and the append awaited, before it is
 * applied to the doc and relayed. Updates pass one serial queue per room, so they are stored,
 * applied and relayed in the order they arrived. Whatever any client has received is stored.
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import { RemoteOrigin, type RoomLink, type ScaleBus } from '../scale/bus';
import type { Store, StoredState } from '../storage/store';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeSyncStep2Of, encodeUpdate, type Incoming } from './codec';
import { Connection } from './connection';
import { DEFAULT_AWARENESS_LIMITS, filterAwareness, type AwarenessLimits } from './awarenessGuard';
import { mayEdit, mayPublishAwareness } from './permissions';
import { RelayBatch } from './relayBatch';
import { compactionChannel, firstSyncChannel, roomLoadChannel, type CompactionTiming, type FirstSyncTiming, type RoomLoadTiming } from './roomTimings';
import { SerialQueue } from './serialQueue';
import { encodeStateInPartsSliced, joinStateParts } from './stateInParts';
import { DEFAULT_MAX_WALL_BYTES, judgeUpdate, type Verdict } from './updateGate';

/**
 * Work per transaction while replaying stored updates, between turns of the event loop. The turn
 * lasts longer than this: Yjs's cleanup of the slice's transaction comes on top (2-7 ms of a
 * 10 ms slice in CPU profiles of the 5 000-note cold load), and so does any scavenge in it (2-9 ms).
 */
export const LOAD_SLICE_MS = 5;

/**
 * A load that calls for a compaction (a long stored log) waits this long before it: encoding a
 * big wall and rewriting its rows is one long step, and right after a load is exactly when the
 * clients that caused the load ask for their first sync.
 */
export const COMPACT_AFTER_LOAD_DELAY_MS = 1000;

/**
 * While the replay runs, a new client is answered from the stored state itself when the log
 * after the snapshot has at most this many rows: they are merged into one update for it
 * (Y.mergeUpdates: ~10 ms for 500 single edits). A longer log (a crash before compaction) would
 * take about as long to merge as to replay, so such a client waits for the replay as before.
 */
export const EARLY_SYNC_MAX_LOG_ROWS = 500;

/** Every room's first compaction chains on this one settled promise instead of a new one per room. */
const SETTLED: Promise<void> = Promise.resolve();

/** The state vector of an empty doc: a new client's sync step 1 carries it. */
const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.byteLength === 1 && stateVector[0] === 0;

/** Origin of the transactions that replay stored updates: never stored again, never relayed. */
export const LoadOrigin: unique symbol = Symbol('pajaseina.load');
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

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  private readonly connections = new Set<Connection>();
  private readonly queue = new SerialQueue((err) => this.opts.log.error({ wallId: this.wallId, err }, 'room task failed'));
  /** Doc updates and awareness changes go out once per event-loop turn, one frame per client. */
  private readonly relay = new RelayBatch<Connection>(() => this.connections);
  private lastAppliedSeq = 0;
  private appendedSinceCompact = 0;
  private mustCompact = false;
  private compaction: Promise<void> = SETTLED;
  private compactionScheduled = false;
  private destroyed = false;
  /** Bytes of the stored state: last snapshot plus every update appended since. */
  private storedBytes = 0;
  /** Another instance stored updates since our last compaction (they are in storedBytes too). */
  private remoteSinceCompact = false;
  private link: RoomLink | null = null;
  private compactAfterLoad: NodeJS.Timeout | null = null;
  /**
   * The whole doc as one encoded update, kept while it still is the doc's state: the snapshot
   * just loaded, the one just written, or the last full sync step 2. A new client gets it as is
   * instead of the doc being encoded again (a quarter of a second for a 5 000-note wall, once per
   * client). Dropped on any change to the doc.
   */
  private encodedState: Uint8Array | null = null;
  /** Counts changes to the doc: an encoding that spanned turns is kept only if none came meanwhile. */
  private docVersion = 0;
  /** Connections whose first sync step 2 was timed (only while someone listens for timings). */
  private firstSyncTimed: WeakSet<Connection> | null = null;
  /** Bound once per room instead of two closures per connection (about 180 bytes each connection). */
  private readonly leaveListener = this.leave.bind(this);
  private readonly receiveListener = this.receive.bind(this);
  // Handlers as bound methods: under tsx (it names every function) an arrow-function field costs
  // about 350 bytes per room, a bound method about 90.
  private readonly relayUpdate = this.relayUpdateOf.bind(this);
  private readonly countRemoteBytes = this.countRemoteBytesOf.bind(this);
  private readonly forgetEncodedState = this.forgetEncodedStateNow.bind(this);
  private readonly relayAwareness = this.relayAwarenessOf.bind(this);
  private phase: LoadPhase = 'new';
  /** Settles when the replay is done (set by open()); its rejection is handled, so nobody has to listen. */
  private loaded: Promise<void> | null = null;
  /** What storage held, from the read until the replay is done: new clients are served from it. */
  private stored: StoredState | null = null;
  /** The frames a new client gets from `stored` (made for the first), or null if it cannot. */
  private earlyFrames: Uint8Array[] | null | undefined;
  /** Connections answered from `stored`: if the replay finds a bad stored update, they resync. */
  private servedEarly: Connection[] = [];

  constructor(
    readonly wallId: string,
    private readonly store: Store,
    private readonly opts: RoomOptions,
  ) {
    // The server is no participant: it relays awareness but publishes none of its own.
    this.awareness.setLocalState(null);
    this.listenForUpdates(true);
    this.awareness.on('update', this.relayAwareness);
  }

  // What another instance stored (or a storage resync found) makes the stored wall bigger too:
  // without this, MAX_WALL_BYTES would count only this instance's own appends.
  private countRemoteBytesOf(update: Uint8Array, origin: unknown): void {
    if (!(origin instanceof RemoteOrigin)) return;
    this.storedBytes += update.byteLength;
    this.remoteSinceCompact = true;
  }

  private forgetEncodedStateNow(): void {
    this.encodedState = null;
    this.docVersion++;
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
    const readStart = performance.now();
    const state = await this.store.loadState(this.wallId);
    const readMs = performance.now() - readStart;
    this.stored = state;
    this.phase = 'replaying';
    this.loaded = new Promise<void>((resolve, reject) => {
      this.queue.push(() =>
        this.replayStored(state, readMs).then(resolve, (err: unknown) => {
          this.phase = 'failed';
          this.stored = null;
          this.earlyFrames = undefined;
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
    // One turn first: the connections that waited for the read join in it, so they are answered
    // before the replay's first slice, however short the replay would be.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const replayStart = performance.now();
    const appliedAll = await this.replay(state.updates);
    if (this.destroyed) throw new Error('the room was destroyed while it loaded');
    const replayEnd = performance.now();
    this.lastAppliedSeq = state.lastSeq;
    this.storedBytes = state.updates.reduce((sum, u) => sum + u.byteLength, 0);
    // Counted from the snapshot's parts on: a wall stored in 25 parts has nothing to compact.
    this.appendedSinceCompact = state.updates.length - state.snapshotParts;
    // A snapshot with nothing after it that applied in full is the doc's state as stored.
    if (appliedAll && state.updates.length === state.snapshotParts) this.encodedState = joinStateParts(state.updates);
    // A stored update the doc could not take was sent as it is to whoever was served early:
    // they reconnect (45xx) and get the doc as loaded instead.
    if (!appliedAll) for (const conn of this.servedEarly) conn.close(CloseCode.LoadFailed);
    this.servedEarly = [];
    this.stored = null;
    this.earlyFrames = undefined;
    this.phase = 'loaded';
    if (roomLoadChannel.hasSubscribers) {
      const timing: RoomLoadTiming = {
        wallId: this.wallId,
        readMs,
        replayMs: replayEnd - replayStart,
        updates: state.updates.length,
        bytes: this.storedBytes,
      };
      roomLoadChannel.publish(timing);
    }
    this.link?.start();
    this.compactAfterLoadWhenDue();
  }

  private compactAfterLoadWhenDue(): void {
    if (this.appendedSinceCompact < this.opts.compactAfterUpdates) return;
    this.compactAfterLoad = setTimeout(() => {
      this.compactAfterLoad = null;
      this.maybeCompact();
    }, COMPACT_AFTER_LOAD_DELAY_MS);
  }

  /**
   * Applies the stored updates in slices of LOAD_SLICE_MS, each slice one transaction, yielding
   * to the event loop between slices. One transaction for the whole log is the fastest (one per
   * update is ten times slower), but for a long uncompacted log (a crash before compaction: 50 000
   * updates take 0.8 s on an idle machine) it stalls every other wall and socket of the instance
   * for all of it. Slices cost about 1.5x the total time and keep each stall to one slice
   * (docs/performance.md; a worker thread was tried and was slower still). Walls compact every
   * COMPACT_AFTER_UPDATES, so most loads are one slice. Nothing reads the doc until the replay is
   * done (it is the first task of the queue). Resolves false if any update failed to apply.
   */
  private async replay(updates: Uint8Array[]): Promise<boolean> {
    // With any 'update' listener, Yjs encodes every transaction again for it: a sixth of a 5 000
    // note wall's replay (CPU profile), for listeners that ignore what the store replays.
    this.listenForUpdates(false);
    try {
      return await this.replaySlices(updates);
    } finally {
      if (!this.destroyed) this.listenForUpdates(true);
    }
  }

  private listenForUpdates(on: boolean): void {
    for (const listener of [this.relayUpdate, this.countRemoteBytes, this.forgetEncodedState]) {
      if (on) this.doc.on('update', listener);
      else this.doc.off('update', listener);
    }
  }

  private async replaySlices(updates: Uint8Array[]): Promise<boolean> {
    let appliedAll = true;
    let i = 0;
    while (i < updates.length && !this.destroyed) {
      const sliceStart = performance.now();
      this.doc.transact(() => {
        do {
          try {
            Y.applyUpdate(this.doc, updates[i]!, LoadOrigin);
          } catch (err) {
            appliedAll = false;
            this.skipped(i, err);
          }
          i++;
        } while (i < updates.length && performance.now() - sliceStart < LOAD_SLICE_MS);
      }, LoadOrigin);
      if (i < updates.length) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return appliedAll;
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
    conn.onClose(this.leaveListener);
    if (this.phase === 'loaded') this.greet(conn);
    else this.enqueue(() => this.greet(conn));
    conn.attach(this.receiveListener);
  }

  private greet(conn: Connection): void {
    conn.send(encodeSyncStep1(this.doc));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, clients)));
  }

  private leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    removeAwarenessStates(this.awareness, [...conn.awarenessClients], null);
    if (this.connections.size === 0) this.opts.onEmpty(this);
  }

  private receive(conn: Connection, message: Incoming): void {
    switch (message.kind) {
      case 'sync-step1':
        if (this.phase === 'replaying' && this.answerFromStoredState(conn, message.stateVector)) return;
        // Queued, so the answer includes every update that arrived before this request.
        this.enqueue(() => this.answerSyncStep1(conn, message.stateVector));
        return;
      case 'update':
        // A viewer's step 2 (its answer to our step 1) lands here too: ignored, not an error.
        if (!mayEdit(conn.role) || message.empty) return;
        this.enqueue(() => this.storeAndApply(conn, message.update));
        return;
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

  /**
   * A new client (empty state vector) while the replay runs: the stored state as it was read is
   * all it needs, and every role gets the whole doc (the server filters no one's view), so it is
   * sent at once instead of after the replay. Whatever is stored or received after the read
   * reaches this client like any other change: relayed once applied, or delivered by the bus.
   * The log goes first, as an update the client keeps pending until the snapshot arrives as the
   * step 2: when the client counts itself synced, it has the whole wall.
   */
  private answerFromStoredState(conn: Connection, stateVector: Uint8Array): boolean {
    if (!isEmptyStateVector(stateVector)) return false;
    const start = performance.now();
    if (this.earlyFrames === undefined) this.earlyFrames = this.framesOfStoredState();
    if (this.earlyFrames === null) return false;
    for (const frame of this.earlyFrames) conn.send(frame);
    this.servedEarly.push(conn);
    this.timeFirstSync(conn, start, this.earlyFrames.at(-1)!.byteLength, true, true);
    return true;
  }

  private framesOfStoredState(): Uint8Array[] | null {
    const { updates, snapshotParts } = this.stored!;
    const log = updates.slice(snapshotParts);
    if (log.length > EARLY_SYNC_MAX_LOG_ROWS) return null;
    const snapshot = joinStateParts(updates.slice(0, snapshotParts));
    if (snapshot === null) return null;
    const frames: Uint8Array[] = [];
    if (log.length > 0) {
      try {
        // Reading the rows checks them too (mergeUpdates hands a lone one back unread): a row the
        // client could not read is never sent; such a wall waits for the replay, which skips it.
        if (log.length === 1) Y.decodeUpdate(log[0]!);
        frames.push(encodeUpdate(log.length === 1 ? log[0]! : Y.mergeUpdates(log)));
      } catch {
        return null;
      }
    }
    frames.push(encodeSyncStep2Of(snapshot));
    return frames;
  }

  private async answerSyncStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    const start = performance.now();
    let frame: Uint8Array;
    const reused = this.encodedState !== null && isEmptyStateVector(stateVector);
    if (reused) {
      frame = encodeSyncStep2Of(this.encodedState!);
    } else if (isEmptyStateVector(stateVector)) {
      // Over several turns: after a long log's replay, Y.encodeStateAsUpdate of a 5 000-note wall
      // was one step of 60-280 ms. A change meanwhile reaches this client by the relay anyway,
      // but the state is kept for the next one only if nothing changed.
      const version = this.docVersion;
      const state = joinStateParts(await encodeStateInPartsSliced(this.doc))!;
      if (this.destroyed || conn.closed) return;
      if (version === this.docVersion) this.encodedState = state;
      frame = encodeSyncStep2Of(state);
    } else {
      frame = encodeSyncStep2(this.doc, stateVector);
    }
    conn.send(frame);
    this.timeFirstSync(conn, start, frame.byteLength, reused, false);
  }

  private timeFirstSync(conn: Connection, start: number, bytes: number, reused: boolean, whileLoading: boolean): void {
    if (!firstSyncChannel.hasSubscribers) return;
    // Made when first needed: a WeakSet costs 136 bytes per room, and only the bench listens.
    const timed = (this.firstSyncTimed ??= new WeakSet());
    if (timed.has(conn)) return;
    timed.add(conn);
    const now = performance.now();
    const timing: FirstSyncTiming = { wallId: this.wallId, sinceConnectMs: now - conn.openedAt, encodeMs: now - start, bytes, reused, whileLoading };
    firstSyncChannel.publish(timing);
  }

  private receiveAwareness(conn: Connection, update: Uint8Array): void {
    const ownedByOther = (id: number) => [...this.connections].some((c) => c !== conn && c.awarenessClients.has(id));
    const verdict = filterAwareness(update, conn.awarenessClients, ownedByOther, this.opts.awareness ?? DEFAULT_AWARENESS_LIMITS);
    if (verdict.kind === 'too-many-clients') conn.close(CloseCode.Forbidden, 'too many awareness client ids');
    else if (verdict.kind === 'apply') applyAwarenessUpdate(this.awareness, verdict.update, conn);
  }

  /** After a failed replay nothing queued may run: the doc is not the wall. */
  private enqueue(task: () => void | Promise<void>): void {
    this.queue.push(() => (this.phase === 'failed' ? undefined : task()));
  }

  private async storeAndApply(conn: Connection, update: Uint8Array): Promise<void> {
    if (conn.faulted) return; // its later frames would build on what was refused
    // Checked here, in the serial queue, so the doc it is checked against is the doc it lands on.
    const bytes = { stored: this.storedBytes, max: this.opts.maxWallBytes ?? DEFAULT_MAX_WALL_BYTES };
    let verdict: Verdict;
    try {
      verdict = judgeUpdate(this.doc, conn.identity, update, bytes);
    } catch (err) {
      // Decoded fine but crafted past what the analysis expects: nobody can say what it does.
      this.opts.log.warn({ wallId: this.wallId, err }, 'an update could not be analysed');
      conn.faulted = true;
      conn.close(CloseCode.MalformedMessage);
      return;
    }
    if (verdict.kind === 'no-op') return;
    if (verdict.kind === 'refuse') {
      const { code, reason } = verdict.refusal;
      this.opts.log.info({ wallId: this.wallId, role: conn.role, code, reason }, 'update refused');
      conn.faulted = true;
      conn.close(code, reason);
      // The stored size only shrinks at compaction: measure it now, or deletions made to get
      // under the limit would not count until the next scheduled one.
      if (verdict.overBytes && (this.appendedSinceCompact > 0 || this.remoteSinceCompact)) this.scheduleCompaction();
      return;
    }
    let seq: number;
    try {
      seq = await this.store.appendUpdate(this.wallId, update);
    } catch (err) {
      this.opts.log.error({ wallId: this.wallId, err }, 'could not store an update');
      conn.faulted = true;
      conn.close(CloseCode.StorageFailed);
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.opts.log.warn({ wallId: this.wallId, err }, 'an update passed decoding but failed to apply');
      conn.faulted = true;
      conn.close(CloseCode.MalformedMessage);
    }
    this.lastAppliedSeq = seq;
    this.storedBytes += update.byteLength;
    // On a nearly full wall, compact after a deletion so the space it frees counts at once.
    if (verdict.deletes && this.storedBytes > 0.75 * bytes.max) this.scheduleCompaction();
    this.appendedSinceCompact++;
    this.checkPending(conn);
    this.maybeCompact();
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
    this.mustCompact = true;
    this.scheduleCompaction();
  }

  private relayUpdateOf(update: Uint8Array, origin: unknown): void {
    if (origin === LoadOrigin) return;
    this.relay.addUpdate(update, origin instanceof Connection ? origin : null);
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

  // ---------------------------------------------------------------- compaction

  private maybeCompact(): void {
    if (this.appendedSinceCompact >= this.opts.compactAfterUpdates) this.scheduleCompaction();
  }

  /**
   * Off the hot path: the frame that crossed the threshold is relayed first, and while updates
   * are still queued (a burst worked off in slices) the compaction waits behind them, so the
   * snapshot covers the whole burst.
   */
  private scheduleCompaction(): void {
    if (this.compactionScheduled || this.destroyed) return;
    this.compactionScheduled = true;
    setImmediate(() => {
      this.compactionScheduled = false;
      if (this.queue.length > 0) this.enqueue(() => this.scheduleCompaction());
      else void this.compact();
    });
  }

  /**
   * Writes the doc as the new snapshot, in parts of bounded size (stateInParts.ts), so the next
   * load replays it in slices; the encoding itself runs in slices too. The seq it covers is read
   * before the encoding starts, so updates appended but not yet applied stay in the store; the
   * snapshot may hold more than that seq covers (updates applied while it was encoded), never less.
   * Compactions are chained: two never race over the snapshot.
   */
  compact(): Promise<void> {
    this.compaction = this.compaction.then(async () => {
      if (this.destroyed || this.phase !== 'loaded') return; // a half-loaded doc must never become the snapshot
      if (this.appendedSinceCompact === 0 && !this.mustCompact && !this.remoteSinceCompact) return;
      const uptoSeq = this.lastAppliedSeq;
      const counted = this.appendedSinceCompact;
      const bytesBefore = this.storedBytes;
      // Updates counted from here on stay counted for the next compaction.
      this.appendedSinceCompact = 0;
      this.mustCompact = false;
      this.remoteSinceCompact = false;
      try {
        const encodeStart = performance.now();
        const parts = await encodeStateInPartsSliced(this.doc);
        if (this.destroyed) return;
        const writeStart = performance.now();
        // In the same turn as the encoding's end, so it is the doc's state.
        this.encodedState = joinStateParts(parts);
        const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
        await this.store.compact(this.wallId, parts, uptoSeq);
        // Updates appended while the snapshot was made are still stored on top of it.
        this.storedBytes = bytes + (this.storedBytes - bytesBefore);
        if (compactionChannel.hasSubscribers) {
          const timing: CompactionTiming = { wallId: this.wallId, encodeMs: writeStart - encodeStart, writeMs: performance.now() - writeStart, bytes };
          compactionChannel.publish(timing);
        }
      } catch (err) {
        this.appendedSinceCompact += counted;
        this.opts.log.error({ wallId: this.wallId, err }, 'compaction failed');
      }
    });
    return this.compaction;
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
    this.earlyFrames = undefined;
    this.servedEarly = [];
    if (this.compactAfterLoad) clearTimeout(this.compactAfterLoad);
    this.encodedState = null;
    this.relay.clear();
    this.link?.leave();
    this.listenForUpdates(false);
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
