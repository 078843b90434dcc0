/**
 * One connection's doc updates that arrived back to back, handled as one: a paste or a quick
 * series of edits is merged (Y.mergeUpdates), checked, stored and applied once instead of once
 * per update.
 *
 * Each update cost the room about 0.35-0.5 ms on the bench machine (rule check, SQLite append,
 * Y.applyUpdate); a 30-note burst kept the room busy for 10-15 ms before its last note could be
 * relayed, and that wait was most of the burst's tail at 20 clients (bench/burstTimeline.ts,
 * docs/performance.md, session 11).
 *
 * A batch takes updates only while it waits in the room's queue and only as long as nothing else
 * was queued after it, so the room's order of work is unchanged: updates of another connection,
 * a sync request or anything else queued meanwhile close the batch. If the merged update is not
 * simply stored (a rule refuses it, it cannot be analysed or merged), the batch is handled update
 * by update as before, so whatever came before a refused update is still stored and the refusal
 * is the one that update alone gets.
 */
import * as Y from 'yjs';
import type { Connection } from './connection';

/** A batch closes at this many updates or bytes: one merged step stays short (the queue's slices). */
export const BATCH_MAX_UPDATES = 64;
export const BATCH_MAX_BYTES = 64 * 1024;

/** Joined by the room only while it is the last task queued and has not started (Room.openBatch). */
export class InboundBatch {
  /** In the order they arrived. */
  readonly updates: Uint8Array[];
  private bytes: number;

  constructor(
    readonly conn: Connection,
    first: Uint8Array,
  ) {
    this.updates = [first];
    this.bytes = first.byteLength;
  }

  /** Adds `update` if it is `conn`'s and the batch is not full; false if not. */
  joins(conn: Connection, update: Uint8Array): boolean {
    if (conn !== this.conn) return false;
    if (this.updates.length >= BATCH_MAX_UPDATES || this.bytes + update.byteLength > BATCH_MAX_BYTES) return false;
    this.updates.push(update);
    this.bytes += update.byteLength;
    return true;
  }
}

/** The updates as one, or null if they cannot be merged (each is then handled alone, with its own verdict). */
export function mergedUpdate(updates: readonly Uint8Array[]): Uint8Array | null {
  try {
    return Y.mergeUpdates(updates as Uint8Array[]);
  } catch {
    return null;
  }
}
