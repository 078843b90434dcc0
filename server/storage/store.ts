/**
 * The storage interface. Async although SQLite is synchronous, so a networked database
 * (PostgreSQL) can implement it unchanged. Every implementation passes
 * tests/unit/storage.contract.ts.
 *
 * A wall's content is a snapshot (a merged Yjs update) plus the updates appended after it,
 * each with a sequence number that only grows within a wall. Compaction replaces the snapshot
 * and deletes the updates it covers, by sequence number, so updates appended while a
 * compaction runs survive it.
 */
import type { StoredWall } from '../../shared/schemas';

export type WallRecord = StoredWall;

export interface StoredState {
  /** The snapshot first, then every later update in append order. */
  updates: Uint8Array[];
  /** The highest sequence number the returned updates cover (0 for a fresh wall). */
  lastSeq: number;
}

export interface Store {
  /** Creates a wall whose snapshot is `initialUpdate`. Rejects if the id exists. */
  createWall(record: WallRecord, initialUpdate: Uint8Array): Promise<void>;
  getWall(id: string): Promise<WallRecord | undefined>;
  /** Rejects with WallNotFoundError for an unknown wall. */
  loadState(id: string): Promise<StoredState>;
  /** Durably appends one update and resolves with its sequence number. */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /**
   * Atomically replaces the snapshot with `mergedState` and deletes the updates with
   * seq <= uptoSeq. A compaction older than the current snapshot is ignored.
   */
  compact(id: string, mergedState: Uint8Array, uptoSeq: number): Promise<void>;
  deleteWall(id: string): Promise<void>;
  close(): Promise<void>;
}

export class WallNotFoundError extends Error {
  override name = 'WallNotFoundError';
  constructor(id: string) {
    super(`wall ${id} not found`);
  }
}

export class DuplicateWallError extends Error {
  override name = 'DuplicateWallError';
  constructor(id: string) {
    super(`wall ${id} already exists`);
  }
}
