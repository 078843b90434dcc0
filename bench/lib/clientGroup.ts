/**
 * Some of a fan-out's clients, in one thread: connects them, writes notes through any of them,
 * and records when another client's note reaches each of them: in its Y.Doc (a whole client), or,
 * for a wire receiver, on its socket (see BenchClient.toWire and wireIds.ts). Times are absolute
 * (`performance.timeOrigin + performance.now()`), so arrivals recorded in a worker thread
 * compare with send times taken in another thread.
 */
import { performance } from 'node:perf_hooks';
import { withTimeout } from './connectMany';
import { addNote, notesOf } from './notes';
import { connectClient, type BenchClient, type ServerKind } from './servers';
import { WireIds } from './wireIds';

export const now = () => performance.timeOrigin + performance.now();

/** Notes whose id starts with this are warm-up: written, relayed, never recorded. */
export const WARM_UP_PREFIX = 'warm-';

/** Where the clients connect: everything a thread needs to reach the server on its own. */
export interface Target {
  kind: ServerKind;
  port: number;
  wall: { id: string; token: string };
}

/** Note ids and their arrival times, side by side (cheap to post between threads). */
export interface Arrivals {
  ids: string[];
  at: number[];
}

/** What one thread's clients recorded: arrivals in a Y.Doc, and arrivals on a wire receiver's socket. */
export interface Recorded {
  applied: Arrivals;
  wire: Arrivals;
}

export class ClientGroup {
  private readonly clients: BenchClient[] = [];
  private recorded: Recorded = { applied: { ids: [], at: [] }, wire: { ids: [], at: [] } };
  private readonly wireIds: WireIds;

  constructor(private readonly target: Target) {
    this.wireIds = new WireIds(target.kind);
  }

  get size(): number {
    return this.clients.length;
  }

  /** Measured notes that arrived at this group's clients, either way (warm-up excluded). */
  get arrived(): number {
    return this.recorded.applied.ids.length + this.recorded.wire.ids.length;
  }

  /**
   * Connects `count` more clients in batches (hundreds of handshakes at once would time out) and
   * waits for every first sync; with `wire`, each then becomes a wire receiver.
   */
  async connect(count: number, { wire = false, batch = 50 }: { wire?: boolean; batch?: number } = {}): Promise<void> {
    for (let i = 0; i < count; i += batch) {
      const some = Array.from({ length: Math.min(batch, count - i) }, () => connectClient(this.target.kind, this.target.port, this.target.wall));
      await withTimeout(Promise.all(some.map((c) => c.synced)), 60_000, `${this.target.kind}: clients to sync`);
      for (const client of some) (wire ? this.listenOnWire(client) : this.observe(client));
      this.clients.push(...some);
    }
  }

  /** Adds a note through client `index` of this group; returns when it was written. */
  write(index: number, id: string, text: string): number {
    const at = now();
    addNote(this.clients[index]!.doc, id, text);
    return at;
  }

  /** Hands over what arrived so far and starts a new record. */
  take(): Recorded {
    const out = this.recorded;
    this.recorded = { applied: { ids: [], at: [] }, wire: { ids: [], at: [] } };
    return out;
  }

  destroy(): void {
    for (const c of this.clients) c.destroy();
    this.clients.length = 0;
  }

  private observe(client: BenchClient): void {
    notesOf(client.doc).observe((event) => {
      if (event.transaction.local) return;
      const at = now();
      for (const id of event.keysChanged) {
        if (id.startsWith(WARM_UP_PREFIX)) continue;
        this.recorded.applied.ids.push(id);
        this.recorded.applied.at.push(at);
      }
    });
  }

  private listenOnWire(client: BenchClient): void {
    // A note's update reaches each socket once; the set guards against a server sending it again.
    const seen = new Set<string>();
    client.toWire((frame) => {
      const at = now();
      for (const id of this.wireIds.find(frame)) {
        if (seen.has(id)) continue;
        seen.add(id);
        this.recorded.wire.ids.push(id);
        this.recorded.wire.at.push(at);
      }
    });
  }
}
