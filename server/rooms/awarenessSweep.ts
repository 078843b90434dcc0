/**
 * Every room's awareness, and one timer for all of them that drops presences nobody renewed.
 *
 * y-protocols' Awareness starts a 3 s interval of its own and listens for its doc's destruction:
 * a Timeout, two closures and an observer set on the doc, about 0.4 KiB per loaded wall for a
 * server that publishes no presence of its own (bench/heapProfile.ts). Here each room's awareness
 * is made on a stand-in doc (only its client id is read), its interval is stopped at once, and
 * one interval for the whole process does its work: a client that has not renewed its presence
 * for `outdatedTimeout` (30 s; clients renew every 15 s) is removed, as Awareness itself would.
 * Room.destroy stops sweeping its awareness and destroys it, as before.
 */
import type * as Y from 'yjs';
import { Awareness, outdatedTimeout, removeAwarenessStates } from 'y-protocols/awareness';

/** Y.Doc's client ids are random 32-bit numbers; the server's own never publishes a state. */
const STAND_IN_DOC = { clientID: Math.floor(Math.random() * 0x1_0000_0000), on() {} } as unknown as Y.Doc;

const swept = new Set<Awareness>();
let timer: NodeJS.Timeout | null = null;

/** A new room's awareness, swept by the shared timer until stopSweeping. */
export function roomAwareness(): Awareness {
  const awareness = new Awareness(STAND_IN_DOC);
  const own = awareness as unknown as { _checkInterval: NodeJS.Timeout | null };
  clearInterval(own._checkInterval!);
  own._checkInterval = null; // the stopped Timeout and its closure go too (destroy() clears null as a no-op)
  swept.add(awareness);
  // Unref'd: a process with nothing else to do may exit.
  timer ??= setInterval(sweep, Math.floor(outdatedTimeout / 10)).unref();
  return awareness;
}

export function stopSweeping(awareness: Awareness): void {
  swept.delete(awareness);
  if (swept.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

/** What Awareness's own interval does for remote clients (y-protocols/awareness.js). */
export function sweep(now = Date.now()): void {
  for (const awareness of swept) {
    const outdated: number[] = [];
    awareness.meta.forEach((meta, clientId) => {
      if (clientId !== awareness.clientID && outdatedTimeout <= now - meta.lastUpdated && awareness.states.has(clientId)) outdated.push(clientId);
    });
    if (outdated.length > 0) removeAwarenessStates(awareness, outdated, 'timeout');
  }
}
