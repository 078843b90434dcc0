/**
 * SqliteStore reads a long log in pages by seq, with turns of the event loop between them
 * (LOAD_PAGE_ROWS). The result must be what one read would give: the snapshot and every update
 * after it, in order, and never a mix of two snapshots when a compaction lands between pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOAD_PAGE_ROWS, SqliteStore } from '../../server/storage/sqliteStore';
import { makeRecord } from './storage.contract';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A wall whose log is `count` single-key updates after the snapshot, and the writer's doc. */
async function longLog(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-paged-'));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  const record = makeRecord();
  const doc = new Y.Doc();
  const seqs: number[] = [];
  const snapshot = Y.encodeStateAsUpdate(doc);
  await store.createWall(record, snapshot);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const items = doc.getMap<number>('items');
  const write = async (key: string, value: number) => {
    items.set(key, value);
    seqs.push(await store.appendUpdate(record.id, updates.at(-1)!));
  };
  for (let i = 0; i < count; i++) await write(`k${i % 500}`, i);
  return { store, id: record.id, doc, seqs, write, snapshot, updates };
}

const replay = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc.getMap('items').toJSON();
};

describe('SqliteStore.loadState in pages', () => {
  it('reads a log of several pages whole and in order, giving the event loop turns between pages', async () => {
    const count = 2 * LOAD_PAGE_ROWS + 7;
    const { store, id, doc, seqs } = await longLog(count);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const state = await store.loadState(id);
    clearInterval(ticker);
    expect(state.updates).toHaveLength(1 + count);
    expect(state.lastSeq).toBe(seqs.at(-1));
    expect(replay(state.updates)).toEqual(doc.getMap('items').toJSON());
    // Without pages the read is one synchronous call and no timer runs before it resolves.
    expect(turns).toBeGreaterThan(0);
    await store.close();
  });

  it('starts over when a compaction replaces the snapshot between two pages, losing no update appended meanwhile', async () => {
    const count = 2 * LOAD_PAGE_ROWS + 7;
    const { store, id, doc, seqs, write, snapshot, updates } = await longLog(count);
    const loading = store.loadState(id); // the first page is read now; the next after a turn
    // A compaction up to the middle of the log, then more appends, before the second page.
    const cut = LOAD_PAGE_ROWS + 3;
    await store.compact(id, Y.mergeUpdates([snapshot, ...updates.slice(0, cut + 1)]), seqs[cut]!);
    await write('late', -1);
    const state = await loading;
    expect(state.updates).toHaveLength(1 + (count - (cut + 1)) + 1);
    expect(state.lastSeq).toBe(seqs.at(-1));
    expect(replay(state.updates)).toEqual(doc.getMap('items').toJSON());
    expect(replay(state.updates).late).toBe(-1);
    await store.close();
  });
});
