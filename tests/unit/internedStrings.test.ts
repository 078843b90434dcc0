import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { INTERN_MAX_LENGTH, INTERN_TABLE_SIZE, internDecodedStrings, internedNow } from '../../server/rooms/internedStrings';

internDecodedStrings();
internDecodedStrings(); // idempotent: a second call must not wrap the decoder twice

/** A new doc decoded from `source`'s whole state, as a room loads or receives it. */
function decoded(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

describe('internDecodedStrings', () => {
  it("reads an update's field names and short values through the table, and long texts past it", () => {
    // Names no other test decodes: if Yjs stops reading them through readString and readAny,
    // they never reach the table and this fails.
    const field = `kenttä-${Math.random().toString(36).slice(2, 8)}`;
    const colour = `väri-${Math.random().toString(36).slice(2, 8)}`;
    const long = 'Asiakas kertoo, että ajanvaraus on vaikea löytää.';
    expect(long.length).toBeGreaterThan(INTERN_MAX_LENGTH);
    const source = new Y.Doc();
    const note = new Y.Map<unknown>();
    note.set(field, colour);
    note.set('text', long);
    source.getMap('notes').set('n1', note);

    const doc = decoded(source);

    expect(internedNow.has(field)).toBe(true);
    expect(internedNow.has(colour)).toBe(true);
    expect(internedNow.has(long)).toBe(false);
    expect(doc.getMap('notes').toJSON()).toEqual({ n1: { [field]: colour, text: long } });
  });

  it('stays bounded however many distinct short strings arrive, and decodes every one right', () => {
    const source = new Y.Doc();
    const notes = source.getMap<string>('notes');
    const count = 3 * INTERN_TABLE_SIZE;
    source.transact(() => {
      for (let i = 0; i < count; i++) notes.set(`n${i}`, `teksti ${i}`);
    });

    const doc = decoded(source).getMap<string>('notes');

    expect(internedNow.size()).toBeLessThanOrEqual(INTERN_TABLE_SIZE);
    expect(internedNow.size()).toBeGreaterThan(0);
    expect(doc.size).toBe(count);
    for (let i = 0; i < count; i += 97) expect(doc.get(`n${i}`)).toBe(`teksti ${i}`);
  });

  it('leaves values that are not strings as they are', () => {
    const source = new Y.Doc();
    const note = new Y.Map<unknown>();
    note.set('createdAt', 1_733_400_000_000);
    note.set('authorName', null);
    note.set('tags', ['a', 'b']);
    source.getMap('notes').set('n1', note);

    expect(decoded(source).getMap('notes').toJSON()).toEqual({ n1: { createdAt: 1_733_400_000_000, authorName: null, tags: ['a', 'b'] } });
  });
});
