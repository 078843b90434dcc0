/**
 * SQLite Store (better-sqlite3). WAL with synchronous=NORMAL: a committed transaction survives a
 * killed process (only an OS crash or power loss can drop the last few), and appends do not
 * wait for an fsync each.
 *
 * Sequence numbers come from one AUTOINCREMENT column shared by all walls: they grow within
 * every wall and are never reused, even after compaction deleted the rows below them.
 *
 * secure_delete is on from the moment the database opens, not only when a wall is deleted:
 * compaction deletes update rows all the time, and without it their bytes would linger in free
 * pages that a later wall deletion never touches.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StoredDeleteAt, StoredSeq, StoredWall } from '../../shared/schemas';
import {
  DuplicateWallError,
  WallNotFoundError,
  snapshotParts,
  type NewWallRecord,
  type Snapshot,
  type Store,
  type StoredJoinCode,
  type StoredState,
  type TokenTarget,
  type WallRecord,
} from './store';
import { JOIN_CODE_COLUMNS, joinCodeRowParser } from './joinCodeRow';
import { tokenColumnsAfter, WALL_COLUMNS, wallRowParser } from './wallRow';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS walls (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  language     TEXT NOT NULL,
  token_hashes TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  snapshot     BLOB NOT NULL,
  snapshot_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS updates (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  data    BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_wall ON updates (wall_id, seq);
-- A snapshot stored in parts: walls.snapshot is part 0, the rest are here (see Snapshot in store.ts).
CREATE TABLE IF NOT EXISTS snapshot_parts (
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  part    INTEGER NOT NULL,
  data    BLOB NOT NULL,
  PRIMARY KEY (wall_id, part)
);
CREATE TABLE IF NOT EXISTS join_codes (
  lookup       TEXT PRIMARY KEY,
  wall_id      TEXT NOT NULL UNIQUE REFERENCES walls(id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL,
  sealed_token BLOB NOT NULL,
  sealed_code  BLOB NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS join_codes_by_expiry ON join_codes (expires_at);
`;

/** Columns added after the first release; added to an older database when it is opened. */
const ADDED_COLUMNS: Record<string, string> = {
  group_token_hashes: `TEXT NOT NULL DEFAULT '{}'`,
  delete_at: `INTEGER`,
};

const Blob = z.instanceof(Uint8Array);
const Integer = z.number().int().nonnegative();
const parseWallRow = wallRowParser(Integer);
const parseJoinCodeRow = joinCodeRowParser(Integer, Blob.transform((b) => new Uint8Array(b)));
const SnapshotRow = z.object({ snapshot: Blob, snapshot_seq: StoredSeq });

/**
 * A stored blob as the Uint8Array loadState hands out: a view of better-sqlite3's Buffer (which
 * owns its memory alone), not a copy. Rows are checked by hand, not parsed by zod: for a 50 000
 * row log, zod's object per row and the copies were most of the read's time.
 */
function storedBlob(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('a stored update is not a blob');
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

function storedSeq(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new TypeError('a stored seq is not a seq');
  return value;
}

export const DB_FILE = 'pajaseina.db';

/**
 * Stored updates read per query while a wall loads, with a turn of the event loop between
 * pages: better-sqlite3 is synchronous, and one query over a 50 000-update log blocked the
 * whole server for its half second (a few milliseconds per page on the bench machine).
 */
export const LOAD_PAGE_ROWS = 2000;

/**
 * Update rows a compaction covered are deleted this many per statement after the new snapshot is
 * written, DELETE_PAGE_GAP_MS apart: deleting 50 000 rows (secure_delete zeroes each page) in the
 * compaction's own transaction stalled the server for 0.1–0.3 s. Nothing waits for them (until
 * they are gone loadState skips them: it reads only rows above snapshot_seq), so they go at a
 * pace that leaves most turns of the event loop free: back to back (a page per turn), a new
 * client's handshake of several turns waited a page in each. close() deletes what is left.
 */
export const DELETE_PAGE_ROWS = 500;
export const DELETE_PAGE_GAP_MS = 10;

export class SqliteStore implements Store {
  private db: Database.Database;
  private stmt;
  /** Per wall, the highest seq a written snapshot covers whose update rows may still be stored. */
  private readonly covered = new Map<string, number>();
  private clearing: Promise<void> | null = null;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, DB_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    const existing = new Set(z.array(z.object({ name: z.string() }).loose()).parse(this.db.pragma('table_info(walls)')).map((c) => c.name));
    for (const [name, type] of Object.entries(ADDED_COLUMNS)) {
      if (!existing.has(name)) this.db.exec(`ALTER TABLE walls ADD COLUMN ${name} ${type}`);
    }
    this.stmt = {
      insertWall: this.db.prepare(
        `INSERT INTO walls (id, title, language, token_hashes, created_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      getWall: this.db.prepare(
        `SELECT ${WALL_COLUMNS} FROM walls WHERE id = ?`,
      ),
      setTokenHashes: this.db.prepare(`UPDATE walls SET token_hashes = ?, group_token_hashes = ? WHERE id = ?`),
      setDeleteAt: this.db.prepare(`UPDATE walls SET delete_at = ? WHERE id = ?`),
      due: this.db.prepare(`SELECT id FROM walls WHERE delete_at IS NOT NULL AND delete_at <= ?`),
      deleteUpdates: this.db.prepare(`DELETE FROM updates WHERE wall_id = ?`),
      snapshot: this.db.prepare(`SELECT snapshot, snapshot_seq FROM walls WHERE id = ?`),
      snapshotSeq: this.db.prepare(`SELECT snapshot_seq FROM walls WHERE id = ?`),
      snapshotParts: this.db.prepare(`SELECT data FROM snapshot_parts WHERE wall_id = ? ORDER BY part`).pluck(),
      deleteSnapshotParts: this.db.prepare(`DELETE FROM snapshot_parts WHERE wall_id = ?`),
      insertSnapshotPart: this.db.prepare(`INSERT INTO snapshot_parts (wall_id, part, data) VALUES (?, ?, ?)`),
      updatesPage: this.db.prepare(`SELECT seq, data FROM updates WHERE wall_id = ? AND seq > ? ORDER BY seq LIMIT ?`).raw(),
      append: this.db.prepare(`INSERT INTO updates (wall_id, data) VALUES (?, ?)`),
      setSnapshot: this.db.prepare(`UPDATE walls SET snapshot = ?, snapshot_seq = ? WHERE id = ?`),
      deleteUpTo: this.db.prepare(`DELETE FROM updates WHERE wall_id = ? AND seq <= ?`),
      deleteCoveredPage: this.db.prepare(
        `DELETE FROM updates WHERE seq IN (SELECT seq FROM updates WHERE wall_id = ? AND seq <= ? ORDER BY seq LIMIT ?)`,
      ),
      // Rows a snapshot covers but a process that stopped before clearing them left behind.
      leftBehind: this.db.prepare(
        `SELECT id, snapshot_seq FROM walls w WHERE EXISTS (SELECT 1 FROM updates u WHERE u.wall_id = w.id AND u.seq <= w.snapshot_seq)`,
      ),
      deleteWall: this.db.prepare(`DELETE FROM walls WHERE id = ?`),
      deleteExpiredCodes: this.db.prepare(`DELETE FROM join_codes WHERE expires_at <= ?`),
      codeOwner: this.db.prepare(`SELECT wall_id FROM join_codes WHERE lookup = ?`),
      deleteWallCodes: this.db.prepare(`DELETE FROM join_codes WHERE wall_id = ?`),
      insertCode: this.db.prepare(`INSERT INTO join_codes (${JOIN_CODE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`),
      codeByLookup: this.db.prepare(`SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE lookup = ? AND expires_at > ?`),
      codeOfWall: this.db.prepare(`SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE wall_id = ? AND token_hash = ? AND expires_at > ?`),
    };
    for (const row of z.array(z.object({ id: z.string(), snapshot_seq: StoredSeq })).parse(this.stmt.leftBehind.all())) {
      this.clearCovered(row.id, row.snapshot_seq);
    }
  }

  async createWall(record: NewWallRecord, initialUpdate: Uint8Array): Promise<void> {
    const r = StoredWall.parse(record);
    try {
      this.stmt.insertWall.run(r.id, r.title, r.language, JSON.stringify(r.tokenHashes), r.createdAt, initialUpdate);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateWallError(r.id);
      throw err;
    }
  }

  async getWall(id: string): Promise<WallRecord | undefined> {
    return this.readWall(id);
  }

  private readWall(id: string): WallRecord | undefined {
    const row = this.stmt.getWall.get(id);
    if (row === undefined) return undefined;
    return parseWallRow(row);
  }

  async replaceTokenHash(id: string, target: TokenTarget, hash: string): Promise<string | null> {
    // Read and write in one transaction, so two rotations at once cannot both see the same old hash.
    return this.db.transaction(() => {
      const wall = this.readWall(id);
      if (!wall) throw new WallNotFoundError(id);
      const next = tokenColumnsAfter(wall, target, hash);
      this.stmt.setTokenHashes.run(next.tokenHashes, next.groupTokenHashes, id);
      return next.old;
    })();
  }

  async setDeleteAt(id: string, deleteAt: number | null): Promise<void> {
    const result = this.stmt.setDeleteAt.run(StoredDeleteAt.parse(deleteAt), id);
    if (result.changes === 0) throw new WallNotFoundError(id);
  }

  async dueForDeletion(now: number): Promise<string[]> {
    return z.array(z.object({ id: z.string() })).parse(this.stmt.due.all(now)).map((r) => r.id);
  }

  /**
   * The snapshot, then the updates after it in pages of LOAD_PAGE_ROWS by seq, yielding to the
   * event loop between pages. Each page is read in one transaction with the snapshot's seq: if a
   * compaction replaced the snapshot between two pages (the rows it covers may be gone), the
   * read starts over, so the result is always one consistent snapshot plus everything after it.
   */
  async loadState(id: string): Promise<StoredState> {
    for (;;) {
      const { snap, parts } = this.db.transaction(() => ({
        snap: this.readSnapshot(id),
        parts: this.stmt.snapshotParts.all(id) as unknown[],
      }))();
      const updates = [storedBlob(snap.snapshot)];
      for (const part of parts) updates.push(storedBlob(part));
      const partCount = updates.length;
      let lastSeq = snap.snapshot_seq;
      let page: unknown[][] | null;
      do {
        page = this.db.transaction(() => {
          if (this.readSnapshotSeq(id) !== snap.snapshot_seq) return null;
          return this.stmt.updatesPage.all(id, lastSeq, LOAD_PAGE_ROWS) as unknown[][];
        })();
        if (page === null) break;
        for (const [seq, data] of page) {
          updates.push(storedBlob(data));
          lastSeq = storedSeq(seq);
        }
        if (page.length === LOAD_PAGE_ROWS) await new Promise<void>((resolve) => setImmediate(resolve));
      } while (page.length === LOAD_PAGE_ROWS);
      if (page !== null) return { updates, snapshotParts: partCount, lastSeq };
    }
  }

  /** The snapshot's seq alone: checked before every page, without reading the snapshot again. */
  private readSnapshotSeq(id: string): number {
    const found = this.stmt.snapshotSeq.get(id);
    if (found === undefined) throw new WallNotFoundError(id);
    return SnapshotRow.pick({ snapshot_seq: true }).parse(found).snapshot_seq;
  }

  private readSnapshot(id: string): z.infer<typeof SnapshotRow> {
    const found = this.stmt.snapshot.get(id);
    if (found === undefined) throw new WallNotFoundError(id);
    return SnapshotRow.parse(found);
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    try {
      return Number(this.stmt.append.run(id, update).lastInsertRowid);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new WallNotFoundError(id);
      throw err;
    }
  }

  /**
   * Writes the snapshot and its seq in one transaction; the update rows it covers are deleted
   * afterwards in pages (DELETE_PAGE_ROWS). Nothing above uptoSeq is ever deleted, so an update
   * appended meanwhile stays.
   */
  async compact(id: string, snapshot: Snapshot, uptoSeq: number): Promise<void> {
    const [first, ...rest] = snapshotParts(snapshot);
    if (!first) throw new Error('a snapshot needs at least one part');
    const written = this.db.transaction(() => {
      if (uptoSeq < this.readSnapshotSeq(id)) return false; // a newer compaction won
      this.stmt.setSnapshot.run(first, uptoSeq, id);
      this.stmt.deleteSnapshotParts.run(id);
      for (const [i, part] of rest.entries()) this.stmt.insertSnapshotPart.run(id, i + 1, part);
      return true;
    })();
    if (written) this.clearCovered(id, uptoSeq);
  }

  private clearCovered(id: string, uptoSeq: number): void {
    this.covered.set(id, Math.max(this.covered.get(id) ?? 0, uptoSeq));
    this.clearing ??= this.clearCoveredPages();
  }

  private async clearCoveredPages(): Promise<void> {
    while (this.db.open && this.covered.size > 0) {
      const [id, uptoSeq] = this.covered.entries().next().value!;
      const { changes } = this.stmt.deleteCoveredPage.run(id, uptoSeq, DELETE_PAGE_ROWS);
      // A later compaction of the same wall may have raised the bound meanwhile: keep going then.
      if (changes < DELETE_PAGE_ROWS && this.covered.get(id) === uptoSeq) this.covered.delete(id);
      await new Promise<void>((resolve) => setTimeout(resolve, DELETE_PAGE_GAP_MS));
    }
    this.clearing = null;
  }

  async deleteWall(id: string): Promise<void> {
    this.covered.delete(id); // its rows go now, all of them
    this.db.transaction(() => {
      this.stmt.deleteUpdates.run(id);
      this.stmt.deleteSnapshotParts.run(id);
      this.stmt.deleteWall.run(id);
    })();
    // The WAL still holds the pages as they were before the delete; copy the zeroed pages into
    // the database and cut the WAL to zero bytes. Returns busy=1 only if another connection
    // reads, and this process holds the only one.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async putJoinCode(code: StoredJoinCode, now: number): Promise<boolean> {
    return this.db.transaction(() => {
      this.stmt.deleteExpiredCodes.run(now);
      const owner = this.stmt.codeOwner.get(code.lookup);
      if (owner !== undefined && z.object({ wall_id: z.string() }).parse(owner).wall_id !== code.wallId) return false;
      this.stmt.deleteWallCodes.run(code.wallId);
      try {
        this.stmt.insertCode.run(code.lookup, code.wallId, code.tokenHash, code.sealedToken, code.sealedCode, code.expiresAt);
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new WallNotFoundError(code.wallId);
        throw err;
      }
      return true;
    })();
  }

  async getJoinCode(lookup: string, now: number): Promise<StoredJoinCode | undefined> {
    const row = this.stmt.codeByLookup.get(lookup, now);
    return row === undefined ? undefined : parseJoinCodeRow(row);
  }

  async joinCodeFor(wallId: string, tokenHash: string, now: number): Promise<StoredJoinCode | undefined> {
    const row = this.stmt.codeOfWall.get(wallId, tokenHash, now);
    return row === undefined ? undefined : parseJoinCodeRow(row);
  }

  /** Deletes whatever covered rows are left first: secure_delete's promise holds from close on. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    for (const [id, uptoSeq] of this.covered) this.stmt.deleteUpTo.run(id, uptoSeq);
    this.covered.clear();
    this.db.close();
  }
}
