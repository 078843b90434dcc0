// Merges Yjs updates into a snapshot in parts off the main thread, for PgStore's compaction (see
// mergeOffThread.ts). Plain JavaScript so it starts in any worker, whatever TypeScript loader the
// main thread uses (tsx under `npm start`, vite's under vitest, none at all): the work itself is
// TypeScript (mergeInParts.ts, which shares stateInParts.ts with the rooms), loaded here by tsx's
// own API. tsx is a runtime dependency.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { mergeInParts } = await tsImport('./mergeInParts.ts', import.meta.url);

parentPort.on('message', ({ id, updates }) => {
  try {
    const parts = mergeInParts(updates);
    // Each part owns its buffer (stateInParts makes every one afresh); a Set in case two ever share one.
    parentPort.postMessage({ id, parts }, [...new Set(parts.map((p) => p.buffer))]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err) });
  }
});
