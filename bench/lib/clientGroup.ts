/**
 * Some of a fan-out's clients, in one thread: connects them, writes notes through any of them,
 * and records when another client's note reaches each of them. Times are absolute
 * (`performance.timeOrigin + performance.now()`), so arrivals recorded in a worker thread
 * compare with send times taken in another thread.
 */
import { performance } from 'node:perf_hooks';
import { withTimeout } from './connectMany';
import { addNote, notesOf } from './notes';
import { connectClient, type BenchClient, type ServerKind } from './servers';

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

export class ClientGroup {
  private readonly clients: BenchClient[] = [];
  private arrivals: Arrivals = { ids: [], at: [] };

  constructor(private readonly target: Target) {}

  get size(): number {
    return this.clients.length;
  }

  /** Measured notes that arrived at this group's clients (warm-up excluded). */
  get arrived(): number {
    return this.arrivals.ids.length;
  }

  /** Connects `count` more clients in batches (hundreds of handshakes at once would time out) and waits for every first sync. */
  async connect(count: number, batch = 50): Promise<void> {
    for (let i = 0; i < count; i += batch) {
      const some = Array.from({ length: Math.min(batch, count - i) }, () => connectClient(this.target.kind, this.target.port, this.target.wall));
      await withTimeout(Promise.all(some.map((c) => c.synced)), 60_000, `${this.target.kind}: clients to sync`);
      for (const client of some) this.observe(client);
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
  take(): Arrivals {
    const out = this.arrivals;
    this.arrivals = { ids: [], at: [] };
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
        this.arrivals.ids.push(id);
        this.arrivals.at.push(at);
      }
    });
  }
}
