import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '../../bench/lib/notes';
import { WireIds } from '../../bench/lib/wireIds';

/** The fan-out bench's wire receivers read note ids from raw frames: it must find exactly the measured ones. */
describe('WireIds (bench fan-out wire receivers)', () => {
  const updatesOf = (write: (doc: Y.Doc) => void): Uint8Array[] => {
    const doc = new Y.Doc();
    const out: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => out.push(u));
    write(doc);
    return out;
  };

  it('finds the id of each note update, and none in a warm-up note', () => {
    const updates = updatesOf((doc) => {
      addNote(doc, 'warm-pajaseina-0', 'warm-up');
      for (let i = 1; i <= 12; i++) addNote(doc, `pajaseina-${i}`, `Note ${i}`);
    });
    const ids = new WireIds('pajaseina');
    expect(ids.find(updates[0]!)).toEqual([]);
    expect(ids.find(updates[1]!)).toEqual(['pajaseina-1']);
    expect(ids.find(updates[12]!)).toEqual(['pajaseina-12']);
  });

  it('finds every note of a merged frame once, and nothing of another server kind', () => {
    const updates = updatesOf((doc) => {
      for (let i = 1; i <= 150; i++) addNote(doc, `hocuspocus-${i}`, `Note ${i}`);
    });
    const merged = Y.mergeUpdates(updates);
    const found = new WireIds('hocuspocus').find(merged);
    expect(found).toHaveLength(150);
    expect(new Set(found).size).toBe(150);
    expect(found).toContain('hocuspocus-9');
    expect(found).toContain('hocuspocus-150');
    expect(new WireIds('pajaseina').find(merged)).toEqual([]);
  });

  it('finds ids in a frame that does not start at its buffer\'s first byte', () => {
    const [update] = updatesOf((doc) => addNote(doc, 'y-websocket-server-7', 'Note 7'));
    const framed = new Uint8Array(update!.length + 3);
    framed.set(update!, 3);
    expect(new WireIds('y-websocket-server').find(framed.subarray(3))).toEqual(['y-websocket-server-7']);
  });
});
