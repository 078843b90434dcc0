import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/storage/memoryStore';
import { DB_FILE, SqliteStore } from '../../server/storage/sqliteStore';
import { makeRecord, storeContract } from './storage.contract';

storeContract('MemoryStore', async () => {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
});

storeContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-store-'));
  let store = new SqliteStore(dir);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = new SqliteStore(dir);
      return store;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteStore specifics', () => {
  it('creates DATA_DIR and uses WAL', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pajaseina-store-')), 'nested', 'data');
    const store = new SqliteStore(dir);
    await store.close();
    const db = new Database(join(dir, DB_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a row that does not match the schema instead of returning it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pajaseina-store-'));
    const store = new SqliteStore(dir);
    const record = makeRecord();
    await store.createWall(record, new Uint8Array([0, 0]));
    const raw = new Database(join(dir, DB_FILE));
    raw.prepare(`UPDATE walls SET language = 'de' WHERE id = ?`).run(record.id);
    raw.close();
    await expect(store.getWall(record.id)).rejects.toThrow();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the access columns and the join_codes table to a database made before them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pajaseina-store-'));
    const record = makeRecord();
    const old = new Database(join(dir, DB_FILE));
    old.exec(`CREATE TABLE walls (id TEXT PRIMARY KEY, title TEXT NOT NULL, language TEXT NOT NULL,
      token_hashes TEXT NOT NULL, created_at INTEGER NOT NULL, snapshot BLOB NOT NULL, snapshot_seq INTEGER NOT NULL DEFAULT 0)`);
    old.prepare(`INSERT INTO walls (id, title, language, token_hashes, created_at, snapshot) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(record.id, record.title, record.language, JSON.stringify(record.tokenHashes), record.createdAt, Buffer.from([0, 0]));
    old.close();
    const store = new SqliteStore(dir);
    expect(await store.getWall(record.id)).toEqual({ ...record, groupTokenHashes: {}, deleteAt: null });
    await store.setDeleteAt(record.id, 42);
    expect(await store.dueForDeletion(42)).toEqual([record.id]);
    // The join_codes table is created for it as well.
    const code = { lookup: 'ab'.repeat(32), wallId: record.id, tokenHash: 'cd'.repeat(32), sealedToken: new Uint8Array([1]), sealedCode: new Uint8Array([2]), expiresAt: 99 };
    expect(await store.putJoinCode(code, 1)).toBe(true);
    expect(await store.getJoinCode(code.lookup, 1)).toEqual(code);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens with secure_delete on, so compaction leaves no old bytes in free pages either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pajaseina-store-'));
    const store = new SqliteStore(dir);
    const record = makeRecord();
    await store.createWall(record, new Uint8Array([0, 0]));
    const marker = Buffer.from('VANHA-PAIVITYS-777');
    const seq = await store.appendUpdate(record.id, new Uint8Array(Buffer.concat([marker, Buffer.alloc(4000, 1)])));
    await store.compact(record.id, new Uint8Array([0, 0]), seq);
    await store.close(); // closing the last connection checkpoints the WAL into the database
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    expect(files.some((bytes) => bytes.includes(marker))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no byte of a snapshot part on disk once the next compaction replaced it or the wall is deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pajaseina-store-'));
    const store = new SqliteStore(dir);
    const [kept, deleted] = [makeRecord(), makeRecord()];
    const part = (text: string) => new Uint8Array(Buffer.concat([Buffer.from(text), Buffer.alloc(4000, 1)]));
    for (const record of [kept, deleted]) {
      await store.createWall(record, new Uint8Array([0, 0]));
      await store.compact(record.id, [new Uint8Array([0, 0]), part(`OSA-${record.id}-1`), part(`OSA-${record.id}-2`)], 0);
      expect((await store.loadState(record.id)).snapshotParts).toBe(3);
    }
    await store.compact(kept.id, new Uint8Array([0, 0]), 0);
    await store.deleteWall(deleted.id);
    await store.close();
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    for (const record of [kept, deleted]) {
      expect(files.some((bytes) => bytes.includes(Buffer.from(`OSA-${record.id}`)))).toBe(false);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
