/**
 * The replay of a stored wall (server/rooms/roomLoad.ts): a snapshot's parts each in a
 * transaction of its own (so each one's cost, cleanup included, is known before the next), the
 * log after them batched, and no slice in the turns that read storage and answer the first
 * clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LoadOrigin, replayInSlices } from '../../server/rooms/roomLoad';
import { encodeStateInParts } from '../../server/rooms/stateInParts';

function storedWall(): { parts: Uint8Array[]; log: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const notes = doc.getMap<Y.Map<string>>('notes');
  for (let n = 0; n < 300; n++) {
    const note = new Y.Map<string>();
    note.set('text', `note ${n}`);
    notes.set(`n${n}`, note);
  }
  const parts = encodeStateInParts(doc, 64 * 1024, 100);
  const log: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => log.push(u));
  for (let n = 0; n < 40; n++) notes.get(`n${n}`)!.set('text', `edited ${n}`);
  return { parts, log, doc };
}

const never = () => false;
const fail = (index: number, err: unknown) => {
  throw new Error(`update ${index} failed: ${String(err)}`);
};

describe('replayInSlices', () => {
  it('applies each snapshot part in a transaction of its own and the log rows after them together', async () => {
    const { parts, log, doc } = storedWall();
    expect(parts.length).toBeGreaterThan(3);
    const copy = new Y.Doc();
    const origins: unknown[] = [];
    copy.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(await replayInSlices(copy, [...parts, ...log], parts.length, never, fail)).toBe(true);
    // One per part; the 40 log rows share one (or, on a loaded machine, a few).
    expect(origins.length).toBeGreaterThanOrEqual(parts.length + 1);
    expect(origins.length).toBeLessThan(parts.length + log.length / 4);
    expect(origins.every((origin) => origin === LoadOrigin)).toBe(true);
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('leaves the turn it starts in, and the next, to other work', async () => {
    const { parts } = storedWall();
    const copy = new Y.Doc();
    let turns = 0;
    let firstAt = -1;
    copy.on('afterTransaction', () => {
      if (firstAt < 0) firstAt = turns;
    });
    const ticking = { on: true };
    const tick = () => {
      turns++;
      if (ticking.on) setImmediate(tick);
    };
    setImmediate(tick);
    await replayInSlices(copy, parts, parts.length, never, fail);
    ticking.on = false;
    expect(firstAt).toBeGreaterThanOrEqual(2);
  });

  it('skips an update that cannot be applied, reports it and applies the rest', async () => {
    const { parts } = storedWall();
    const expected = new Y.Doc();
    for (const part of parts) Y.applyUpdate(expected, part);
    const broken = [...parts.slice(0, 1), new Uint8Array([0xff]), ...parts.slice(1)];
    const skipped: number[] = [];
    const copy = new Y.Doc();
    expect(await replayInSlices(copy, broken, broken.length, never, (index) => skipped.push(index))).toBe(false);
    expect(skipped).toEqual([1]);
    expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(expected));
  });

  it('applies nothing more once told to stop (the room went away)', async () => {
    const { parts } = storedWall();
    const copy = new Y.Doc();
    let transactions = 0;
    copy.on('afterTransaction', () => transactions++);
    await replayInSlices(copy, parts, parts.length, () => true, fail);
    expect(transactions).toBe(0);
  });

  it('collects the young generation after each snapshot part, not after log rows, when gc is exposed', async () => {
    const { parts, log } = storedWall();
    const copy = new Y.Doc();
    const events: string[] = [];
    copy.on('afterTransaction', () => events.push('part or log'));
    const holder = globalThis as { gc?: (options?: { type?: string }) => void };
    const before = holder.gc;
    holder.gc = (options) => void events.push(`gc ${options?.type}`);
    try {
      await replayInSlices(copy, [...parts, ...log], parts.length, never, fail);
    } finally {
      holder.gc = before;
    }
    const gcs = events.filter((e) => e.startsWith('gc'));
    expect(gcs).toEqual(parts.map(() => 'gc minor'));
    // Each part's transaction is followed by its scavenge; the log's come last, with none after.
    for (let p = 0; p < parts.length; p++) expect(events.slice(2 * p, 2 * p + 2)).toEqual(['part or log', 'gc minor']);
    expect(events.at(-1)).toBe('part or log');
  });

  it('replays as before when gc is not exposed', async () => {
    const { parts, log, doc } = storedWall();
    const holder = globalThis as { gc?: unknown };
    const before = holder.gc;
    delete holder.gc;
    try {
      const copy = new Y.Doc();
      expect(await replayInSlices(copy, [...parts, ...log], parts.length, never, fail)).toBe(true);
      expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
    } finally {
      if (before !== undefined) holder.gc = before;
    }
  });
});
