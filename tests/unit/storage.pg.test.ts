/**
 * The Store contract against PostgreSQL: a throwaway server (tests/helpers/services.ts), one
 * fresh database per test so tests cannot see each other's walls.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PgStore } from '../../server/storage/pgStore';
import { startPostgres, type Postgres } from '../helpers/services';
import { makeRecord, storeContract } from './storage.contract';

let server: Promise<Postgres> | undefined;
const postgres = () => (server ??= startPostgres());
afterAll(async () => {
  if (server) await (await server).stop();
});

async function freshStore() {
  const url = await (await postgres()).createDatabase();
  return { url, store: await PgStore.open(url) };
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

  it('two instances opening an empty database at once both get the schema', async () => {
    const url = await (await postgres()).createDatabase();
    const stores = await Promise.all([PgStore.open(url), PgStore.open(url), PgStore.open(url)]);
    const record = makeRecord();
    await stores[0]!.createWall(record, new Uint8Array([0, 0]));
    expect((await stores[2]!.getWall(record.id))?.title).toBe(record.title);
    await Promise.all(stores.map((s) => s.close()));
  });
});
