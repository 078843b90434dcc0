/**
 * Collecting V8's young generation on purpose while a big wall is built from storage.
 *
 * Why: every struct the replay makes outlives the replay, so whatever V8's young generation holds
 * when it fills is copied, and its semi-space grows up to 16 MiB while nearly everything
 * survives. The scavenges of a 5 000-note cold load took 8-23 ms each, on top of a 5 ms slice:
 * the longest stalls of the instance. A scavenge after each snapshot part (a few hundred structs)
 * copies a few hundred KiB instead, about a millisecond. A smaller semi-space for the whole
 * process (--max-semi-space-size=1) did as well for the load but made the fan-out's bursts 30 %
 * slower at 300 clients, so the young generation is collected by hand only here.
 *
 * It needs `gc` exposed (node --expose-gc, as scripts/start.mjs and docs/deploy.md run the
 * server); without it nothing is collected by hand and the load is as before.
 */
type ExposedGc = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

/** Whether collectYoungGeneration does anything in this process. */
export function canCollectYoungGeneration(): boolean {
  return typeof (globalThis as { gc?: ExposedGc }).gc === 'function';
}

/** One scavenge of the young generation now, if `gc` is exposed; nothing otherwise. */
export function collectYoungGeneration(): void {
  (globalThis as { gc?: ExposedGc }).gc?.({ type: 'minor' });
}
