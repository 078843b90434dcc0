/**
 * Loaded into a server child with `--import` by bench/coldTrace.ts: prints, on stderr, every
 * stall of the event loop (a 1 ms timer that fired late), every GC and the room timings, each
 * with its epoch time in ms, so the parent can lay them beside what its client saw.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { compactionChannel, firstSyncChannel, roomLoadChannel } from '../../server/rooms/roomTimings';

const now = () => performance.timeOrigin + performance.now();
// Kept until exit: a write to a pipe the parent is slow to drain blocks this process (a 110 ms
// stall in writeUtf8String in the first traces).
const lines: string[] = [];
const line = (t: number, what: string) => void lines.push(`TRACE ${t.toFixed(1)} ${what}\n`);
const out = (what: string) => line(now(), what);
const MIN_GAP_MS = Number(process.env.GAP_MIN_MS ?? '8');

const hrNow = () => Number(process.hrtime.bigint() / 1000n);
let last = performance.now();
setInterval(() => {
  const t = performance.now();
  // hr: the stall's start on the monotonic clock in µs, the clock of --cpu-prof's timestamps.
  if (t - last > MIN_GAP_MS) line(performance.timeOrigin + last, `stall ${(t - last).toFixed(1)} ms hr=${(hrNow() - (t - last) * 1000).toFixed(0)}`);
  last = t;
}, 1).unref();

const kinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = kinds[(e as unknown as { detail: { kind: number } }).detail.kind] ?? '?';
    line(performance.timeOrigin + e.startTime, `gc ${kind} ${e.duration.toFixed(1)} ms`);
  }
}).observe({ entryTypes: ['gc'] });

roomLoadChannel.subscribe((m) => out(`room-load ${JSON.stringify(m)}`));
firstSyncChannel.subscribe((m) => out(`first-sync ${JSON.stringify(m)}`));
compactionChannel.subscribe((m) => out(`compaction ${JSON.stringify(m)}`));

// An orderly exit, so --cpu-prof writes its profile.
process.on('SIGTERM', () => {
  process.stderr.write(lines.join(''));
  process.exit(0);
});
