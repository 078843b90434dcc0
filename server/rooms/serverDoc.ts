/**
 * A wall's Y.Doc as a room holds it.
 *
 * Y.Doc's constructor sets up what a client's providers use: `whenLoaded` and `whenSynced`, kept
 * by 'load' and 'sync' handlers, with their closures, resolve functions and observer sets. A room's
 * doc is never loaded by a provider and nothing on the server listens for those events or awaits
 * those promises, so the handlers are dropped at once: about 0.5 KiB per loaded wall
 * (bench/heapProfile.ts). `whenLoaded` and `whenSynced` stay pending, as they would on a server
 * that never told the doc it was loaded. tests/unit/serverDoc.test.ts fails if Yjs or lib0 change
 * where the handlers live.
 */
import * as Y from 'yjs';

/** lib0's Observable keeps its handlers in `_observers`: event name → set of functions. */
type WithObservers = { _observers: Map<string, Set<unknown>> };

export function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  const observers = (doc as unknown as WithObservers)._observers;
  observers.delete('load');
  observers.delete('sync');
  return doc;
}
