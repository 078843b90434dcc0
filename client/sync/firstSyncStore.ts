/**
 * The first sync with the server brings the whole wall in one transaction. Yjs encodes every
 * transaction afresh for the doc's `update` listeners, and of ours only the IndexedDB copy wants
 * this one (the WebSocket provider skips its own, the session counts only local changes). On a
 * 2,000-note wall that encoding was tens of milliseconds before the wall could show. So for that
 * one transaction the listeners step aside, and what it brought is stored in IndexedDB once the
 * browser is idle after the wall is drawn (or at once if the page is being left).
 *
 * What is stored is the update as it came from the server, not the doc encoded again: encoding
 * a 2,000-note wall took 12-70 ms of the main thread, just when the first remote changes after
 * the load arrive. Only if the bytes could not be seen is the doc encoded, as before.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';

/** At the latest this long after the first sync, the idle browser or not, its content is stored. */
const STORE_WITHIN_MS = 2000;

/**
 * Watches for the first transaction from the server; returns the stop function (which drops a
 * store still waiting: the session is closing, perhaps to discard its copy).
 */
export function storeFirstSyncWhenIdle(
  doc: Y.Doc,
  provider: WebsocketProvider,
  persistence: IndexeddbPersistence,
  sessionListener: (...args: never[]) => void,
): () => void {
  const listeners = [persistence._storeUpdate, provider._updateHandler, sessionListener] as ((...args: unknown[]) => void)[];
  /** The doc's state vector just before the first sync, while its content waits to be stored. */
  let before: Uint8Array | null = null;
  /** The update the message being handled carries, while its handler runs. */
  let arriving: Uint8Array | null = null;
  /** The first sync's update as received (null: not seen; the doc is encoded instead). */
  let received: Uint8Array | null = null;
  const stopPeeking = peekUpdates(provider, (update) => (arriving = update));
  let restored = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;

  const store = () => {
    if (!before || persistence._destroyed) return;
    // The bytes as received, copied (they are a view of the whole WebSocket message); without
    // them, everything since just before the first sync (later changes too: storing them twice
    // is harmless).
    persistence._storeUpdate(received?.slice() ?? Y.encodeStateAsUpdate(doc, before), provider);
    before = null;
    received = null;
  };
  const restore = () => {
    if (restored) return;
    restored = true;
    doc.off('beforeTransaction', restore);
    for (const listener of listeners) doc.on('update', listener);
  };
  const onBefore = (tr: Y.Transaction) => {
    if (tr.origin !== provider) return;
    doc.off('beforeTransaction', onBefore);
    stopPeeking();
    before = Y.encodeStateVector(doc);
    received = arriving;
    for (const listener of listeners) doc.off('update', listener);
    // Back before any later transaction, or once this task is done, whichever comes first.
    doc.on('beforeTransaction', restore);
    queueMicrotask(restore);
    if ('requestIdleCallback' in window) idle = requestIdleCallback(store, { timeout: STORE_WITHIN_MS });
    else timer = setTimeout(store, 0);
  };
  doc.on('beforeTransaction', onBefore);
  addEventListener('pagehide', store);
  return () => {
    before = null;
    received = null;
    stopPeeking();
    doc.off('beforeTransaction', onBefore);
    removeEventListener('pagehide', store);
    if (idle !== undefined) cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}

/**
 * Calls `seen` with the update a sync message carries (null once it is handled) around the
 * provider's own handling of it (the sync handler, messageSync = 0); returns the stop function.
 */
function peekUpdates(provider: WebsocketProvider, seen: (update: Uint8Array | null) => void): () => void {
  const handlers = provider.messageHandlers;
  const original = handlers[0]!;
  handlers[0] = (encoder, decoder, from, emitSynced, messageType) => {
    const peek = decoding.clone(decoder);
    const type = decoding.readVarUint(peek);
    seen(type === messageYjsSyncStep2 || type === messageYjsUpdate ? decoding.readVarUint8Array(peek) : null);
    try {
      original(encoder, decoder, from, emitSynced, messageType);
    } finally {
      seen(null);
    }
  };
  return () => {
    if (handlers[0] !== original) handlers[0] = original;
  };
}
