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
  type NewWallRecord,
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
const UpdateRow = z.object({ seq: StoredSeq, data: Blob });

export const DB_FILE = 'pajaseina.db';

export class SqliteStore implements Store {
  private db: Database.Database;
  private stmt;

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
      updates: this.db.prepare(`SELECT seq, data FROM updates WHERE wall_id = ? ORDER BY seq`),
      append: this.db.prepare(`INSERT INTO updates (wall_id, data) VALUES (?, ?)`),
      setSnapshot: this.db.prepare(`UPDATE walls SET snapshot = ?, snapshot_seq = ? WHERE id = ?`),
      deleteUpTo: this.db.prepare(`DELETE FROM updates WHERE wall_id = ? AND seq <= ?`),
      deleteWall: this.db.prepare(`DELETE FROM walls WHERE id = ?`),
      deleteExpiredCodes: this.db.prepare(`DELETE FROM join_codes WHERE expires_at <= ?`),
      codeOwner: this.db.prepare(`SELECT wall_id FROM join_codes WHERE lookup = ?`),
      deleteWallCodes: this.db.prepare(`DELETE FROM join_codes WHERE wall_id = ?`),
      insertCode: this.db.prepare(`INSERT INTO join_codes (${JOIN_CODE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`),
      codeByLookup: this.db.prepare(`SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE lookup = ? AND expires_at > ?`),
      codeOfWall: this.db.prepare(`SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE wall_id = ? AND token_hash = ? AND expires_at > ?`),
    };
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

  async loadState(id: string): Promise<StoredState> {
    // One read transaction, so a compaction cannot slip between the snapshot and the updates.
    return this.db.transaction(() => {
      const found = this.stmt.snapshot.get(id);
      if (found === undefined) throw new WallNotFoundError(id);
      const snap = SnapshotRow.parse(found);
      const rows = z.array(UpdateRow).parse(this.stmt.updates.all(id));
      const last = rows[rows.length - 1];
      return {
        updates: [new Uint8Array(snap.snapshot), ...rows.map((r) => new Uint8Array(r.data))],
        lastSeq: last ? Math.max(last.seq, snap.snapshot_seq) : snap.snapshot_seq,
      };
    })();
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    try {
      return Number(this.stmt.append.run(id, update).lastInsertRowid);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new WallNotFoundError(id);
      throw err;
    }
  }

  async compact(id: string, mergedState: Uint8Array, uptoSeq: number): Promise<void> {
    this.db.transaction(() => {
      const found = this.stmt.snapshot.get(id);
      if (found === undefined) throw new WallNotFoundError(id);
      if (uptoSeq < SnapshotRow.parse(found).snapshot_seq) return; // a newer compaction won
      this.stmt.setSnapshot.run(mergedState, uptoSeq, id);
      this.stmt.deleteUpTo.run(id, uptoSeq);
    })();
  }

  async deleteWall(id: string): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteUpdates.run(id);
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

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
