/**
 * A doc encoded in parts (server/rooms/stateInParts.ts) must be the doc: applied in order or
 * in any other order, the parts give the same content, state and deletions; joined, they are
 * byte for byte what Y.encodeStateAsUpdate writes (a new client gets that as its sync step 2).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { STATE_PART_BYTES, STATE_PART_RANGES, STATE_PART_STRUCTS, encodeStateInParts, encodeStateInPartsSliced, joinStateParts } from '../../server/rooms/stateInParts';

/**
 * Three clients editing one wall-like doc (nested maps, text, an array, overwrites, deletions)
 * so that each client only builds on what clients with higher ids wrote: the order in which
 * parts are written, so the doc can be split.
 */
function layeredDoc(): Y.Doc {
  const docs = [3000, 2000, 1000].map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return doc;
  });
  const sync = () => {
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  const [first, second, third] = docs as [Y.Doc, Y.Doc, Y.Doc];
  for (let round = 0; round < 30; round++) {
    const notes = first.getMap<Y.Map<unknown>>('notes');
    const note = new Y.Map<unknown>();
    note.set('text', `note ${round} ${'x'.repeat(round)}`);
    note.set('color', 'yellow');
    notes.set(`n${round}`, note);
    first.getText('title').insert(first.getText('title').length, `${round % 10}`);
    first.getArray<number>('order').push([round]);
    sync();
    second.getMap<Y.Map<unknown>>('notes').get(`n${round}`)?.set('color', 'green');
    if (round % 4 === 3) second.getMap('notes').delete(`n${round - 3}`);
    sync();
    third.getMap<Y.Map<unknown>>('notes').get(`n${round}`)?.set('color', 'blue');
    if (round % 5 === 4) third.getText('title').delete(0, 2);
    sync();
  }
  return first;
}

/** Three clients editing each other's notes back and forth: some struct points forward whatever the order. */
function tangledDoc(): Y.Doc {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const sync = () => {
    for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < 30; round++) {
    for (const [i, doc] of docs.entries()) {
      const notes = doc.getMap<Y.Map<unknown>>('notes');
      const note = new Y.Map<unknown>();
      note.set('text', `note ${round}/${i} ${'x'.repeat(round)}`);
      notes.set(`n${round}-${i}`, note);
      notes.get(`n${Math.max(0, round - 2)}-${(i + 1) % 3}`)?.set('color', 'green');
      doc.getText('title').insert(Math.min(doc.getText('title').length, round), `${i}`);
    }
    sync();
  }
  return docs[0]!;
}

/**
 * Round robin over 300 notes, as live edits come, with a value set once (kept) after each
 * overwrite: each old value is a deleted range of its own (2 700 of them).
 */
function overwrittenNotes(): Y.Doc {
  const doc = new Y.Doc();
  const notes = doc.getMap<Y.Map<string>>('notes');
  for (let n = 0; n < 300; n++) notes.set(`n${n}`, new Y.Map<string>());
  for (let round = 0; round < 10; round++) {
    for (let n = 0; n < 300; n++) {
      notes.get(`n${n}`)!.set('text', `t${round}`);
      notes.get(`n${n}`)!.set(`seen${round}`, 'y');
    }
  }
  return doc;
}

const contentOf = (doc: Y.Doc) => ({
  notes: doc.getMap('notes').toJSON(),
  title: doc.getText('title').toString(),
  order: doc.getArray('order').toJSON(),
});

function applied(parts: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc;
}

describe('encodeStateInParts', () => {
  it('gives the doc back in order and in reverse order, with the same state and deletions', () => {
    const doc = layeredDoc();
    const parts = encodeStateInParts(doc, 200);
    expect(parts.length).toBeGreaterThan(5);
    for (const order of [parts, [...parts].reverse()]) {
      const copy = applied(order);
      expect(contentOf(copy)).toEqual(contentOf(doc));
      expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
      expect(copy.store.pendingStructs).toBeNull();
      // Same deletions: nothing is left for either to send the other.
      expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
    }
  });

  it('joins back into exactly what Y.encodeStateAsUpdate writes', () => {
    const doc = layeredDoc();
    const parts = encodeStateInParts(doc, 200);
    expect(joinStateParts(parts)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('writes a doc whose clients build on each other both ways as one update (parts would wait in Yjs\'s pending structs)', () => {
    const doc = tangledDoc();
    const parts = encodeStateInParts(doc, 200);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('keeps a small doc in one part', () => {
    const doc = layeredDoc();
    const parts = encodeStateInParts(doc);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('closes a part at STATE_PART_STRUCTS structs, however few bytes they are (overwritten map values)', () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<Y.Map<string>>('notes');
    for (let n = 0; n < 300; n++) notes.set(`n${n}`, new Y.Map<string>());
    // Round robin over the notes, as live edits come: each old value stays as a deleted struct
    // of about 10 bytes that cannot merge with its neighbours.
    for (let round = 0; round < 10; round++) for (let n = 0; n < 300; n++) notes.get(`n${n}`)!.set('text', `t${round}`);
    const parts = encodeStateInParts(doc);
    expect(parts.reduce((sum, part) => sum + part.byteLength, 0)).toBeLessThan(STATE_PART_BYTES);
    const structCounts = parts.map((part) => Y.decodeUpdate(part).structs.length);
    expect(structCounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * STATE_PART_STRUCTS);
    expect(Math.max(...structCounts)).toBeLessThanOrEqual(STATE_PART_STRUCTS);
    expect(Y.encodeStateAsUpdate(applied(parts))).toEqual(Y.encodeStateAsUpdate(doc));
    expect(joinStateParts(parts)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('splits the delete set at STATE_PART_RANGES ranges into parts without structs, applied in any order and joined back', () => {
    const doc = overwrittenNotes();
    const ranges = [...Y.createDeleteSetFromStructStore(doc.store).clients.values()].reduce((sum, list) => sum + list.length, 0);
    expect(ranges).toBeGreaterThan(2 * STATE_PART_RANGES);
    const parts = encodeStateInParts(doc);
    const deletionParts = parts.filter((part) => Y.decodeUpdate(part).structs.length === 0);
    expect(deletionParts.length).toBe(Math.ceil(ranges / STATE_PART_RANGES));
    expect(parts.slice(-deletionParts.length)).toEqual(deletionParts);
    for (const part of deletionParts) {
      const counts = [...Y.decodeUpdate(part).ds.clients.values()].map((list) => list.length);
      expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(STATE_PART_RANGES);
    }
    for (const order of [parts, [...parts].reverse()]) {
      const copy = applied(order);
      expect(copy.store.pendingStructs).toBeNull();
      expect(copy.store.pendingDs).toBeNull();
      expect(Y.encodeStateAsUpdate(copy)).toEqual(Y.encodeStateAsUpdate(doc));
    }
    expect(joinStateParts(parts)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('splits the deletions of several clients, one client\'s ranges continuing in the next part', () => {
    const doc = layeredDoc();
    const parts = encodeStateInParts(doc, 200, STATE_PART_STRUCTS, 3);
    const deletionParts = parts.filter((part) => Y.decodeUpdate(part).structs.length === 0);
    expect(deletionParts.length).toBeGreaterThan(3);
    expect(Y.encodeStateAsUpdate(applied([...parts].reverse()))).toEqual(Y.encodeStateAsUpdate(doc));
    expect(joinStateParts(parts)).toEqual(Y.encodeStateAsUpdate(doc));
  });

  it('joins nothing that is not laid out as its parts', () => {
    const a = new Y.Doc();
    a.getMap('m').set('a', 1);
    const first = Y.encodeStateAsUpdate(a);
    a.getMap('m').set('b', 2);
    expect(joinStateParts([first, Y.encodeStateAsUpdate(a, Y.encodeStateVector(new Y.Doc()))])).toBeNull();
  });
});

describe('encodeStateInPartsSliced', () => {
  /** One client's big wall: thousands of notes, some rewritten, some deleted. */
  function bigDoc(): Y.Doc {
    const doc = new Y.Doc();
    const notes = doc.getMap<Y.Map<unknown>>('notes');
    for (let i = 0; i < 3000; i++) {
      const note = new Y.Map<unknown>();
      note.set('text', `note ${i} ${'text '.repeat(10)}`);
      notes.set(`n${i}`, note);
      if (i % 7 === 6) notes.get(`n${i - 3}`)!.set('color', 'green');
      if (i % 11 === 10) notes.delete(`n${i - 5}`);
    }
    return doc;
  }

  it('makes the same parts as the one-step encoding, over several turns of the event loop', async () => {
    const doc = bigDoc();
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const parts = await encodeStateInPartsSliced(doc, 0, 4 * 1024);
    clearInterval(ticker);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts).toEqual(encodeStateInParts(doc, 4 * 1024));
    expect(turns).toBeGreaterThan(1);
  });

  it('encodes the doc as it ends up when a transaction changes it in between', async () => {
    const doc = bigDoc();
    const encoding = encodeStateInPartsSliced(doc, 0, 4 * 1024);
    // Lands between two slices: splits an item in the middle of the struct lists being written.
    await new Promise((resolve) => setImmediate(resolve));
    doc.getMap<Y.Map<unknown>>('notes').get('n10')!.set('text', 'changed while encoding');
    doc.getMap('notes').delete('n20');
    const parts = await encoding;
    expect(joinStateParts(parts)).toEqual(Y.encodeStateAsUpdate(doc));
    const copy = new Y.Doc();
    for (const part of parts) Y.applyUpdate(copy, part);
    expect(copy.getMap('notes').toJSON()).toEqual(doc.getMap('notes').toJSON());
  });
});
