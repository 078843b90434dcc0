/**
 * A room's compaction: when and how its doc is written as the new snapshot, and the bookkeeping
 * that decides it (updates appended since the last one, bytes stored).
 */
import type * as Y from 'yjs';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import { compactionChannel, type CompactionTiming } from './roomTimings';
import type { SyncAnswers } from './roomSync';
import type { SerialQueue } from './serialQueue';
import { encodeStateInPartsSliced, joinStateParts } from './stateInParts';

/**
 * A load that calls for a compaction (a long stored log) waits this long before it: encoding a
 * big wall and rewriting its rows is one long step, and right after a load is exactly when the
 * clients that caused the load ask for their first sync.
 */
export const COMPACT_AFTER_LOAD_DELAY_MS = 1000;

/** Every room's first compaction chains on this one settled promise instead of a new one per room. */
const SETTLED: Promise<void> = Promise.resolve();

export interface CompactionOptions {
  compactAfterUpdates: number;
  log: Logger;
}

export class RoomCompaction {
  /** Bytes of the stored state: last snapshot plus every update appended since. */
  storedBytes = 0;
  private lastAppliedSeq = 0;
  private appendedSinceCompact = 0;
  private mustCompact = false;
  /** Another instance stored updates since our last compaction (they are in storedBytes too). */
  private remoteSinceCompact = false;
  private compaction: Promise<void> = SETTLED;
  private scheduled = false;
  private afterLoad: NodeJS.Timeout | null = null;
  /** Set once the doc holds the whole wall: a half-loaded doc must never become the snapshot. */
  private loaded = false;
  private stopped = false;

  constructor(
    private readonly wallId: string,
    private readonly doc: Y.Doc,
    private readonly store: Store,
    /** The room's queue: a compaction waits behind the updates queued in it. */
    private readonly queue: SerialQueue,
    /** Told of every snapshot written: it is the doc's state when written. */
    private readonly answers: SyncAnswers,
    private readonly opts: CompactionOptions,
  ) {}

  /**
   * The doc now holds the stored wall: `appendedSinceSnapshot` rows were stored after its
   * snapshot's parts. A long log is compacted soon, but not at once (COMPACT_AFTER_LOAD_DELAY_MS).
   */
  wallLoaded(lastSeq: number, storedBytes: number, appendedSinceSnapshot: number): void {
    this.lastAppliedSeq = lastSeq;
    this.storedBytes = storedBytes;
    this.appendedSinceCompact = appendedSinceSnapshot;
    this.loaded = true;
    if (this.appendedSinceCompact < this.opts.compactAfterUpdates) return;
    this.afterLoad = setTimeout(() => {
      this.afterLoad = null;
      this.maybeCompact();
    }, COMPACT_AFTER_LOAD_DELAY_MS);
  }

  /** An update was stored as `seq` and applied. */
  appended(seq: number, bytes: number): void {
    this.lastAppliedSeq = seq;
    this.storedBytes += bytes;
    this.appendedSinceCompact++;
  }

  // What another instance stored (or a storage resync found) makes the stored wall bigger too:
  // without this, MAX_WALL_BYTES would count only this instance's own appends.
  remoteStored(bytes: number): void {
    this.storedBytes += bytes;
    this.remoteSinceCompact = true;
  }

  /** The doc lost state the store still holds (dropped pending updates): the snapshot must be rewritten. */
  mustRewrite(): void {
    this.mustCompact = true;
    this.schedule();
  }

  /** Compacts if anything was stored since the last compaction (to measure the stored size anew). */
  ifStoredSince(): void {
    if (this.appendedSinceCompact > 0 || this.remoteSinceCompact) this.schedule();
  }

  maybeCompact(): void {
    if (this.appendedSinceCompact >= this.opts.compactAfterUpdates) this.schedule();
  }

  /**
   * Off the hot path: the frame that crossed the threshold is relayed first, and while updates
   * are still queued (a burst worked off in slices) the compaction waits behind them, so the
   * snapshot covers the whole burst.
   */
  schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.queue.length > 0) this.queue.push(() => this.schedule());
      else void this.compact();
    });
  }

  /**
   * Writes the doc as the new snapshot, in parts of bounded size (stateInParts.ts), so the next
   * load replays it in slices; the encoding itself runs in slices too. The seq it covers is read
   * before the encoding starts, so updates appended but not yet applied stay in the store; the
   * snapshot may hold more than that seq covers (updates applied while it was encoded), never less.
   * Compactions are chained: two never race over the snapshot.
   */
  compact(): Promise<void> {
    this.compaction = this.compaction.then(async () => {
      if (this.stopped || !this.loaded) return;
      if (this.appendedSinceCompact === 0 && !this.mustCompact && !this.remoteSinceCompact) return;
      const uptoSeq = this.lastAppliedSeq;
      const counted = this.appendedSinceCompact;
      const bytesBefore = this.storedBytes;
      // Updates counted from here on stay counted for the next compaction.
      this.appendedSinceCompact = 0;
      this.mustCompact = false;
      this.remoteSinceCompact = false;
      try {
        const encodeStart = performance.now();
        const parts = await encodeStateInPartsSliced(this.doc);
        if (this.stopped) return;
        const writeStart = performance.now();
        // In the same turn as the encoding's end, so it is the doc's state.
        this.answers.keep(joinStateParts(parts));
        const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
        await this.store.compact(this.wallId, parts, uptoSeq);
        // Updates appended while the snapshot was made are still stored on top of it.
        this.storedBytes = bytes + (this.storedBytes - bytesBefore);
        if (compactionChannel.hasSubscribers) {
          const timing: CompactionTiming = { wallId: this.wallId, encodeMs: writeStart - encodeStart, writeMs: performance.now() - writeStart, bytes };
          compactionChannel.publish(timing);
        }
      } catch (err) {
        this.appendedSinceCompact += counted;
        this.opts.log.error({ wallId: this.wallId, err }, 'compaction failed');
      }
    });
    return this.compaction;
  }

  /** The room is gone: nothing more is compacted. */
  stop(): void {
    this.stopped = true;
    if (this.afterLoad) clearTimeout(this.afterLoad);
  }
}
