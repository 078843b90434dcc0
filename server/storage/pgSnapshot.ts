/**
 * A wall's snapshot in PostgreSQL, stored in parts as SQLite stores it: walls.snapshot is part 0,
 * the rest are rows of snapshot_parts. A snapshot written before parts existed is part 0 alone
 * and loads as it always did. Compaction (PgStore.compact) writes the parts mergeInParts.ts
 * makes, so a cold load of a big wall replays in slices instead of one long step.
 *
 * Readers and writers must agree on the layout: an instance from before parts reads part 0 only.
 * docs/deploy.md says so for upgrades.
 */
import type pg from 'pg';
import { z } from 'zod';
import { BigIntColumn, Bytes } from './pgColumns';

export const SNAPSHOT_PARTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshot_parts (
  wall_id TEXT NOT NULL REFERENCES walls(id) ON DELETE CASCADE,
  part    INTEGER NOT NULL,
  data    BYTEA NOT NULL,
  PRIMARY KEY (wall_id, part)
);
`;

/** Rows per INSERT when parts are written: far below PostgreSQL's 65 535 parameters a statement. */
const PARTS_PER_INSERT = 500;

const SnapshotRow = z.object({ snapshot: Bytes, snapshot_seq: BigIntColumn });
const PartRow = z.object({ data: Bytes });

/** Sent as it is: no copy of a part the size of a wall. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export interface StoredSnapshot {
  /** Part 0 first; at least one. */
  parts: Uint8Array[];
  /** The highest update seq the snapshot covers. */
  seq: number;
}

/**
 * The wall's snapshot, or undefined for an unknown wall. `lock` takes the row lock a compaction
 * holds until it commits: FOR NO KEY UPDATE, not UPDATE, so appends (whose foreign key takes KEY
 * SHARE on the row) go on meanwhile.
 */
export async function readSnapshot(c: pg.ClientBase, id: string, lock = false): Promise<StoredSnapshot | undefined> {
  const found = await c.query(`SELECT snapshot, snapshot_seq FROM walls WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [id]);
  if (found.rows.length === 0) return undefined;
  const first = SnapshotRow.parse(found.rows[0]);
  const rest = z.array(PartRow).parse((await c.query(`SELECT data FROM snapshot_parts WHERE wall_id = $1 ORDER BY part`, [id])).rows);
  return { parts: [first.snapshot, ...rest.map((r) => r.data)], seq: first.snapshot_seq };
}

/** Replaces the wall's snapshot, every old part with it; the caller's transaction makes it atomic. */
export async function writeSnapshot(c: pg.ClientBase, id: string, snapshot: StoredSnapshot, partsPerInsert = PARTS_PER_INSERT): Promise<void> {
  const [first, ...rest] = snapshot.parts;
  if (!first) throw new Error('a snapshot needs at least one part');
  await c.query(`UPDATE walls SET snapshot = $1, snapshot_seq = $2 WHERE id = $3`, [asBuffer(first), snapshot.seq, id]);
  await c.query(`DELETE FROM snapshot_parts WHERE wall_id = $1`, [id]);
  for (let start = 0; start < rest.length; start += partsPerInsert) {
    const batch = rest.slice(start, start + partsPerInsert);
    const rows = batch.map((_, i) => `($1, $${2 * i + 2}, $${2 * i + 3})`).join(', ');
    const values = batch.flatMap((part, i) => [start + i + 1, asBuffer(part)]);
    await c.query(`INSERT INTO snapshot_parts (wall_id, part, data) VALUES ${rows}`, [id, ...values]);
  }
}
