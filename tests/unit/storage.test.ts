import { mkdtempSync, rmSync } from 'node:fs';
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
});
