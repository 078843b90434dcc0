/**
 * Loading a wall into its room: the stored updates replayed into the doc in slices, and, while
 * that runs, new clients answered from the stored state itself (Room.open drives both).
 */
import * as Y from 'yjs';
import type { StoredState } from '../storage/store';
import { encodeSyncStep2Of, encodeUpdate } from './codec';
import type { Connection } from './connection';
import { joinStateParts } from './stateInParts';
import { collectYoungGeneration } from './youngGeneration';
import { isEmptyStateVector, type SyncAnswers } from './roomSync';

/**
 * Work per turn of the event loop while replaying stored updates, Yjs's cleanup of the
 * transactions included (replayInSlices). Any scavenge that lands in the slice comes on top
 * (2-13 ms in traces of the 5 000-note cold load).
 */
export const LOAD_SLICE_MS = 5;

/**
 * While the replay runs, a new client is answered from the stored state itself when the log
 * after the snapshot has at most this many rows: they are merged into one update for it
 * (mergeInTree: 1-2 ms for 499 single edits once warm). A longer log (a server that could not
 * compact for a long time) would take about as long to merge as to replay, so such a client
 * waits for the replay as before.
 */
export const EARLY_SYNC_MAX_LOG_ROWS = 500;

/**
 * Updates merged at a time by mergeInTree. Y.mergeUpdates slows with the number of updates it
 * merges at once: 499 single edits took 2.5-14 ms in one call and 0.9-1.9 ms merged 32 at a
 * time and then the results (6 rounds in one process, the first with cold code; 8, 16 and 64 at
 * a time were no better).
 */
const MERGE_FAN_IN = 32;

/**
 * The updates as one: merged MERGE_FAN_IN at a time, then those results, until one is left.
 * Every update is read by some Y.mergeUpdates unless there is only one (a lone update left at
 * the end of a level is merged on the next).
 */
export function mergeInTree(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 0) throw new Error('nothing to merge');
  let level = updates as Uint8Array[];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += MERGE_FAN_IN) next.push(Y.mergeUpdates(level.slice(i, i + MERGE_FAN_IN)));
    level = next;
  }
  return level[0]!;
}

/** Turns in a row the replay leaves to other work before it takes a slice anyway. */
const MAX_WAITS = 2;

/**
 * Resolves in a later turn of the event loop than this one, with the timers phase in between
 * (a setImmediate made in an I/O callback runs in the same turn): work after it is a stall of
 * its own, not one with the I/O that asked for it.
 */
export const turnAfterTimers = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** Origin of the transactions that replay stored updates: never stored again, never relayed. */
export const LoadOrigin: unique symbol = Symbol('pajaseina.load');

/**
 * Applies the stored updates in slices of LOAD_SLICE_MS, yielding to the event loop between
 * slices. The first `parts` updates are the snapshot's parts (stateInParts.ts): each is its own
 * transaction, so what it took, Yjs's cleanup of the transaction included, is known before the
 * next one starts, and a slice ends before a part that would take it past LOAD_SLICE_MS (a
 * snapshot's parts are runs of alike structs, so one part's cost foretells the next's). The
 * cleanup was the unforeseen half: one transaction per slice spent 2-7 ms of a 10 ms slice in it
 * in CPU profiles of the 5 000-note cold load, and more where overwritten values are deleted.
 * The updates after them are the log: small, so as many as fit in the slice share a transaction
 * (one per update is ten times slower), but a long uncompacted log (compaction failing for a
 * long time, a restored database: 50 000 updates take 0.8 s on an idle machine) would stall
 * every other wall and socket of the instance for all of it in one. Slices keep each stall to
 * one slice (docs/performance.md; a worker thread was tried and was slower still). Stops early once `stopped` says so. Resolves
 * false if any update failed to apply; each one that did is handed to `skipped`.
 */
export async function replayInSlices(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  parts: number,
  stopped: () => boolean,
  skipped: (index: number, err: unknown) => void,
): Promise<boolean> {
  let appliedAll = true;
  let i = 0;
  const applyNext = () => {
    try {
      Y.applyUpdate(doc, updates[i]!, LoadOrigin);
    } catch (err) {
      appliedAll = false;
      skipped(i, err);
    }
    i++;
  };
  // The turn the replay starts in read storage (one long step for a big snapshot), and in the
  // next one the clients that waited for the read join and are answered: the first slice waits
  // for the turn after.
  let yielded = Number.NEGATIVE_INFINITY;
  let waits = 0;
  do {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stopped()) break;
    // A turn already as long as a slice (the read of storage, a client's handshake, its answer
    // from the stored state) gets no slice on top: the replay waits for the next turn, but not
    // more than MAX_WAITS in a row (a busy instance, or a loaded machine, would starve it).
    if (waits < MAX_WAITS && performance.now() - yielded > LOAD_SLICE_MS) {
      waits++;
      yielded = performance.now();
      continue;
    }
    waits = 0;
    const sliceStart = performance.now();
    let now = sliceStart;
    while (i < updates.length) {
      const start = now;
      if (i < parts) {
        doc.transact(applyNext, LoadOrigin);
        // What the part built outlives the load: copied now it is a small scavenge, while one
        // V8 starts when its young generation is full copies megabytes (youngGeneration.ts).
        collectYoungGeneration();
      } else {
        doc.transact(() => {
          do applyNext();
          while (i < updates.length && performance.now() - sliceStart < LOAD_SLICE_MS);
        }, LoadOrigin);
      }
      now = performance.now();
      if (now - sliceStart + (now - start) >= LOAD_SLICE_MS) break;
    }
    yielded = now;
  } while (i < updates.length);
  return appliedAll;
}

/**
 * What storage held, from the read until the replay is done: a new client (empty state vector)
 * gets it at once instead of after the replay. It is all such a client needs, and every role
 * gets the whole doc (the server filters no one's view). Whatever is stored or received after
 * the read reaches this client like any other change: relayed once applied, or delivered by the
 * bus. The log goes first, as an update the client keeps pending until the snapshot arrives as
 * the step 2: when the client counts itself synced, it has the whole wall.
 */
export class StoredStateAnswer {
  /** The frames a new client gets (made for the first), or null if it cannot be answered so. */
  private frames: Uint8Array[] | null | undefined;
  /** Connections answered from it: if the replay finds a bad stored update, they resync. */
  readonly served: Connection[] = [];

  constructor(private readonly stored: StoredState) {}

  /** Sends the stored state if `conn` is a new client and the state can be sent; false if not. */
  answer(conn: Connection, stateVector: Uint8Array, answers: SyncAnswers): boolean {
    if (!isEmptyStateVector(stateVector)) return false;
    const start = performance.now();
    if (this.frames === undefined) this.frames = framesOfStoredState(this.stored);
    if (this.frames === null) return false;
    for (const frame of this.frames) conn.send(frame);
    this.served.push(conn);
    answers.timeFirstSync(conn, start, this.frames.at(-1)!.byteLength, true, true);
    return true;
  }
}

function framesOfStoredState({ updates, snapshotParts }: StoredState): Uint8Array[] | null {
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
      frames.push(encodeUpdate(mergeInTree(log)));
    } catch {
      return null;
    }
  }
  frames.push(encodeSyncStep2Of(snapshot));
  return frames;
}
