/**
 * What PgStore's compaction stores: the union of the updates it is given (the old snapshot's
 * parts, the caller's state, the rows the compaction deletes) written as bounded parts by the
 * rules of server/rooms/stateInParts.ts, so that a cold load replays it in slices. Runs in the
 * merge worker (mergeWorker.mjs): it is a long step for a big wall.
 *
 * Applied to a doc rather than Y.mergeUpdates'd: the parts are made from a doc anyway, and
 * applying an update twice (the caller's state repeats most of the old snapshot) only skips it.
 */
import * as Y from 'yjs';
import { encodeStateInParts } from '../rooms/stateInParts';

export function mergeInParts(updates: readonly Uint8Array[]): Uint8Array[] {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const parts = encodeStateInParts(doc);
  doc.destroy();
  return parts;
}
