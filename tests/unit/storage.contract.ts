/**
 * The Store contract. Every implementation runs this one suite (see storage.test.ts), so the
 * room code can rely on the same behaviour from SQLite, memory and any later backend.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHash, randomBytes } from 'node:crypto';
import { randomId } from '../../shared/ids';
import { encodeStateInParts, STATE_PART_BYTES, STATE_PART_STRUCTS } from '../../server/rooms/stateInParts';
import type { NewWallRecord, Store, StoredJoinCode } from '../../server/storage/store';

export interface StoreFixture {
  store: Store;
  /** Closes the store and opens a new one on the same data, for durable implementations. */
  reopen?: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

const hash = () => createHash('sha256').update(randomBytes(24)).digest('hex');

export function makeRecord(overrides: Partial<NewWallRecord> = {}): NewWallRecord {
  return {
    id: randomId(16),
    title: 'Työpaja',
    language: 'fi',
    tokenHashes: { facilitator: hash(), participant: hash(), viewer: hash() },
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** A doc whose every change is one update, so tests can replay them in any grouping. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap<number>('m');
  return { doc, updates, set: (k: string, v: number) => map.set(k, v) };
}

/** A wall of `notes` notes from one writer: big enough that its state comes in several parts. */
export function bigDoc(notes = 1500): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<Y.Map<string>>('notes');
  doc.transact(() => {
    for (let i = 0; i < notes; i++) {
      const note = new Y.Map<string>();
      note.set('text', `Idea ${i}: lorem ipsum`);
      note.set('color', 'yellow');
      note.set('groupId', `g${i % 3}`);
      map.set(`n${i}`, note);
    }
  });
  return doc;
}

/** Every snapshot part stays within what stateInParts cuts: the bound a cold load's step relies on. */
export function expectBoundedParts(parts: readonly Uint8Array[]): void {
  // A part closes once it reaches the bound, so it may pass it by its last struct.
  for (const part of parts) expect(part.byteLength).toBeLessThan(STATE_PART_BYTES + 1024);
  for (const part of parts) expect(Y.decodeUpdate(part).structs.length).toBeLessThanOrEqual(STATE_PART_STRUCTS);
}

export const notesJson = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getMap('notes').toJSON();
};

function joinCode(wallId: string, overrides: Partial<StoredJoinCode> = {}): StoredJoinCode {
  return {
    lookup: randomBytes(32).toString('hex'),
    wallId,
    tokenHash: hash(),
    sealedToken: new Uint8Array(randomBytes(60)),
    sealedCode: new Uint8Array(randomBytes(34)),
    expiresAt: 2_000,
    ...overrides,
  };
}

function replay(updates: Uint8Array[]): Y.Map<number> {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getMap<number>('m');
}

export function storeContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    async function withStore(fn: (f: StoreFixture) => Promise<void>) {
      const f = await open();
      try {
        await fn(f);
      } finally {
        await f.cleanup();
      }
    }

    it('creates a wall and reads its record back', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        expect(await store.getWall(record.id)).toEqual({ ...record, groupTokenHashes: {}, deleteAt: null });
        expect(await store.getWall(randomId(16))).toBeUndefined();
      }));

    it('refuses a second wall with the same id', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        await expect(store.createWall(record, new Uint8Array([0, 0]))).rejects.toThrow(/exists/);
      }));

    it('loads the initial update first, then appended updates in order with growing seqs', () =>
      withStore(async ({ store }) => {
        const w = writer();
        w.set('a', 1);
        const record = makeRecord();
        await store.createWall(record, w.updates[0]!);
        const seqs: number[] = [];
        for (let i = 0; i < 5; i++) {
          w.set(`k${i}`, i);
          seqs.push(await store.appendUpdate(record.id, w.updates[w.updates.length - 1]!));
        }
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(5);
        const state = await store.loadState(record.id);
        expect(state.updates).toHaveLength(6);
        expect(state.lastSeq).toBe(seqs[4]);
        state.updates.forEach((u, i) => expect(Buffer.from(u).equals(Buffer.from(w.updates[i]!))).toBe(true));
      }));

    it('rejects appends and loads for an unknown wall', () =>
      withStore(async ({ store }) => {
        await expect(store.appendUpdate(randomId(16), new Uint8Array([0, 0]))).rejects.toThrow(/not found/);
        await expect(store.loadState(randomId(16))).rejects.toThrow(/not found/);
      }));

    it('compaction replaces the snapshot and drops only the updates it covers', () =>
      withStore(async ({ store }) => {
        const w = writer();
        w.set('init', 0);
        const record = makeRecord();
        await store.createWall(record, w.updates[0]!);
        let covered = 0;
        for (let i = 1; i <= 4; i++) {
          w.set(`k${i}`, i);
          const seq = await store.appendUpdate(record.id, w.updates[i]!);
          if (i === 2) covered = seq;
        }
        const upToTwo = new Y.Doc();
        for (const u of w.updates.slice(0, 3)) Y.applyUpdate(upToTwo, u);
        await store.compact(record.id, Y.encodeStateAsUpdate(upToTwo), covered);
        const state = await store.loadState(record.id);
        expect(state.updates).toHaveLength(3); // snapshot + k3 + k4
        expect(replay(state.updates).toJSON()).toEqual(w.doc.getMap('m').toJSON());
      }));

    it('keeps a snapshot given in parts, and replaces the parts at the next compaction', () =>
      withStore(async (f) => {
        const w = writer();
        w.set('init', 0);
        const record = makeRecord();
        await f.store.createWall(record, w.updates[0]!);
        let covered = 0;
        for (let i = 1; i <= 40; i++) {
          w.set(`k${i % 7}`, i);
          const seq = await f.store.appendUpdate(record.id, w.updates[i]!);
          if (i === 30) covered = seq;
        }
        const upTo30 = new Y.Doc();
        for (const u of w.updates.slice(0, 31)) Y.applyUpdate(upTo30, u);
        // Small parts, so even this little doc comes in several.
        const parts = encodeStateInParts(upTo30, 16);
        expect(parts.length).toBeGreaterThan(2);
        await f.store.compact(record.id, parts, covered);
        const state = await f.store.loadState(record.id);
        // The parts as they are, or merged and cut again (PostgreSQL, which makes one of so small a doc); then the ten later updates.
        expect([1, parts.length]).toContain(state.snapshotParts);
        expect(state.updates).toHaveLength(state.snapshotParts + 10);
        expect(replay(state.updates).toJSON()).toEqual(w.doc.getMap('m').toJSON());
        const reopened = f.reopen ? await f.reopen() : f.store;
        expect(replay((await reopened.loadState(record.id)).updates).toJSON()).toEqual(w.doc.getMap('m').toJSON());
        // A later compaction in one piece leaves none of the old parts behind.
        await reopened.compact(record.id, Y.encodeStateAsUpdate(w.doc), state.lastSeq);
        const after = await reopened.loadState(record.id);
        expect(after.updates).toHaveLength(1);
        expect(after.snapshotParts).toBe(1);
        expect(replay(after.updates).toJSON()).toEqual(w.doc.getMap('m').toJSON());
      }));

    it('loads a big wall compacted in parts as bounded parts that give the same doc', () =>
      withStore(async (f) => {
        const doc = bigDoc();
        const record = makeRecord();
        await f.store.createWall(record, Y.encodeStateAsUpdate(new Y.Doc()));
        const seq = await f.store.appendUpdate(record.id, Y.encodeStateAsUpdate(doc));
        await f.store.compact(record.id, encodeStateInParts(doc), seq);
        const reopened = f.reopen ? await f.reopen() : f.store;
        const state = await reopened.loadState(record.id);
        expect(state.snapshotParts).toBeGreaterThan(1);
        expect(state.updates).toHaveLength(state.snapshotParts);
        expectBoundedParts(state.updates);
        expect(notesJson(state.updates)).toEqual(doc.getMap('notes').toJSON());
      }));

    it('ignores a compaction older than the current snapshot', () =>
      withStore(async ({ store }) => {
        const w = writer();
        w.set('init', 0);
        const record = makeRecord();
        await store.createWall(record, w.updates[0]!);
        w.set('a', 1);
        const s1 = await store.appendUpdate(record.id, w.updates[1]!);
        w.set('b', 2);
        const s2 = await store.appendUpdate(record.id, w.updates[2]!);
        await store.compact(record.id, Y.encodeStateAsUpdate(w.doc), s2);
        const stale = new Y.Doc();
        Y.applyUpdate(stale, w.updates[0]!);
        Y.applyUpdate(stale, w.updates[1]!);
        await store.compact(record.id, Y.encodeStateAsUpdate(stale), s1);
        expect(replay((await store.loadState(record.id)).updates).toJSON()).toEqual({ init: 0, a: 1, b: 2 });
      }));

    it('compaction while appends continue loses nothing', () =>
      withStore(async ({ store }) => {
        const client = writer();
        client.set('init', 0);
        const record = makeRecord();
        await store.createWall(record, client.updates[0]!);
        // The server side: a doc that has applied exactly the updates up to `applied`. Each
        // update is applied a macrotask after its append, so compactions land in that window.
        const server = new Y.Doc();
        Y.applyUpdate(server, client.updates[0]!);
        let applied = 0;
        let done = false;
        let compactions = 0;
        const tick = () => new Promise((resolve) => setImmediate(resolve));
        const appender = (async () => {
          for (let i = 1; i <= 200; i++) {
            client.set(`k${i}`, i);
            const update = client.updates[i]!;
            const seq = await store.appendUpdate(record.id, update);
            await tick();
            Y.applyUpdate(server, update);
            applied = seq;
            // A slow store (PostgreSQL) compacts less often than appends arrive: make sure the
            // two really interleave, at least once every 20 appends.
            while (i % 20 === 0 && compactions < i / 20) await tick();
          }
          done = true;
        })();
        const compactor = (async () => {
          while (!done) {
            await store.compact(record.id, Y.encodeStateAsUpdate(server), applied);
            compactions++;
            await tick();
          }
        })();
        const work = [appender, compactor];
        await Promise.all(work);
        const state = await store.loadState(record.id);
        expect(compactions).toBeGreaterThanOrEqual(10);
        expect(state.updates.length).toBeLessThan(201);
        expect(replay(state.updates).toJSON()).toEqual(client.doc.getMap('m').toJSON());
        expect(replay(state.updates).size).toBe(201);
      }));

    it('deletes a wall with its updates', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        await store.appendUpdate(record.id, new Uint8Array([0, 0]));
        await store.deleteWall(record.id);
        expect(await store.getWall(record.id)).toBeUndefined();
        await expect(store.loadState(record.id)).rejects.toThrow(/not found/);
      }));

    it('replaces a role token hash and returns the old one', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        const next = hash();
        expect(await store.replaceTokenHash(record.id, { role: 'viewer' }, next)).toBe(record.tokenHashes.viewer);
        const wall = await store.getWall(record.id);
        expect(wall?.tokenHashes).toEqual({ ...record.tokenHashes, viewer: next });
        await expect(store.replaceTokenHash(randomId(16), { role: 'viewer' }, next)).rejects.toThrow(/not found/);
      }));

    it('adds and replaces group link hashes', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        const [a, b, c] = [hash(), hash(), hash()];
        expect(await store.replaceTokenHash(record.id, { groupId: 'g1' }, a)).toBeNull();
        expect(await store.replaceTokenHash(record.id, { groupId: 'g2' }, b)).toBeNull();
        expect(await store.replaceTokenHash(record.id, { groupId: 'g1' }, c)).toBe(a);
        expect((await store.getWall(record.id))?.groupTokenHashes).toEqual({ g1: c, g2: b });
        expect((await store.getWall(record.id))?.tokenHashes).toEqual(record.tokenHashes);
      }));

    it('sets, clears and finds deletion dates', () =>
      withStore(async ({ store }) => {
        const [a, b, c] = [makeRecord(), makeRecord(), makeRecord()];
        for (const r of [a, b, c]) await store.createWall(r, new Uint8Array([0, 0]));
        await store.setDeleteAt(a.id, 1000);
        await store.setDeleteAt(b.id, 5000);
        await store.setDeleteAt(c.id, 10);
        await store.setDeleteAt(c.id, null);
        expect((await store.dueForDeletion(999)).sort()).toEqual([]);
        expect((await store.dueForDeletion(1000)).sort()).toEqual([a.id]);
        expect((await store.dueForDeletion(6000)).sort()).toEqual([a.id, b.id].sort());
        expect((await store.getWall(b.id))?.deleteAt).toBe(5000);
        await expect(store.setDeleteAt(randomId(16), 1)).rejects.toThrow(/not found/);
      }));

    it('a deleted wall cannot be brought back by a late append or compaction', () =>
      withStore(async ({ store }) => {
        const record = makeRecord();
        await store.createWall(record, new Uint8Array([0, 0]));
        await store.deleteWall(record.id);
        await expect(store.appendUpdate(record.id, new Uint8Array([0, 0]))).rejects.toThrow(/not found/);
        await expect(store.compact(record.id, new Uint8Array([0, 0]), 5)).rejects.toThrow(/not found/);
        expect(await store.getWall(record.id)).toBeUndefined();
        await store.deleteWall(record.id); // a second delete is a no-op
      }));

    it('keeps walls apart', () =>
      withStore(async ({ store }) => {
        const a = makeRecord();
        const b = makeRecord({ title: 'Toinen', language: 'sv' });
        await store.createWall(a, new Uint8Array([0, 0]));
        await store.createWall(b, new Uint8Array([0, 0]));
        await store.appendUpdate(a.id, new Uint8Array([0, 0]));
        expect((await store.loadState(a.id)).updates).toHaveLength(2);
        expect((await store.loadState(b.id)).updates).toHaveLength(1);
        expect((await store.getWall(b.id))?.language).toBe('sv');
      }));

    it('keeps every committed update when reopened', async () => {
      const f = await open();
      if (!f.reopen) {
        // Not durable by design: the suite asserts that much so this test still checks something.
        expect(f.reopen).toBeUndefined();
        return f.cleanup();
      }
      try {
        const w = writer();
        w.set('init', 0);
        const record = makeRecord();
        await f.store.createWall(record, w.updates[0]!);
        for (let i = 1; i <= 10; i++) {
          w.set(`k${i}`, i);
          await f.store.appendUpdate(record.id, w.updates[i]!);
        }
        const reopened = await f.reopen();
        await reopened.replaceTokenHash(record.id, { groupId: 'g1' }, hash());
        await reopened.setDeleteAt(record.id, 1234);
        const again = await f.reopen();
        expect(await again.getWall(record.id)).toMatchObject({ ...record, deleteAt: 1234 });
        expect(Object.keys((await again.getWall(record.id))!.groupTokenHashes)).toEqual(['g1']);
        expect(replay((await again.loadState(record.id)).updates).toJSON()).toEqual(w.doc.getMap('m').toJSON());
      } finally {
        await f.cleanup();
      }
    });

    describe('join codes', () => {
      it('stores a code and finds it by lookup and by wall and token, until it expires', () =>
        withStore(async ({ store }) => {
          const record = makeRecord();
          await store.createWall(record, new Uint8Array([0, 0]));
          const code = joinCode(record.id);
          expect(await store.putJoinCode(code, 1_000)).toBe(true);
          expect(await store.getJoinCode(code.lookup, 1_999)).toEqual(code);
          expect(await store.joinCodeFor(record.id, code.tokenHash, 1_999)).toEqual(code);
          expect(await store.joinCodeFor(record.id, hash(), 1_999)).toBeUndefined();
          expect(await store.getJoinCode(joinCode(record.id).lookup, 1_999)).toBeUndefined();
          expect(await store.getJoinCode(code.lookup, 2_000)).toBeUndefined();
          expect(await store.joinCodeFor(record.id, code.tokenHash, 2_000)).toBeUndefined();
        }));

      it('keeps one code per wall: a new one (or the same with a new expiry) replaces the old', () =>
        withStore(async ({ store }) => {
          const record = makeRecord();
          await store.createWall(record, new Uint8Array([0, 0]));
          const first = joinCode(record.id);
          const second = joinCode(record.id);
          await store.putJoinCode(first, 1_000);
          expect(await store.putJoinCode(second, 1_000)).toBe(true);
          expect(await store.getJoinCode(first.lookup, 1_000)).toBeUndefined();
          expect(await store.getJoinCode(second.lookup, 1_000)).toEqual(second);
          expect(await store.putJoinCode({ ...second, expiresAt: 5_000 }, 1_500)).toBe(true);
          expect((await store.getJoinCode(second.lookup, 4_000))?.expiresAt).toBe(5_000);
        }));

      it("refuses a lookup another wall's live code holds, and takes it once that one expired", () =>
        withStore(async ({ store }) => {
          const [one, two] = [makeRecord(), makeRecord()];
          await store.createWall(one, new Uint8Array([0, 0]));
          await store.createWall(two, new Uint8Array([0, 0]));
          const code = joinCode(one.id);
          await store.putJoinCode(code, 1_000);
          const clash = joinCode(two.id, { lookup: code.lookup, expiresAt: 9_000 });
          expect(await store.putJoinCode(clash, 1_500)).toBe(false);
          expect(await store.getJoinCode(code.lookup, 1_500)).toEqual(code);
          expect(await store.joinCodeFor(two.id, clash.tokenHash, 1_500)).toBeUndefined();
          expect(await store.putJoinCode(clash, 2_000)).toBe(true);
          expect(await store.getJoinCode(code.lookup, 2_000)).toEqual(clash);
        }));

      it('rejects a code for an unknown wall, and a deleted wall takes its code with it', () =>
        withStore(async ({ store }) => {
          await expect(store.putJoinCode(joinCode(randomId(16)), 1_000)).rejects.toThrow(/not found/);
          const record = makeRecord();
          await store.createWall(record, new Uint8Array([0, 0]));
          const code = joinCode(record.id);
          await store.putJoinCode(code, 1_000);
          await store.deleteWall(record.id);
          expect(await store.getJoinCode(code.lookup, 1_000)).toBeUndefined();
        }));

      it('keeps a code across a reopen (durable stores)', async () => {
        const f = await open();
        if (!f.reopen) {
          expect(f.reopen).toBeUndefined();
          return f.cleanup();
        }
        try {
          const record = makeRecord();
          await f.store.createWall(record, new Uint8Array([0, 0]));
          const code = joinCode(record.id);
          await f.store.putJoinCode(code, 1_000);
          const reopened = await f.reopen();
          expect(await reopened.getJoinCode(code.lookup, 1_000)).toEqual(code);
        } finally {
          await f.cleanup();
        }
      });
    });
  });
}
