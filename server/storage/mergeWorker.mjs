// Merges Yjs updates off the main thread for PgStore's compaction (see mergeOffThread.ts).
// Plain JavaScript so it starts in any worker, whatever TypeScript loader the main thread uses.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on('message', ({ id, updates }) => {
  try {
    const merged = Y.mergeUpdates(updates);
    parentPort.postMessage({ id, merged }, [merged.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err) });
  }
});
