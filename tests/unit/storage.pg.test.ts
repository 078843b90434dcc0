/**
 * The Store contract against PostgreSQL: a throwaway server (tests/helpers/services.ts), one
 * fresh database per test so tests cannot see each other's walls.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateInParts, joinStateParts } from '../../server/rooms/stateInParts';
import { writeSnapshot } from '../../server/storage/pgSnapshot';
import { PgStore } from '../../server/storage/pgStore';
import { startPostgres, type Postgres } from '../helpers/services';
import { bigDoc, expectBoundedParts, makeRecord, notesJson, storeContract } from './storage.contract';

let server: Promise<Postgres> | undefined;
const postgres = () => (server ??= startPostgres());
afterAll(async () => {
  if (server) await (await server).stop();
});

async function freshStore() {
  const url = await (await postgres()).createDatabase();
  return { url, store: await PgStore.open(url) };
}

/** Runs SQL beside the store, as an operator (or an older version of the server) would. */
async function sql<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const storedPartRows = (url: string, wallId: string) =>
  sql(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM snapshot_parts WHERE wall_id = $1', [wallId])).rows[0].n));

/** A big wall created empty with its notes appended as one update: compacting it makes parts. */
async function bigWall(store: PgStore) {
  const doc = bigDoc();
  const record = makeRecord();
  await store.createWall(record, Y.encodeStateAsUpdate(new Y.Doc()));
  const seq = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(doc));
  return { doc, record, seq };
}

storeContract('PgStore', async () => {
  const fresh = await freshStore();
  let store = fresh.store;
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await PgStore.open(fresh.url);
      return store;
    },
    cleanup: () => store.close(),
  };
});

describe('PgStore specifics', () => {
  it('keeps an update the compacting doc had not seen yet (another instance appended it)', async () => {
    const { store } = await freshStore();
    try {
      const a = new Y.Doc();
      const b = new Y.Doc();
      const record = makeRecord();
      await store.createWall(record, Y.encodeStateAsUpdate(a));
      b.getMap('m').set('from-b', 1);
      const seqB = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(b));
      a.getMap('m').set('from-a', 2);
      const seqA = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(a));
      // Instance A compacts with its own doc, which lacks B's update, covering both seqs.
      await store.compact(record.id, Y.encodeStateAsUpdate(a), Math.max(seqA, seqB));
      const state = await store.loadState(record.id);
      expect(state.updates).toHaveLength(1);
      const loaded = new Y.Doc();
      for (const u of state.updates) Y.applyUpdate(loaded, u);
      expect(loaded.getMap('m').toJSON()).toEqual({ 'from-a': 2, 'from-b': 1 });
    } finally {
      await store.close();
    }
  });

  it("keeps what an earlier compaction put in the snapshot when a doc that lacks it compacts next", async () => {
    const { store } = await freshStore();
    try {
      const base = new Y.Doc();
      const record = makeRecord();
      await store.createWall(record, Y.encodeStateAsUpdate(base));
      // Instance A stores and compacts an update that instance B (cut off from Redis) never got.
      const a = new Y.Doc();
      a.getMap('m').set('from-a', 1);
      const seqA = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(a));
      await store.compact(record.id, Y.encodeStateAsUpdate(a), seqA);
      const b = new Y.Doc();
      b.getMap('m').set('from-b', 2);
      const seqB = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(b));
      await store.compact(record.id, Y.encodeStateAsUpdate(b), seqB);
      const loaded = new Y.Doc();
      for (const u of (await store.loadState(record.id)).updates) Y.applyUpdate(loaded, u);
      expect(loaded.getMap('m').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 });
    } finally {
      await store.close();
    }
  });

  it('stores a big wall compacted in one piece as bounded parts, which load as the same doc', async () => {
    const { store } = await freshStore();
    try {
      const { doc, record, seq } = await bigWall(store);
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), seq);
      const state = await store.loadState(record.id);
      expect(state.snapshotParts).toBeGreaterThan(1);
      expect(state.updates).toHaveLength(state.snapshotParts);
      expect(state.lastSeq).toBe(seq);
      expectBoundedParts(state.updates);
      expect(notesJson(state.updates)).toEqual(doc.getMap('notes').toJSON());
      // Laid out as stateInParts lays them out: a new client gets them joined by copying bytes.
      expect(joinStateParts(state.updates)).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it('keeps an update the compacting doc lacked when a big wall is cut into parts', async () => {
    const { store } = await freshStore();
    try {
      const { doc, record, seq } = await bigWall(store);
      // The lower client id, so its edit of a note is written after the note: with the higher
      // one, stateInParts would rightly keep the whole state one update (see its header).
      const other = new Y.Doc();
      other.clientID = 1;
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
      other.getMap<Y.Map<string>>('notes').get('n7')!.set('text', 'from another instance');
      other.getMap<Y.Map<string>>('notes').delete('n8');
      const otherSeq = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), Math.max(seq, otherSeq));
      const state = await store.loadState(record.id);
      expect(state.snapshotParts).toBeGreaterThan(1);
      expect(state.updates).toHaveLength(state.snapshotParts);
      expect(notesJson(state.updates)).toEqual(other.getMap('notes').toJSON());
    } finally {
      await store.close();
    }
  });

  it('keeps every part of the old snapshot when a doc that lacks them compacts next', async () => {
    const { store } = await freshStore();
    try {
      const { doc, record, seq } = await bigWall(store);
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), seq);
      expect((await store.loadState(record.id)).snapshotParts).toBeGreaterThan(2);
      // An instance that never loaded the wall (cut off from Redis) stores and compacts a note.
      const other = new Y.Doc();
      other.getMap('notes').set('elsewhere', 'from another instance');
      const otherSeq = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(other));
      await store.compact(record.id, Y.encodeStateAsUpdate(other), otherSeq);
      const state = await store.loadState(record.id);
      expect(state.snapshotParts).toBeGreaterThan(1);
      expect(notesJson(state.updates)).toEqual({ ...doc.getMap('notes').toJSON(), elsewhere: 'from another instance' });
    } finally {
      await store.close();
    }
  });

  it('replaces every old part at the next compaction', async () => {
    const { url, store } = await freshStore();
    try {
      const { doc, record, seq } = await bigWall(store);
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), seq);
      const before = await store.loadState(record.id);
      expect(await storedPartRows(url, record.id)).toBe(before.snapshotParts - 1);
      // Every note deleted: the collected doc needs fewer parts than before.
      const notes = doc.getMap('notes');
      doc.transact(() => [...notes.keys()].forEach((k) => notes.delete(k)));
      const deletedSeq = await store.appendUpdate(record.id, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)));
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), deletedSeq);
      const after = await store.loadState(record.id);
      expect(after.snapshotParts).toBeLessThan(before.snapshotParts);
      expect(await storedPartRows(url, record.id)).toBe(after.snapshotParts - 1);
      expect(after.updates).toHaveLength(after.snapshotParts);
      expect(notesJson(after.updates)).toEqual({});
    } finally {
      await store.close();
    }
  });

  it('a compaction that fails leaves the old parts and every row it would have deleted', async () => {
    const { url, store } = await freshStore();
    try {
      const { doc, record, seq } = await bigWall(store);
      await store.compact(record.id, Y.encodeStateAsUpdate(doc), seq);
      const before = await store.loadState(record.id);
      doc.getMap<Y.Map<string>>('notes').get('n1')!.set('text', 'later');
      await store.appendUpdate(record.id, Y.encodeStateAsUpdate(doc));
      // A row no Yjs can read (the store takes bytes as they come): the merge throws.
      const broken = await store.appendUpdate(record.id, new Uint8Array([1, 5, 0, 0]));
      await expect(store.compact(record.id, Y.encodeStateAsUpdate(doc), broken)).rejects.toThrow();
      const after = await store.loadState(record.id);
      expect(after.snapshotParts).toBe(before.snapshotParts);
      expect(after.updates).toHaveLength(before.snapshotParts + 2);
      expect(after.updates.slice(0, after.snapshotParts)).toEqual(before.updates);
      expect(await storedPartRows(url, record.id)).toBe(before.snapshotParts - 1);
    } finally {
      await store.close();
    }
  });

  it('writes the parts of a wall in several INSERTs when there are more than one takes, in order', async () => {
    const { url, store } = await freshStore();
    try {
      const doc = bigDoc();
      const record = makeRecord();
      await store.createWall(record, Y.encodeStateAsUpdate(new Y.Doc()));
      const parts = encodeStateInParts(doc);
      expect(parts.length).toBeGreaterThan(4);
      await sql(url, (c) => writeSnapshot(c, record.id, { parts, seq: 0 }, 2));
      const state = await store.loadState(record.id);
      expect(state.updates).toEqual(parts);
      expect(state.snapshotParts).toBe(parts.length);
    } finally {
      await store.close();
    }
  });

  it('loads a wall stored before snapshot parts existed, and compacts it into parts', async () => {
    const { url, store } = await freshStore();
    const doc = bigDoc();
    const record = makeRecord();
    // The database as a version before parts left it: no snapshot_parts table, the whole
    // snapshot in walls.snapshot, a later update in the log.
    await sql(url, (c) => c.query('DROP TABLE snapshot_parts'));
    await store.createWall(record, Y.encodeStateAsUpdate(doc));
    doc.getMap<Y.Map<string>>('notes').get('n3')!.set('color', 'green');
    await store.appendUpdate(record.id, Y.encodeStateAsUpdate(doc));
    await store.close();
    const upgraded = await PgStore.open(url);
    try {
      const state = await upgraded.loadState(record.id);
      expect(state.snapshotParts).toBe(1);
      expect(state.updates).toHaveLength(2);
      expect(notesJson(state.updates)).toEqual(doc.getMap('notes').toJSON());
      await upgraded.compact(record.id, Y.encodeStateAsUpdate(doc), state.lastSeq);
      const compacted = await upgraded.loadState(record.id);
      expect(compacted.snapshotParts).toBeGreaterThan(1);
      expect(notesJson(compacted.updates)).toEqual(doc.getMap('notes').toJSON());
    } finally {
      await upgraded.close();
    }
  });

  it('two instances opening an empty database at once both get the schema', async () => {
    const url = await (await postgres()).createDatabase();
    const stores = await Promise.all([PgStore.open(url), PgStore.open(url), PgStore.open(url)]);
    const record = makeRecord();
    await stores[0]!.createWall(record, new Uint8Array([0, 0]));
    expect((await stores[2]!.getWall(record.id))?.title).toBe(record.title);
    await Promise.all(stores.map((s) => s.close()));
  });
});
