/**
 * CPU time the page's main thread spent between start() and stop(), from a Chromium trace of
 * its top-level tasks (their thread-clock durations). On a loaded machine a page's wall-clock
 * times swing by 2x between runs; the CPU it used swings far less, so before/after comparisons
 * of the client's own work use this beside the timings.
 */
import type { CDPSession, Page } from 'playwright-core';
import { endTrace } from './traceStream';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

/** Top-level task events; they do not nest within one thread's run loop. */
const TASK = 'ThreadControllerImpl::RunTask';

export class MainThreadCpu {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<MainThreadCpu> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['toplevel', '__metadata'] } });
    return new MainThreadCpu(cdp);
  }

  /** Milliseconds of CPU on the renderer's main thread. */
  async stop(): Promise<number> {
    const events = await endTrace<TraceEvent>(this.cdp);
    await this.cdp.detach();
    const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    // The busiest renderer main thread is the page's (an idle spare renderer may exist).
    const perThread = new Map<string, number>();
    for (const e of events) {
      const thread = `${e.pid}:${e.tid}`;
      if (e.ph === 'X' && e.name === TASK && mains.has(thread)) perThread.set(thread, (perThread.get(thread) ?? 0) + (e.tdur ?? 0) / 1000);
    }
    return Math.max(0, ...perThread.values());
  }
}
