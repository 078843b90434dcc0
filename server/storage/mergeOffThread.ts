/**
 * One worker thread that merges Yjs updates into a snapshot in parts (mergeWorker.mjs running
 * mergeInParts.ts), started on first use. For a large wall that takes a quarter of a second or
 * more (5 000 notes, 1.5 MB: 0.2-0.35 s on the bench machine); on the main thread it would stall
 * every wall the instance serves. If the worker cannot run, merges happen inline, and as one
 * update: Y.mergeUpdates stalls the other walls a third as long as making parts would, and the
 * snapshot is no less right (a cold load replays it in one step, as before parts existed).
 */
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

type Pending = { resolve: (parts: Uint8Array[]) => void; reject: (err: Error) => void };

export class OffThreadMerger {
  private worker: Worker | null = null;
  private broken = false;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  /** The union of `updates` as the parts of a snapshot (one part for a small or tangled doc). */
  async mergeInParts(updates: Uint8Array[]): Promise<Uint8Array[]> {
    try {
      return await this.mergeInWorker(updates);
    } catch {
      return [Y.mergeUpdates(updates)];
    }
  }

  private mergeInWorker(updates: Uint8Array[]): Promise<Uint8Array[]> {
    const worker = this.start();
    if (!worker) return Promise.reject(new Error('no merge worker'));
    const id = ++this.next;
    return new Promise<Uint8Array[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // keep the process alive while a merge is owed
      worker.postMessage({ id, updates });
    });
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(new URL('./mergeWorker.mjs', import.meta.url));
      worker.unref();
      worker.on('message', (m: { id: number; parts?: Uint8Array[]; error?: string }) => {
        const job = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (this.pending.size === 0) worker.unref();
        if (m.parts) job?.resolve(m.parts);
        else job?.reject(new Error(m.error ?? 'merge failed'));
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', () => this.fail(new Error('merge worker exited')));
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private fail(err: Error): void {
    this.worker = null;
    this.broken = true;
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.broken = true;
    if (worker) await worker.terminate();
  }
}
