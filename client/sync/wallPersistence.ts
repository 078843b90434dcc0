/**
 * The wall's IndexedDB copy: y-indexeddb, without the one time it encodes the whole doc.
 *
 * When its database opens, y-indexeddb first writes the doc as it is then, so that what arrived
 * before is kept. When the server's first sync arrives before that (a fast server, a loaded
 * machine), this was the 2,000-note wall encoded again: about 70 ms of main thread, and the wall
 * waited for it (the page shows once the copy is loaded). Here y-indexeddb is given a blank doc
 * to make, so that write is empty, and then follows the wall's doc. What the doc got before the
 * database opened is kept another way: the first sync by firstSyncStore.ts (the bytes as the
 * server sent them), any other update held here and written once the database is open.
 *
 * Others' changes are written together when the browser is idle (within REMOTE_WRITE_WITHIN_MS,
 * or when the page is left): one IndexedDB transaction for each remote change was about a fifth
 * of the main thread's time for that change on a 2,000-note wall. They are on the server too.
 * This tab's own changes are written at once, as before: offline, the copy is what keeps them.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

/** At the latest this long after another's change arrives, idle browser or not, it is written. */
export const REMOTE_WRITE_WITHIN_MS = 1000;

export class WallPersistence extends IndexeddbPersistence {
  constructor(name: string, doc: Y.Doc) {
    const blank = new Y.Doc();
    super(name, blank);
    blank.off('update', this._storeUpdate);
    blank.off('destroy', this.destroy);
    this.doc = doc;
    const store = this._storeUpdate;
    // null once the database cannot open: then, as y-indexeddb does, nothing is stored.
    let early: [Uint8Array, unknown][] | null = [];
    let remote: Uint8Array[] = [];
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
      idle = timer = undefined;
      if (remote.length === 0) return;
      const updates = remote;
      remote = [];
      this._storeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), null);
    };
    this._storeUpdate = (update: Uint8Array, origin: unknown, _doc?: Y.Doc, tr?: Y.Transaction) => {
      // What y-indexeddb applied from the database is there already.
      if (origin === this) return;
      if (tr && !tr.local) {
        remote.push(update);
        if (idle === undefined && timer === undefined) {
          if ('requestIdleCallback' in window) idle = requestIdleCallback(flush, { timeout: REMOTE_WRITE_WITHIN_MS });
          else timer = setTimeout(flush, 0);
        }
      } else if (this.db) store(update, origin);
      else early?.push([update, origin]);
    };
    const destroy = this.destroy;
    this.destroy = () => {
      flush();
      removeEventListener('pagehide', flush);
      return destroy();
    };
    addEventListener('pagehide', flush);
    doc.on('update', this._storeUpdate);
    doc.on('destroy', this.destroy);
    // Runs after y-indexeddb's own handler of the open database, which set this.db.
    this._db.then(
      () => {
        for (const [update, origin] of early ?? []) store(update, origin);
        early = null;
      },
      () => {
        early = null;
      },
    );
  }
}
