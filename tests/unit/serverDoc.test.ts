import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { serverDoc } from '../../server/rooms/serverDoc';

type WithObservers = { _observers: Map<string, Set<unknown>> };
const observers = (doc: Y.Doc) => (doc as unknown as WithObservers)._observers;

describe('serverDoc', () => {
  it("drops the handlers behind whenLoaded and whenSynced, where a plain Y.Doc keeps them", () => {
    // If Yjs or lib0 move them, the first expectation fails and serverDoc.ts needs a look.
    expect([...observers(new Y.Doc()).keys()].sort()).toEqual(['load', 'sync']);
    expect([...observers(serverDoc()).keys()]).toEqual([]);
  });

  it('is a working doc: updates apply, are observed and encode as usual', () => {
    const source = new Y.Doc();
    source.getMap('notes').set('a', 'yksi');
    const doc = serverDoc();
    const seen: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => seen.push(u));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(doc.getMap('notes').get('a')).toBe('yksi');
    expect(seen).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getMap('notes').toJSON()).toEqual({ a: 'yksi' });
    doc.destroy();
  });
});
