/**
 * A room's one serial queue: tasks run one at a time, in the order they were pushed, each awaited
 * before the next starts.
 *
 * Why not `queue = queue.then(task)`: a chain of promises runs entirely in microtasks, so a burst
 * of a hundred updates (or 300 clients' sync requests) is worked off without the event loop ever
 * getting a turn; every other wall, every socket write and every timer waits for the whole burst
 * (bench: event-loop delay p99 60–80 ms at 100–300 clients). Here the queue yields to the event
 * loop (setImmediate) once it has worked for `sliceMs`, so the delay it adds stays near that.
 */

/** Work longer than this between yields to the event loop. */
export const QUEUE_SLICE_MS = 5;

export type Task = () => void | Promise<void>;

export class SerialQueue {
  private tasks: Task[] = [];
  private head = 0;
  private draining: Promise<void> | null = null;

  constructor(
    private readonly onError: (err: unknown) => void,
    private readonly sliceMs = QUEUE_SLICE_MS,
  ) {}

  push(task: Task): void {
    this.tasks.push(task);
    this.draining ??= this.drain();
  }

  /** Resolves once every task pushed so far (and any pushed meanwhile) has run. */
  idle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  get length(): number {
    return this.tasks.length - this.head;
  }

  private async drain(): Promise<void> {
    // Starts in a microtask, as a promise chain would: the pusher's synchronous code finishes first.
    await undefined;
    let sliceStart = performance.now();
    while (this.head < this.tasks.length) {
      const task = this.tasks[this.head]!;
      this.tasks[this.head++] = undefined as unknown as Task; // let it be collected
      try {
        await task();
      } catch (err) {
        this.onError(err);
      }
      if (this.head === this.tasks.length) {
        this.tasks = [];
        this.head = 0;
      }
      if (performance.now() - sliceStart >= this.sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    this.draining = null;
  }
}
