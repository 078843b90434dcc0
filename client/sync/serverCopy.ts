/**
 * What the server holds of a wall now, fetched on a connection of its own: after a refused
 * change the page's own connection is closed for good, and its doc still holds the refused
 * change. A fresh, empty doc sends nothing, so the server has nothing to refuse.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { wallSocketUrl } from './wallSocketUrl';

/** Resolves with the server's copy once synced, or null if it did not arrive in `timeoutMs` (offline, refused). */
export function fetchServerCopy(wallId: string, token: string, timeoutMs = 10_000): Promise<Y.Doc | null> {
  const doc = new Y.Doc();
  // No BroadcastChannel: the page's own provider would answer on it with the refused change.
  const provider = new WebsocketProvider(wallSocketUrl(), wallId, doc, { params: { token }, connect: false, disableBc: true, maxBackoffTime: 2000 });
  // Nobody should see a second, nameless person join for a moment.
  provider.awareness.setLocalState(null);
  return new Promise((resolve) => {
    const done = (copy: Y.Doc | null) => {
      clearTimeout(timer);
      provider.off('sync', onSync);
      provider.destroy();
      if (!copy) doc.destroy();
      resolve(copy);
    };
    const onSync = (synced: boolean) => {
      if (synced) done(doc);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    provider.on('sync', onSync);
    provider.connect();
  });
}
