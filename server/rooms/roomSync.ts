/**
 * A room's answers to sync step 1: the doc's state, or what a client lacks of it. The whole doc
 * as one encoded update is kept while it still is the doc's state (the snapshot just loaded, the
 * one just written, or the last full sync step 2): a new client gets it as is instead of the doc
 * being encoded again (a quarter of a second for a 5 000-note wall, once per client).
 */
import * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncStep2Of } from './codec';
import type { Connection } from './connection';
import { firstSyncChannel, type FirstSyncTiming } from './roomTimings';
import { encodeStateInPartsSliced, joinStateParts } from './stateInParts';

/** Below this a reply is cheap to analyse: not worth encoding our delete set to compare. */
const OWN_DELETE_SET_MIN_BYTES = 1024;

/** The state vector of an empty doc: a new client's sync step 1 carries it. */
export const isEmptyStateVector = (stateVector: Uint8Array) => stateVector.byteLength === 1 && stateVector[0] === 0;

export class SyncAnswers {
  /** The whole doc as one encoded update, or null once the doc changed since it was made. */
  private encodedState: Uint8Array | null = null;
  /** Counts changes to the doc: an encoding that spanned turns is kept only if none came meanwhile. */
  private docVersion = 0;
  /** The doc's delete set as an update without structs (see repeatsOwnDeleteSet), or null once the doc changed. */
  private ownDeleteSet: Uint8Array | null = null;
  /** Connections whose first sync step 2 was timed (only while someone listens for timings). */
  private firstSyncTimed: WeakSet<Connection> | null = null;
  private stopped = false;

  constructor(
    private readonly wallId: string,
    private readonly doc: Y.Doc,
  ) {}

  /** `state` is the doc's state as one update, as of now (null: none to keep). */
  keep(state: Uint8Array | null): void {
    this.encodedState = state;
    this.ownDeleteSet = null;
  }

  /** The doc changed. */
  forget(): void {
    this.encodedState = null;
    this.ownDeleteSet = null;
    this.docVersion++;
  }

  /** The room is gone: nothing more is answered. */
  stop(): void {
    this.stopped = true;
    this.encodedState = null;
    this.ownDeleteSet = null;
  }

  /**
   * Is `update` exactly what this doc would send a copy of itself: no structs, and our whole
   * delete set? Every client that has the whole wall answers our sync step 1 with that (y-protocols
   * always sends its step 2). On the 5 000-note bench wall it is 12 KB that analyseUpdate takes
   * 2-7 ms to find changes nothing, once per joining client; encoding ours takes 1-3 ms once per
   * version of the doc, and then each such reply is one byte comparison.
   */
  repeatsOwnDeleteSet(update: Uint8Array): boolean {
    // An update opens with how many clients' structs it carries: an edit (anything but 0) never
    // pays for encoding ours, which every change of the doc drops.
    if (update.byteLength < OWN_DELETE_SET_MIN_BYTES || update[0] !== 0) return false;
    const own = (this.ownDeleteSet ??= Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc)));
    return own.byteLength === update.byteLength && Buffer.compare(own, update) === 0;
  }

  async answer(conn: Connection, stateVector: Uint8Array): Promise<void> {
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
      if (this.stopped || conn.closed) return;
      if (version === this.docVersion) this.encodedState = state;
      frame = encodeSyncStep2Of(state);
    } else {
      frame = encodeSyncStep2(this.doc, stateVector);
    }
    conn.send(frame);
    this.timeFirstSync(conn, start, frame.byteLength, reused, false);
  }

  timeFirstSync(conn: Connection, start: number, bytes: number, reused: boolean, whileLoading: boolean): void {
    if (!firstSyncChannel.hasSubscribers) return;
    // Made when first needed: a WeakSet costs 136 bytes per room, and only the bench listens.
    const timed = (this.firstSyncTimed ??= new WeakSet());
    if (timed.has(conn)) return;
    timed.add(conn);
    const now = performance.now();
    const timing: FirstSyncTiming = { wallId: this.wallId, sinceConnectMs: now - conn.openedAt, encodeMs: now - start, bytes, reused, whileLoading };
    firstSyncChannel.publish(timing);
  }
}
