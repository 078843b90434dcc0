/**
 * PostgreSQL Store (the pg package), chosen by DATABASE_URL. Several server instances share one
 * database, so two things differ from SQLite:
 *
 * - Sequence numbers come from one BIGSERIAL shared by all walls. Two instances' appends can
 *   commit out of sequence order, so a reader may see seq 11 before seq 10 exists.
 * - A room's doc may lack updates another instance stored: in flight over Redis, or missed
 *   while its Redis connection was down and not yet resynced. So the new snapshot is the merge
 *   of the old snapshot, the caller's state and exactly the rows the compaction deletes, in one
 *   transaction: whatever the caller's doc lacked, nothing stored is ever dropped (merging
 *   something twice changes nothing). The merge runs in a worker thread, so a large wall's
 *   compaction does not stall the instance's other walls, and it comes out in bounded parts
 *   (pgSnapshot.ts), which a cold load replays in slices as it does SQLite's.
 *
 * PostgreSQL has no secure_delete: deleted rows stay on disk until VACUUM reuses their space
 * (docs/deploy.md says how to vacuum after wall deletions).
 */
import pg from 'pg';
import { z } from 'zod';
import { StoredDeleteAt, StoredWall } from '../../shared/schemas';
import { OffThreadMerger } from './mergeOffThread';
import { BigIntColumn, Bytes } from './pgColumns';
import { readSnapshot, SNAPSHOT_PARTS_SCHEMA, writeSnapshot } from './pgSnapshot';
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
  id                 TEXT PRIMARY KEY,
  title              TEXT NOT NULL,
  language           TEXT NOT NULL,
  token_hashes       TEXT NOT NULL,
  created_at         BIGINT NOT NULL,
  snapshot           BYTEA NOT NULL,
  snapshot_seq       BIGINT NOT NULL DEFAULT 0,
  group_token_hashes TEXT NOT NULL DEFAULT '{}',
  delete_at          BIGINT
);
CREATE TABLE IF NOT EXISTS updates (
  seq     BIGSERIAL PRIMARY KEY,
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  data    BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_wall ON updates (wall_id, seq);
CREATE TABLE IF NOT EXISTS join_codes (
  lookup       TEXT PRIMARY KEY,
  wall_id      TEXT NOT NULL UNIQUE REFERENCES walls(id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL,
  sealed_token BYTEA NOT NULL,
  sealed_code  BYTEA NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS join_codes_by_expiry ON join_codes (expires_at);
${SNAPSHOT_PARTS_SCHEMA}`;

/** Any 64-bit key: instances starting together take turns creating the schema. */
const SCHEMA_LOCK = 7_142_019_551;

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

const parseWallRow = wallRowParser(BigIntColumn);
const UpdateRow = z.object({ seq: BigIntColumn, data: Bytes });
const parseJoinCodeRow = joinCodeRowParser(BigIntColumn, Bytes);

const codeOf = (err: unknown) => (err as { code?: string }).code;

export class PgStore implements Store {
  private readonly merger = new OffThreadMerger();

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the tables if they are missing. */
  static async open(connectionString: string, poolSize = 10): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const store = new PgStore(pool);
    await store.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(SCHEMA);
    });
    return store;
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async createWall(record: NewWallRecord, initialUpdate: Uint8Array): Promise<void> {
    const r = StoredWall.parse(record);
    try {
      await this.pool.query(
        `INSERT INTO walls (id, title, language, token_hashes, created_at, snapshot) VALUES ($1, $2, $3, $4, $5, $6)`,
        [r.id, r.title, r.language, JSON.stringify(r.tokenHashes), r.createdAt, Buffer.from(initialUpdate)],
      );
    } catch (err) {
      if (codeOf(err) === PG_UNIQUE_VIOLATION) throw new DuplicateWallError(r.id);
      throw err;
    }
  }

  async getWall(id: string): Promise<WallRecord | undefined> {
    return this.readWall(this.pool, id);
  }

  private async readWall(db: pg.Pool | pg.PoolClient, id: string, forUpdate = false): Promise<WallRecord | undefined> {
    const { rows } = await db.query(
      `SELECT ${WALL_COLUMNS} FROM walls WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (rows.length === 0) return undefined;
    return parseWallRow(rows[0]);
  }

  async replaceTokenHash(id: string, target: TokenTarget, hash: string): Promise<string | null> {
    // The row lock makes two rotations at once take turns, so both cannot see the same old hash.
    return this.transaction(async (c) => {
      const wall = await this.readWall(c, id, true);
      if (!wall) throw new WallNotFoundError(id);
      const next = tokenColumnsAfter(wall, target, hash);
      await c.query(`UPDATE walls SET token_hashes = $1, group_token_hashes = $2 WHERE id = $3`, [next.tokenHashes, next.groupTokenHashes, id]);
      return next.old;
    });
  }

  async setDeleteAt(id: string, deleteAt: number | null): Promise<void> {
    const result = await this.pool.query(`UPDATE walls SET delete_at = $1 WHERE id = $2`, [StoredDeleteAt.parse(deleteAt), id]);
    if (result.rowCount === 0) throw new WallNotFoundError(id);
  }

  async dueForDeletion(now: number): Promise<string[]> {
    const { rows } = await this.pool.query(`SELECT id FROM walls WHERE delete_at IS NOT NULL AND delete_at <= $1`, [now]);
    return z.array(z.object({ id: z.string() })).parse(rows).map((r) => r.id);
  }

  async loadState(id: string): Promise<StoredState> {
    // One snapshot of the database, so a compaction cannot slip between the two reads.
    return this.transaction(async (c) => {
      const snap = await readSnapshot(c, id);
      if (!snap) throw new WallNotFoundError(id);
      const rows = z.array(UpdateRow).parse((await c.query(`SELECT seq, data FROM updates WHERE wall_id = $1 ORDER BY seq`, [id])).rows);
      const lastSeq = rows.reduce((max, r) => Math.max(max, r.seq), snap.seq);
      return { updates: [...snap.parts, ...rows.map((r) => r.data)], snapshotParts: snap.parts.length, lastSeq };
    }, 'REPEATABLE READ');
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    try {
      const { rows } = await this.pool.query(`INSERT INTO updates (wall_id, data) VALUES ($1, $2) RETURNING seq`, [id, Buffer.from(update)]);
      return BigIntColumn.parse(rows[0]?.seq);
    } catch (err) {
      if (codeOf(err) === PG_FOREIGN_KEY_VIOLATION) throw new WallNotFoundError(id);
      throw err;
    }
  }

  /**
   * The caller's parts are merged with the rest and the result cut into parts again (the merge
   * runs anyway, see above). Appends go on meanwhile (readSnapshot's lock lets them); they get
   * higher seqs and are not touched here.
   */
  async compact(id: string, snapshot: Snapshot, uptoSeq: number): Promise<void> {
    await this.transaction(async (c) => {
      const old = await readSnapshot(c, id, true);
      if (!old) throw new WallNotFoundError(id);
      if (uptoSeq < old.seq) return; // a newer compaction won
      // In seq order, as they were appended: merged in that order, no row waits for a later one.
      const deleted = await c.query(
        `WITH gone AS (DELETE FROM updates WHERE wall_id = $1 AND seq <= $2 RETURNING seq, data) SELECT data FROM gone ORDER BY seq`,
        [id, uptoSeq],
      );
      const covered = z.array(UpdateRow.pick({ data: true })).parse(deleted.rows).map((r) => r.data);
      const parts = await this.merger.mergeInParts([...old.parts, ...snapshotParts(snapshot), ...covered]);
      await writeSnapshot(c, id, { parts, seq: uptoSeq });
    });
  }

  async deleteWall(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM walls WHERE id = $1`, [id]); // updates and snapshot parts go by ON DELETE CASCADE
  }

  async putJoinCode(code: StoredJoinCode, now: number): Promise<boolean> {
    try {
      return await this.transaction(async (c) => {
        await c.query(`DELETE FROM join_codes WHERE expires_at <= $1`, [now]);
        const owner = await c.query(`SELECT wall_id FROM join_codes WHERE lookup = $1`, [code.lookup]);
        if (owner.rows.length > 0 && z.object({ wall_id: z.string() }).parse(owner.rows[0]).wall_id !== code.wallId) return false;
        await c.query(`DELETE FROM join_codes WHERE wall_id = $1`, [code.wallId]);
        await c.query(`INSERT INTO join_codes (${JOIN_CODE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
          code.lookup,
          code.wallId,
          code.tokenHash,
          Buffer.from(code.sealedToken),
          Buffer.from(code.sealedCode),
          code.expiresAt,
        ]);
        return true;
      });
    } catch (err) {
      if (codeOf(err) === PG_FOREIGN_KEY_VIOLATION) throw new WallNotFoundError(code.wallId);
      // Another instance stored the same lookup (or a code for this wall) at the same moment.
      if (codeOf(err) === PG_UNIQUE_VIOLATION) return false;
      throw err;
    }
  }

  async getJoinCode(lookup: string, now: number): Promise<StoredJoinCode | undefined> {
    const { rows } = await this.pool.query(`SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE lookup = $1 AND expires_at > $2`, [lookup, now]);
    return rows.length === 0 ? undefined : parseJoinCodeRow(rows[0]);
  }

  async joinCodeFor(wallId: string, tokenHash: string, now: number): Promise<StoredJoinCode | undefined> {
    const { rows } = await this.pool.query(
      `SELECT ${JOIN_CODE_COLUMNS} FROM join_codes WHERE wall_id = $1 AND token_hash = $2 AND expires_at > $3`,
      [wallId, tokenHash, now],
    );
    return rows.length === 0 ? undefined : parseJoinCodeRow(rows[0]);
  }

  async close(): Promise<void> {
    await this.merger.close();
    await this.pool.end();
  }
}
