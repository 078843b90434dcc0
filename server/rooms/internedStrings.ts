/**
 * One copy of each short string the server's Yjs decodes, shared by every wall.
 *
 * Yjs decodes every string of an update as a new string: every note's field names ("groupId",
 * "text", "color", "order", …, each an Item's parentSub and its map's key), and short values such
 * as colours and group ids, are separate copies in every note of every loaded wall. Decoded here
 * through a table, equal short strings are one string: a 100-note wall held 4-7 % less heap
 * (16-28 KiB of about 370, docs/performance.md, session 11).
 *
 * The table is bounded: strings longer than INTERN_MAX_LENGTH pass through as they are, and once
 * it holds INTERN_TABLE_SIZE strings it is emptied and fills again. Short note texts pass through
 * it too (Yjs reads a note's text and a field name through the same method); a client sending
 * unique short strings only makes it empty more often, and field names are back in it at their
 * next use. What a wall already holds stays shared whatever happens to the table later.
 *
 * Installed on Yjs's V1 update decoder (the only format the y-websocket protocol carries), which
 * every Y.applyUpdate, Y.decodeUpdate and Y.mergeUpdates of the process reads through.
 * tests/unit/internedStrings.test.ts fails if Yjs stops reading strings through these methods.
 */
import * as Y from 'yjs';

/** Longer strings are note texts or the like: rarely equal, not worth a lookup. */
export const INTERN_MAX_LENGTH = 32;
/** Field names, colours and a wall's group ids fit many times over. */
export const INTERN_TABLE_SIZE = 1024;

const table = new Map<string, string>();

function intern(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return s;
  const known = table.get(s);
  if (known !== undefined) return known;
  if (table.size >= INTERN_TABLE_SIZE) table.clear();
  table.set(s, s);
  return s;
}

let installed = false;

/** Makes Yjs's V1 decoder hand out interned strings. Idempotent. */
export function internDecodedStrings(): void {
  if (installed) return;
  installed = true;
  const decoder = Y.UpdateDecoderV1.prototype;
  const readString = decoder.readString;
  decoder.readString = function (this: Y.UpdateDecoderV1) {
    return intern(readString.call(this));
  };
  const readAny = decoder.readAny;
  decoder.readAny = function (this: Y.UpdateDecoderV1) {
    const value: unknown = readAny.call(this);
    return typeof value === 'string' ? intern(value) : value;
  };
}

/** @internal For tests: whether `s` is in the table now, and how many strings it holds. */
export const internedNow = { has: (s: string) => table.has(s), size: () => table.size };
