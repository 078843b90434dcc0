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
import type { Role, StoredWall } from '../../shared/schemas';

/** What createWall takes: the record as a new wall has it. */
export type NewWallRecord = StoredWall;

/** A stored wall: its record plus what access administration added later. */
export interface WallRecord extends StoredWall {
  /** Per-group participant links: group id → SHA-256 hex of the token. */
  groupTokenHashes: Record<string, string>;
  /** Epoch ms after which the retention sweeper deletes the wall, or null. */
  deleteAt: number | null;
}

/** Which token a replacement is for: one role's link, or one group's link. */
export type TokenTarget = { role: Role } | { groupId: string };

/**
 * A snapshot as compaction hands it over: one merged update, or parts of bounded size whose
 * union is the state (server/rooms/stateInParts.ts), so that loading it is no single long step.
 */
export type Snapshot = Uint8Array | readonly Uint8Array[];

export const snapshotParts = (snapshot: Snapshot): readonly Uint8Array[] => (snapshot instanceof Uint8Array ? [snapshot] : snapshot);

export interface StoredState {
  /** The snapshot first (its parts, in order), then every later update in append order. */
  updates: Uint8Array[];
  /** How many of `updates`, from the start, are the snapshot (1 unless it was stored in parts). */
  snapshotParts: number;
  /** The highest sequence number the returned updates cover (0 for a fresh wall). */
  lastSeq: number;
}

/**
 * One short join code as stored (server/joinCodes.ts makes and reads them). Nothing here opens
 * the wall without the code itself: the key is a slow hash of the code, the participant token is
 * encrypted with a key derived from the code, and the code is encrypted with a key derived from
 * the token. The store only keeps the bytes and the expiry.
 */
export interface StoredJoinCode {
  /** Hex key derived from the code: unique among live codes. */
  lookup: string;
  wallId: string;
  /** SHA-256 hex of the participant token the code stands for (the wall row holds the same). */
  tokenHash: string;
  sealedToken: Uint8Array;
  sealedCode: Uint8Array;
  /** Epoch ms; from then on the code is as good as deleted. */
  expiresAt: number;
}

export interface Store {
  /** Creates a wall whose snapshot is `initialUpdate`. Rejects if the id exists. */
  createWall(record: NewWallRecord, initialUpdate: Uint8Array): Promise<void>;
  getWall(id: string): Promise<WallRecord | undefined>;
  /** Rejects with WallNotFoundError for an unknown wall. */
  loadState(id: string): Promise<StoredState>;
  /** Durably appends one update and resolves with its sequence number. */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /**
   * Atomically replaces the snapshot with `snapshot` and deletes the updates with
   * seq <= uptoSeq. A compaction older than the current snapshot is ignored. A store may keep
   * the parts as they are or merge them into one; loadState gives back the same state either way.
   */
  compact(id: string, snapshot: Snapshot, uptoSeq: number): Promise<void>;
  /**
   * Replaces (or, for a new group, adds) one token hash. Resolves with the hash it replaced, or
   * null; rejects with WallNotFoundError for an unknown wall.
   */
  replaceTokenHash(id: string, target: TokenTarget, hash: string): Promise<string | null>;
  /** Sets or clears the deletion date. Rejects with WallNotFoundError for an unknown wall. */
  setDeleteAt(id: string, deleteAt: number | null): Promise<void>;
  /** Ids of walls whose deletion date is at or before `now`. */
  dueForDeletion(now: number): Promise<string[]>;
  /**
   * Deletes the wall, its snapshot and every update, so that no byte of it stays on disk
   * (SQLite: secure_delete, then the WAL is checkpointed and truncated). Unknown ids are a no-op.
   */
  deleteWall(id: string): Promise<void>;
  /**
   * Stores a join code in place of every other code of its wall (one code per wall at a time).
   * Resolves false, storing nothing, when `code.lookup` belongs to another wall's live code.
   * Deletes every expired code first. Rejects with WallNotFoundError for an unknown wall. A
   * deleted wall's codes go with it.
   */
  putJoinCode(code: StoredJoinCode, now: number): Promise<boolean>;
  /** The live (expiresAt > now) code with this lookup key. */
  getJoinCode(lookup: string, now: number): Promise<StoredJoinCode | undefined>;
  /** The wall's live code, if it stands for the participant token with this hash. */
  joinCodeFor(wallId: string, tokenHash: string, now: number): Promise<StoredJoinCode | undefined>;
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
