/**
 * SqliteStore's compaction writes the snapshot in one transaction and deletes the update rows it
 * covers afterwards, DELETE_PAGE_ROWS at a time with turns of the event loop between. What must
 * hold: loadState never sees a covered row, an update appended while the pages are deleted is
 * never touched, close() leaves no covered row, and rows a stopped process left behind are
 * cleared when the database is opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DB_FILE, DELETE_PAGE_ROWS, SqliteStore } from '../../server/storage/sqliteStore';
import { makeRecord } from './storage.contract';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-compaction-pages-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Counts a wall's stored update rows over a second, read-only connection. */
function rowCounter(dir: string) {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  cleanups.push(() => void db.close());
  const count = db.prepare(`SELECT count(*) AS n FROM updates WHERE wall_id = ?`).pluck();
  return (id: string) => count.get(id) as number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Until `done`, giving the store's paced deletes time (a few seconds at most on a loaded machine). */
async function until(done: () => boolean) {
  for (let waited = 0; !done() && waited < 20_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A wall whose log is `count` single-key updates after the snapshot, and the writer's doc. */
async function longLog(store: SqliteStore, count: number) {
  const record = makeRecord();
  const doc = new Y.Doc();
  await store.createWall(record, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const items = doc.getMap<number>('items');
  let lastSeq = 0;
  const write = async (key: string, value: number) => {
    items.set(key, value);
    lastSeq = await store.appendUpdate(record.id, updates.at(-1)!);
    return lastSeq;
  };
  for (let i = 0; i < count; i++) await write(`k${i % 300}`, i);
  return { id: record.id, doc, write, lastSeq: () => lastSeq };
}

describe('SqliteStore compaction deletes the covered rows in pages', () => {
  it('after the snapshot is written, in turns of the event loop, never touching updates appended meanwhile', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    const rows = rowCounter(dir);
    const count = 2 * DELETE_PAGE_ROWS + 500;
    const wall = await longLog(store, count);
    const covered = wall.lastSeq();

    await store.compact(wall.id, Y.encodeStateAsUpdate(wall.doc), covered);
    // The snapshot is in, the covered rows are not all gone yet: they go a page per turn.
    expect(rows(wall.id)).toBeGreaterThan(DELETE_PAGE_ROWS);
    expect((await store.loadState(wall.id)).updates).toHaveLength(1);

    // Updates appended while the pages are deleted stay, and load after the snapshot.
    const later: number[] = [];
    for (let i = 0; i < 3; i++) {
      later.push(await wall.write(`later${i}`, i));
      await turn();
    }
    await until(() => rows(wall.id) <= later.length);
    expect(rows(wall.id)).toBe(later.length);
    const state = await store.loadState(wall.id);
    expect(state.updates).toHaveLength(1 + later.length);
    expect(state.lastSeq).toBe(later.at(-1));
    const loaded = new Y.Doc();
    for (const u of state.updates) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('items').toJSON()).toEqual(wall.doc.getMap('items').toJSON());
    await store.close();
  });

  it('close() deletes the covered rows still left, and a reopened store clears rows a stopped process left behind', async () => {
    const dir = tempDir();
    const store = new SqliteStore(dir);
    const wall = await longLog(store, 2 * DELETE_PAGE_ROWS);
    await store.compact(wall.id, Y.encodeStateAsUpdate(wall.doc), wall.lastSeq());
    await store.close(); // at once, before the pages had their turns
    const rows = rowCounter(dir);
    expect(rows(wall.id)).toBe(0);

    // A process that stopped after writing a snapshot but before deleting the rows under it.
    const raw = new Database(join(dir, DB_FILE));
    const insert = raw.prepare(`INSERT INTO updates (seq, wall_id, data) VALUES (?, ?, ?)`);
    for (let seq = 1; seq <= 10; seq++) insert.run(seq, wall.id, Buffer.from('left behind'));
    raw.close();
    expect(rows(wall.id)).toBe(10);

    const reopened = new SqliteStore(dir);
    expect((await reopened.loadState(wall.id)).updates).toHaveLength(1);
    await until(() => rows(wall.id) === 0);
    expect(rows(wall.id)).toBe(0);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await reopened.loadState(wall.id)).updates[0]!);
    expect(loaded.getMap('items').toJSON()).toEqual(wall.doc.getMap('items').toJSON());
    await reopened.close();
  });
});
