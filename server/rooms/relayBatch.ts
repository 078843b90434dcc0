/**
 * Batched relay of a room's doc updates and awareness changes.
 *
 * Everything applied within one turn of the event loop (a pasted burst, several writers at once,
 * 300 clients joining) goes out at the end of that turn (setImmediate) as ONE frame per
 * recipient instead of one frame per change per recipient. In a room of more than
 * SPACED_ABOVE_RECIPIENTS connections frames are also spaced: it sends at most one doc update
 * frame and one awareness frame every MIN_FRAME_GAP_MS. A lone change after a quiet moment goes
 * out at the end of its turn as before; changes that keep coming (a burst arriving over several
 * turns, many people typing) go out as one frame per gap instead of one per turn. Every frame
 * costs every recipient a decode and a transaction. Each kind is spaced on its own: every client
 * renews its presence every 15 s (7 renewals a second at 100 clients), and with one gap for both
 * a note that came within 10 ms of a relayed renewal waited out the rest of it (part of the
 * workshop pace's slower p99 above 32 clients: bench/ab.ts at 100 clients, 0.95 and 0.84).
 * Within a frame:
 * - doc updates are merged (Y.mergeUpdates) and each distinct frame is encoded once. A client
 *   never gets its own updates back: a sender in the batch gets the merge of the others' updates,
 *   everyone else the merge of all.
 * - awareness changes are coalesced per client id (the latest state wins) into one awareness
 *   update, sent to everyone, the publisher included (as y-websocket does).
 * The entries are read, and written as JSON, when the change happens, not at flush, so what is
 * sent is the change as it was made, whatever the room's awareness holds by the time the frame
 * goes out.
 */
import * as Y from 'yjs';
import { encodeAwareness, encodeAwarenessEntries, encodeUpdate, type AwarenessEntry } from './codec';

/**
 * A room sends at most one relay frame per this many ms (a change after a quiet moment: at once).
 * 10, not 20: measured on the server's delivery to 300 sockets (bench/ab.ts fanout, wire
 * receivers), a 30-note burst's later notes waited out the gap; 10 gave p99 0.79 at 300 clients,
 * 0.83 at 100, 0.87 at 20, with pace unchanged.
 */
export const MIN_FRAME_GAP_MS = 10;

/**
 * Frames are spaced (MIN_FRAME_GAP_MS) only in a room of more connections than this: the gap is
 * there so that 300 sockets are not each sent a frame every turn, and a workshop's 8-30 people
 * are not worth the wait. bench/ab.ts --scenario fanout --clients 20, three runs of 5 or 2 x 5
 * rounds (sessions 7 and 8, a gap scaled to the room and then none below this): p99 ratios 0.93,
 * 0.80 and 0.84 against the gap in every room, with single rounds of either from 15 to 62 ms.
 */
export const SPACED_ABOVE_RECIPIENTS = 32;

/** How early a timer set for the end of a gap may run and still count as at its end (see flushDue). */
const TIMER_SLACK_MS = 1;

/** What a batch sends to: a room's connection. */
export interface Recipient {
  send(frame: Uint8Array): void;
}


export class RelayBatch<R extends Recipient> {
  // Made on the first update of a batch and dropped when it is sent: an idle room holds no arrays.
  private updates: Uint8Array[] | null = null;
  /** The connection each update came from, or null (storage, another instance). */
  private senders: (R | null)[] | null = null;
  /** Made on the first awareness change: most rooms sit idle most of the time. */
  private awareness: Map<number, AwarenessEntry> | null = null;
  /** performance.now() of the last doc update frame and of the last awareness frame: each kind is spaced on its own. */
  private lastUpdateFrame = -Infinity;
  private lastAwarenessFrame = -Infinity;
  /** When the pending timer callback runs (performance.now()), or Infinity when none is pending. */
  private timerAt = Infinity;

  constructor(
    /** Read at every flush, so a live collection (the room's connections), not a snapshot. */
    private readonly recipients: Iterable<R>,
    private readonly minGapMs = MIN_FRAME_GAP_MS,
    private readonly spacedAbove = SPACED_ABOVE_RECIPIENTS,
  ) {}

  addUpdate(update: Uint8Array, sender: R | null): void {
    (this.updates ??= []).push(update);
    (this.senders ??= []).push(sender);
    this.schedule();
  }

  addAwareness(clientId: number, clock: number, state: unknown): void {
    (this.awareness ??= new Map()).set(clientId, { id: clientId, clock, json: JSON.stringify(state) });
    this.schedule();
  }

  /** Sends everything pending now, spaced or not (flushDue is what runs by itself). */
  flush(): void {
    this.send(true, true);
  }

  /** Drops whatever is pending: the room is going away. */
  clear(): void {
    this.updates = null;
    this.senders = null;
    this.awareness = null;
  }

  /**
   * Makes sure a callback runs by the time the earliest pending kind may go. A callback that
   * finds nothing due (the batch was flushed or cleared meanwhile, or it was set for the other
   * kind) sends nothing and schedules anew if something is still pending.
   */
  private schedule(): void {
    const now = performance.now();
    const gap = this.gapMs();
    let at = Infinity;
    if (this.updates) at = Math.min(at, this.lastUpdateFrame + gap);
    if (this.awareness) at = Math.min(at, this.lastAwarenessFrame + gap);
    at = Math.max(at, now);
    if (at === Infinity || at >= this.timerAt) return;
    this.timerAt = at;
    if (at > now) setTimeout(flushDue, at - now, this);
    else setImmediate(flushDue, this);
  }

  /** The spacing between frames of one kind: none in a small room, counted no further than needed. */
  private gapMs(): number {
    let n = 0;
    for (const _ of this.recipients) if (++n > this.spacedAbove) return this.minGapMs;
    return 0;
  }

  /** @internal Called by the shared timer callback below: sends each kind whose gap has passed. */
  flushDue(): void {
    this.timerAt = Infinity;
    const gap = this.gapMs();
    const now = performance.now();
    // Timers run on the loop's clock, which lags performance.now() by up to a turn: a callback
    // set for the end of the gap may come a fraction of a millisecond before it.
    const sinceAtLeast = gap - TIMER_SLACK_MS;
    this.send(now - this.lastUpdateFrame >= sinceAtLeast, now - this.lastAwarenessFrame >= sinceAtLeast);
    if (this.updates || this.awareness) this.schedule();
  }

  private send(updatesDue: boolean, awarenessDue: boolean): void {
    const now = performance.now();
    const updates = this.updates;
    const senders = this.senders;
    if (updatesDue && updates && senders) {
      this.updates = null;
      this.senders = null;
      this.lastUpdateFrame = now;
      this.sendUpdates(updates, senders);
    }
    const awareness = this.awareness;
    if (awarenessDue && awareness) {
      this.awareness = null;
      this.lastAwarenessFrame = now;
      const frame = sendable(encodeAwareness(encodeAwarenessEntries([...awareness.values()])));
      for (const r of this.recipients) r.send(frame);
    }
  }

  private sendUpdates(updates: Uint8Array[], senders: (R | null)[]): void {
    if (updates.length === 1) {
      const frame = sendable(encodeUpdate(updates[0]!));
      for (const r of this.recipients) if (r !== senders[0]) r.send(frame);
      return;
    }
    const distinctSenders = new Set(senders);
    let all: Uint8Array | null = null;
    const withoutOwn = new Map<R, Uint8Array | null>();
    for (const r of this.recipients) {
      if (!distinctSenders.has(r)) {
        all ??= sendable(encodeUpdate(Y.mergeUpdates(updates)));
        r.send(all);
        continue;
      }
      let frame = withoutOwn.get(r);
      if (frame === undefined) {
        const others = updates.filter((_, i) => senders[i] !== r);
        frame = others.length === 0 ? null : sendable(encodeUpdate(others.length === 1 ? others[0]! : Y.mergeUpdates(others)));
        withoutOwn.set(r, frame);
      }
      if (frame) r.send(frame);
    }
  }
}

/**
 * Shared by every batch, the batch passed as the timer's argument: a function made per batch
 * costs a few hundred bytes per room (tsx names every function it compiles, which gives the
 * function a property table of its own).
 */
function flushDue(batch: RelayBatch<Recipient>): void {
  batch.flushDue();
}

/**
 * The frame as a Buffer view (no copy), made once and shared by every recipient: ws sends a
 * Buffer as it is but wraps any other Uint8Array in a new Buffer on every send, 300 times per
 * frame at 300 clients.
 */
const sendable = (frame: Uint8Array): Buffer => Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
