/**
 * Where a page's time goes, for the client bench's --profile: a V8 CPU profile (self time per
 * function) and a Chromium performance trace (time per kind of main-thread work: script, style,
 * layout, paint, GC), both over one stretch of the page's life, summarised as text.
 *
 * Profile an unminified build (`npx vite build --minify false`) to read the function names.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { endTrace } from './traceStream';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/** Main-thread trace events worth adding up (the rest nest inside them or are noise). */
const TRACE_KINDS = [
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'ParseHTML',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'HitTest',
];

export class PageProfile {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<PageProfile> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    // 100 µs sampling: a 16 ms remote change gets ~160 samples.
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    return new PageProfile(cdp);
  }

  async start(): Promise<void> {
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] },
    });
    await this.cdp.send('Profiler.start');
  }

  /** Stops both, writes `<file>.cpuprofile` and returns the text summary. */
  async stop(file: string, label: string): Promise<string> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
    const events = await endTrace<TraceEvent>(this.cdp);
    return [`### ${label}`, summariseTrace(events), summariseProfile(profile)].join('\n\n');
  }

}

function summariseTrace(events: TraceEvent[]): string {
  // The renderer's main thread is the one running the page's script.
  const main = events.find((e) => e.name === 'EvaluateScript' || e.name === 'FunctionCall');
  const onMain = main ? events.filter((e) => e.pid === main.pid && e.tid === main.tid) : [];
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of onMain) {
    if (e.ph !== 'X' || !TRACE_KINDS.includes(e.name)) continue;
    const t = totals.get(e.name) ?? { ms: 0, count: 0 };
    t.ms += (e.dur ?? 0) / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).map(([name, t]) => `| ${name} | ${t.ms.toFixed(1)} | ${t.count} |`);
  return ['Main thread, trace events (nested kinds overlap: FunctionCall includes the script it runs):', '', '| event | ms | count |', '|---|---:|---:|', ...rows].join('\n');
}

function summariseProfile(profile: CpuProfile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    total += ms;
  });
  const rows = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `| ${k} | ${ms.toFixed(1)} | ${((100 * ms) / total).toFixed(1)} % |`);
  return [
    `CPU profile, ${total.toFixed(0)} ms sampled. Self time by file:`,
    '',
    '| file | ms | share |',
    '|---|---:|---:|',
    ...rows(byFile, 12),
    '',
    `Self time, top ${top} functions:`,
    '',
    '| function | ms | share |',
    '|---|---:|---:|',
    ...rows(self, top),
  ].join('\n');
}
