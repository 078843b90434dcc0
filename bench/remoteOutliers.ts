/**
 * Where the slow remote changes' time goes (scenario 5's p99). The client bench (bench/client.ts)
 * samples 20 changes, so its p99 is their maximum; this one makes many changes under one Chromium
 * trace and, for every change, splits the time from the WebSocket message to the DOM showing it:
 * the main thread's CPU in that stretch (thread clock) against its wall-clock time (the rest is
 * the renderer waiting for a core: the machine's load, not the page's work), GC, style/layout,
 * and, for the slowest, the functions the CPU profile sampled. It also takes the time to the end
 * of the next frame (a message posted from requestAnimationFrame runs after the frame's style,
 * layout and paint), which the client bench does not count.
 *
 *   npx vite build --minify false --outDir /tmp/dist-prof --emptyOutDir
 *   PAJASEINA_DIST=/tmp/dist-prof npx tsx bench/remoteOutliers.ts [--notes 2000] [--changes 200] [--voting] [--top 8] [--no-profile]
 *
 * With --no-profile only the trace runs (no function names, the page not slowed by the
 * profiler): the per-change CPU figure of two builds, run in turn, is the steadiest before/after
 * comparison on a loaded machine.
 */
import { chromium, type CDPSession } from 'playwright-core';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { CHROMIUM_FLAGS } from '../tests/helpers/browser';
import { arg } from './lib/args';
import { openBigWall } from './lib/bigWall';
import { startBenchServer } from './lib/servers';
import { distribution } from './lib/stats';
import { endTrace } from './lib/traceStream';

const DIST = process.env.PAJASEINA_DIST ?? join(import.meta.dirname, '..', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const notes = Number(arg('notes', '2000'));
const changes = Number(arg('changes', '200'));
const top = Number(arg('top', '8'));
const voting = process.argv.includes('--voting');
/** Without the CPU profiler (which slows the page): for before/after runs of the figures alone. */
const profiling = !process.argv.includes('--no-profile');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
/** One change, in the page's clock (ms since navigation). */
interface Change {
  arrived: number;
  shown: number;
  /** After the next frame's style, layout and paint. */
  framed: number;
}

/** Trace events whose time inside a change is worth telling apart (nested: FunctionCall holds GC). */
const KINDS = ['FunctionCall', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'TimerFire'];

const server = await startBenchServer('pajaseina', { STATIC_DIR: DIST });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
try {
  const { wall, writer, model, ids } = await openBigWall(server, notes, voting);

  const page = await (await browser.newContext({ locale: 'fi-FI' })).newPage();
  await page.addInitScript(() => {
    const times: number[] = ((window as unknown as { __wsTimes: number[] }).__wsTimes = []);
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', () => times.push(performance.now()));
      }
    };
  });
  await page.goto(`http://127.0.0.1:${server.port}/w/${wall.id}#${wall.token}`);
  await page.waitForFunction((n) => document.querySelectorAll('article[data-note-id]').length >= n, notes, { polling: 'raf', timeout: 60_000 });
  // Let the render's leftovers (GC, IndexedDB storing the wall) settle before tracing.
  await page.waitForTimeout(2000);

  const cdp: CDPSession = await page.context().newCDPSession(page);
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['toplevel', '__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] },
  });
  if (profiling) await cdp.send('Profiler.start');
  // The page clock against the trace clock: a mark's startTime and its trace event's ts.
  const markAt = await page.evaluate(() => performance.mark('remote-outliers-clock').startTime);

  const measured: Change[] = [];
  for (let c = 0; c < changes; c++) {
    const text = `Muutettu ${c}`;
    await page.evaluate((expected) => {
      const w = window as unknown as { __done: Promise<{ shown: number; framed: number }> };
      w.__done = new Promise((resolve) => {
        const observer = new MutationObserver((records) => {
          const now = performance.now();
          if (!records.some((r) => r.type !== 'attributes' && (r.target instanceof Element ? r.target : r.target.parentElement)?.textContent?.includes(expected))) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ shown: now, framed: performance.now() });
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }, text);
    model.updateNoteText(ids[(c * 97) % ids.length]!, text);
    measured.push(
      await page.evaluate(async () => {
        const w = window as unknown as { __done: Promise<{ shown: number; framed: number }>; __wsTimes: number[] };
        const { shown, framed } = await w.__done;
        return { arrived: w.__wsTimes.filter((t) => t <= shown).at(-1) ?? shown, shown, framed };
      }),
    );
  }
  const { profile } = profiling
    ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile })
    : { profile: { nodes: [], startTime: 0, samples: [], timeDeltas: [] } satisfies CpuProfile };

  // With a vote open: someone else's votes on the first notes (near the top, where their
  // buttons are built), counting the notes whose DOM changed for each: only the voted note's
  // count should move.
  const votesTouched: number[] = [];
  if (voting) {
    const taskId = model.process.firstTaskId()!;
    for (let v = 0; v < 20; v++) {
      await page.evaluate(() => {
        const w = window as unknown as { __touched: Promise<number> };
        w.__touched = new Promise((resolve) => {
          const articles = new Set<Element>();
          const observer = new MutationObserver((records) => {
            for (const r of records) {
              const article = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('article[data-note-id]');
              if (article) articles.add(article);
            }
            // Whatever else re-renders for the same vote does so before the next frame.
            requestAnimationFrame(() => requestAnimationFrame(() => (observer.disconnect(), resolve(articles.size))));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      });
      model.votes.cast(taskId, ids[v % 10]!, `bench-voter-${v}`);
      votesTouched.push(await page.evaluate(() => (window as unknown as { __touched: Promise<number> }).__touched));
    }
  }
  const events = await endTrace<TraceEvent>(cdp);
  writer.destroy();

  const mark = events.find((e) => e.name === 'remote-outliers-clock');
  if (!mark) throw new Error('bench: the clock mark is not in the trace');
  const offsetUs = mark.ts - markAt * 1000;
  const main = `${mark.pid}:${mark.tid}`;
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');

  /** Time of `events` named `name` inside [from, to] (µs, trace clock), clipped to it; `cpu` sums thread time of the tasks instead. */
  const within = (name: string, from: number, to: number, cpu = false) =>
    onMain
      .filter((e) => e.name === name && e.ts < to && e.ts + (e.dur ?? 0) > from)
      .reduce((sum, e) => {
        const wall = Math.min(to, e.ts + e.dur!) - Math.max(from, e.ts);
        return sum + (cpu && e.dur ? (wall * (e.tdur ?? e.dur)) / e.dur : wall);
      }, 0) / 1000;

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sampleTimes: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) sampleTimes.push((t += d));
  /** Self time (ms) per function sampled inside any of the stretches (µs, trace clock). */
  const selfTimeIn = (stretches: { from: number; to: number }[]) => {
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const at = sampleTimes[i]!;
      if (!stretches.some((s) => at >= s.from && at <= s.to)) return;
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() || '(native)'}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    return [...self].sort((a, b) => b[1] - a[1]);
  };
  const functionsIn = (from: number, to: number) => selfTimeIn([{ from, to }]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(1)}`);

  const rows = measured.map((m, i) => {
    const from = m.arrived * 1000 + offsetUs;
    const to = m.shown * 1000 + offsetUs;
    const frameEnd = m.framed * 1000 + offsetUs;
    const kinds = Object.fromEntries(KINDS.map((k) => [k, within(k, from, to)]));
    return {
      i,
      ms: m.shown - m.arrived,
      toFrameMs: m.framed - m.arrived,
      cpuMs: within('ThreadControllerImpl::RunTask', from, to, true),
      busyMs: within('ThreadControllerImpl::RunTask', from, to),
      gcMs: kinds['MinorGC']! + kinds['MajorGC']!,
      frameStyleLayoutMs: within('UpdateLayoutTree', to, frameEnd) + within('Layout', to, frameEnd),
      framePaintMs: within('Paint', to, frameEnd) + within('PrePaint', to, frameEnd) + within('Layerize', to, frameEnd),
      from,
      to,
    };
  });
  const fmt = (x: number) => x.toFixed(1).padStart(6);
  const d = distribution(rows.map((r) => r.ms));
  const f = distribution(rows.map((r) => r.toFrameMs));
  const cpu = distribution(rows.map((r) => r.cpuMs));
  console.log(`${changes} remote changes, ${notes} notes${voting ? ', a vote open' : ''} (load ${loadavg()[0]!.toFixed(2)}${profiling ? '; profiled, so slower than unprofiled' : ''})`);
  console.log(`to the DOM:         p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}  max ${fmt(d.max)} ms`);
  console.log(`CPU in that stretch: p50 ${fmt(cpu.p50)}  p99 ${fmt(cpu.p99)}  max ${fmt(cpu.max)} ms`);
  console.log(`to the next frame:  p50 ${fmt(f.p50)}  p99 ${fmt(f.p99)}  max ${fmt(f.max)} ms`);
  if (voting) console.log(`notes whose DOM changed for each of ${votesTouched.length} remote votes: ${votesTouched.join(' ')}`);
  const sum = (k: 'ms' | 'cpuMs' | 'busyMs' | 'gcMs') => rows.reduce((s, r) => s + r[k], 0);
  console.log(`all changes: ${sum('ms').toFixed(0)} ms wall, ${sum('busyMs').toFixed(0)} ms in tasks, ${sum('cpuMs').toFixed(0)} ms CPU, ${sum('gcMs').toFixed(0)} ms GC`);
  const all = selfTimeIn(rows);
  const sampled = all.reduce((s, [, ms]) => s + ms, 0);
  console.log(`\nCPU profile over every change: ${sampled.toFixed(0)} ms sampled; self time per function (ms per change):`);
  for (const [k, ms] of all.slice(0, 25)) console.log(`  ${(ms / changes).toFixed(3).padStart(7)}  ${k}`);
  console.log(`\nslowest ${top} (ms): change, to DOM, CPU, in tasks (wall), GC, then style+layout and paint before the next frame`);
  for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, top)) {
    console.log(`#${String(r.i).padStart(4)} ${fmt(r.ms)} ${fmt(r.cpuMs)} ${fmt(r.busyMs)} ${fmt(r.gcMs)} | ${fmt(r.frameStyleLayoutMs)} ${fmt(r.framePaintMs)}   ${functionsIn(r.from, r.to).join(', ')}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
