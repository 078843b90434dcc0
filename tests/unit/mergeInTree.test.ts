/**
 * mergeInTree (server/rooms/roomLoad.ts), which merges a stored log for a client answered while
 * its wall loads: the same wall as applying every update, at every depth of the tree, and a row
 * that cannot be read makes it throw wherever in the log it is.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeInTree } from '../../server/rooms/roomLoad';

/** `count` updates from two writers: new notes, rewrites of earlier ones and deletions. */
function log(count: number): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const other = new Y.Doc();
  const updates: Uint8Array[] = [];
  // Each writer's own updates are logged and handed to the other (origin 'relayed': not again).
  for (const [from, to] of [[doc, other], [other, doc]] as const) {
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'relayed') return;
      updates.push(u);
      Y.applyUpdate(to, u, 'relayed');
    });
  }
  for (let i = 0; updates.length < count; i++) {
    const writer = i % 3 === 0 ? other : doc;
    const notes = writer.getMap<string>('notes');
    if (i % 7 === 6) notes.delete(`n${(i - 3) % 40}`);
    else notes.set(`n${i % 40}`, `text ${i}`);
  }
  return { updates, doc };
}

const wallOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { notes: doc.getMap('notes').toJSON(), stateVector: Y.encodeStateVector(doc), pending: doc.store.pendingStructs };
};

describe('mergeInTree', () => {
  // 1: handed back as it is; 2 and 32: one merge; 33: a lone row left for the second level;
  // 1 025: three levels.
  it.each([1, 2, 32, 33, 1_025])('merges %i updates into the wall they make', (count) => {
    const { updates, doc } = log(count);
    expect(updates).toHaveLength(count);
    const merged = wallOf(mergeInTree(updates));
    expect(merged.pending).toBeNull();
    expect(merged.notes).toEqual(doc.getMap('notes').toJSON());
    expect(merged.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it.each([0, 31, 32, 64])('throws when the row at %i of 65 cannot be read', (at) => {
    const { updates } = log(65);
    updates[at] = Uint8Array.of(200, 1, 2, 3);
    expect(() => mergeInTree(updates)).toThrow();
  });

  it('refuses an empty log', () => {
    expect(() => mergeInTree([])).toThrow('nothing to merge');
  });
});
