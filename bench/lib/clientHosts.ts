/**
 * Where a fan-out's clients live: in the bench's main thread (InlineHost) or in a worker thread
 * each (WorkerHost). Both offer the same calls, so the scenario does not care which.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ClientGroup, type Recorded, type Target } from './clientGroup';
import type { HostRequest } from './clientWorker';

export interface ClientHost {
  /** Connects `count` more clients (with `wire`, as wire receivers: ClientGroup.connect). */
  connect(count: number, wire?: boolean): Promise<void>;
  /** Adds a note through client `index` of this host; resolves to the absolute time it was written. */
  write(index: number, noteId: string, text: string): Promise<number>;
  /** How many measured notes have arrived at this host's clients so far. */
  arrived(): Promise<number>;
  /** Starts the measurement window for the event-loop utilization `take` reports. */
  markWindow(): Promise<void>;
  /** What arrived, and how busy the host's thread was since `markWindow` (0–1; 1 = saturated). */
  take(): Promise<{ recorded: Recorded; utilization: number }>;
  destroy(): Promise<void>;
}

export class InlineHost implements ClientHost {
  private readonly group: ClientGroup;
  private eluAtMark = performance.eventLoopUtilization();

  constructor(target: Target) {
    this.group = new ClientGroup(target);
  }

  connect = (count: number, wire = false) => this.group.connect(count, { wire });
  write = async (index: number, noteId: string, text: string) => this.group.write(index, noteId, text);
  arrived = async () => this.group.arrived;
  markWindow = async () => void (this.eluAtMark = performance.eventLoopUtilization());
  take = async () => ({ recorded: this.group.take(), utilization: performance.eventLoopUtilization(this.eluAtMark).utilization });
  destroy = async () => this.group.destroy();
}

type Request = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

export class WorkerHost implements ClientHost {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(target: Target) {
    this.worker = new Worker(new URL('./workerBoot.mjs', import.meta.url), {
      workerData: { entry: new URL('./clientWorker.ts', import.meta.url).href, target },
    });
    this.worker.on('message', (m: { id: number; value?: unknown; error?: string }) => {
      const waiter = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined) waiter?.reject(new Error(m.error));
      else waiter?.resolve(m.value);
    });
    this.worker.on('error', (err) => {
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    });
  }

  private ask<T>(req: Request): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  connect = (count: number, wire = false) => this.ask<void>({ type: 'connect', count, wire });
  write = (index: number, noteId: string, text: string) => this.ask<number>({ type: 'write', index, noteId, text });
  arrived = () => this.ask<number>({ type: 'count' });
  markWindow = () => this.ask<void>({ type: 'markWindow' });
  take = () => this.ask<{ recorded: Recorded; utilization: number }>({ type: 'take' });
  async destroy(): Promise<void> {
    await this.ask<void>({ type: 'destroy' });
    await this.worker.terminate();
  }
}
