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
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

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
    this._storeUpdate = (update, origin) => {
      if (this.db) store(update, origin);
      else if (origin !== this) early?.push([update, origin]);
    };
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
