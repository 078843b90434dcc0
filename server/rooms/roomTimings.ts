/**
 * How long a room's load, a client's first sync and a compaction took, published on
 * diagnostics channels. Nothing in the server listens: publishing costs nothing without a
 * subscriber. The bench's stats endpoint (bench/servers/stats.ts) subscribes, so a cold load is
 * judged by the server's own time and not only by what the bench client sees (which includes
 * its own Yjs work on the whole wall).
 */
import { channel } from 'node:diagnostics_channel';

export interface RoomLoadTiming {
  wallId: string;
  /** Reading the stored snapshot and updates. */
  readMs: number;
  /** Applying them to the room's doc. */
  replayMs: number;
  /** Stored rows read: the snapshot plus every update appended after it. */
  updates: number;
  bytes: number;
}

export interface FirstSyncTiming {
  wallId: string;
  /** From the connection's creation (its access already checked) to its sync step 2 being sent. */
  sinceConnectMs: number;
  /** Making the step 2 frame. */
  encodeMs: number;
  bytes: number;
  /** Answered from the encoded state the room kept, with no encoding of the doc. */
  reused: boolean;
  /** Answered from the stored state while the room's doc was still being replayed. */
  whileLoading: boolean;
}

export interface CompactionTiming {
  wallId: string;
  /** Encoding the doc as one snapshot. */
  encodeMs: number;
  /** Writing it and dropping the updates it covers. */
  writeMs: number;
  bytes: number;
}

export const roomLoadChannel = channel('pajaseina:room-load');
export const firstSyncChannel = channel('pajaseina:first-sync');
export const compactionChannel = channel('pajaseina:compaction');
