import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../server/rooms/serialQueue';

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, each awaited, and reports failures without stopping', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((err) => errors.push(err));
    const log: string[] = [];
    queue.push(async () => {
      log.push('a start');
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('a end');
    });
    queue.push(() => {
      throw new Error('b failed');
    });
    queue.push(() => void log.push('c'));
    await queue.idle();
    expect(log).toEqual(['a start', 'a end', 'c']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['b failed']);
    expect(queue.length).toBe(0);
  });

  it('lets timers run during a long burst of work instead of holding the event loop', async () => {
    const queue = new SerialQueue(() => {}, 2);
    let timerFiredAfter = -1;
    let done = 0;
    setTimeout(() => (timerFiredAfter = done), 0);
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    for (let i = 0; i < 50; i++) queue.push(() => void (busy(1), done++));
    await queue.idle();
    expect(done).toBe(50);
    // A promise chain would have run all 50 tasks before the timer.
    expect(timerFiredAfter).toBeGreaterThanOrEqual(0);
    expect(timerFiredAfter).toBeLessThan(50);
  });

  it('idle() resolves at once with nothing queued, and after tasks pushed while it waited', async () => {
    const queue = new SerialQueue(() => {});
    await queue.idle();
    let ran = 0;
    queue.push(() => {
      ran++;
      queue.push(() => void ran++);
    });
    await queue.idle();
    expect(ran).toBe(2);
  });
});
