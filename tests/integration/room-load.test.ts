/**
 * Loading a wall from its stored updates: a long uncompacted log (replayed in slices, with the
 * event loop free between them) and a short one (one slice) give the same doc as the writer's,
 * and an unreadable stored update is skipped and logged, never making the wall unreachable.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Room } from '../../server/rooms/room';
import { MemoryStore } from '../../server/storage/memoryStore';
import { makeRecord } from '../unit/storage.contract';

const MiB = 1024 * 1024;

async function storedWall(updateCount: number) {
  const store = new MemoryStore();
  const record = makeRecord();
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const notes = doc.getMap<string>('notes');
  for (let i = 0; i < updateCount; i++) {
    // New keys and rewrites of old ones, so the log holds deletions as well.
    notes.set(`n${i % Math.ceil(updateCount / 2)}`, `text ${i}`);
  }
  await store.createWall(record, updates[0]!);
  for (const [i, update] of updates.entries()) {
    if (i === 0) continue;
    // One stored update is garbage (a torn write, a bug): it must be skipped, not fatal.
    if (i === 5) await store.appendUpdate(record.id, new Uint8Array([0xff, 0xff, 0xff, 0x01]));
    await store.appendUpdate(record.id, update);
  }
  return { store, id: record.id, expected: notes.toJSON() };
}

async function load(updateCount: number) {
  const { store, id, expected } = await storedWall(updateCount);
  const errors: { index?: number; msg: string }[] = [];
  const warnings: string[] = [];
  const log = {
    debug() {},
    info() {},
    warn: (_: object, msg: string) => warnings.push(msg),
    error: (obj: object, msg: string) => errors.push({ index: (obj as { index?: number }).index, msg }),
  };
  const room = new Room(id, store, { compactAfterUpdates: Number.MAX_SAFE_INTEGER, maxPendingBytes: MiB, log, onEmpty() {} });
  await room.load();
  const got = room.doc.getMap('notes').toJSON();
  room.destroy();
  return { got, expected, errors, warnings };
}

describe('Room.load', () => {
  it('replays a long log (20 000 updates) in slices to the same doc, skipping an unreadable update, letting timers run meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const { got, expected, errors, warnings } = await load(20_000);
    clearInterval(ticker);
    expect(warnings).toEqual([]);
    expect(got).toEqual(expected);
    expect(Object.keys(got)).toHaveLength(10_000);
    expect(errors).toEqual([{ index: 5, msg: 'skipped a stored update that failed to apply' }]);
    // The replay gave the event loop turns: one transaction for all would have given none.
    expect(ticks).toBeGreaterThan(1);
  });

  it('replays a short log inline with the same result', async () => {
    const { got, expected, errors } = await load(40);
    expect(got).toEqual(expected);
    expect(Object.keys(got)).toHaveLength(20);
    expect(errors.map((e) => e.index)).toEqual([5]);
  });
});
