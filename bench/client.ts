/**
 * Scenario 5, the client in Debian's Chromium: time from navigation until a wall of `notes`
 * notes is on screen; time from the WebSocket message carrying one remote change until the DOM
 * shows it, with how many notes' DOM was touched; the initial JavaScript's gzip size.
 * Needs the built client (npm run build, or PAJASEINA_DIST) and /usr/bin/chromium (npm test installs it).
 *
 * Alone: `npx tsx bench/client.ts [--notes 2000] [--changes 20] [--runs 3] [--voting]` prints every run and
 * the medians and writes bench/results/client-<date>T<hhmm>.json (`npm run bench -- --only client` runs
 * it once, within the whole bench's results file).
 *
 * `--profile <file prefix>` also records a CPU profile and a performance trace of the render and
 * of the remote changes (bench/lib/pageProfile.ts) and writes their summary to `<prefix>.md`;
 * profile an unminified build (`npx vite build --minify false`) to read the function names.
 * The profiler slows the page: timings of a profiled run are not comparable with others.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tests/helpers/browser';
import { openBigWall } from './lib/bigWall';
import { startBenchServer } from './lib/servers';
import { MainThreadCpu } from './lib/mainThreadCpu';
import { PageProfile } from './lib/pageProfile';
import { distribution, median, type Distribution } from './lib/stats';

const DIST = process.env.PAJASEINA_DIST ?? join(import.meta.dirname, '..', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ClientResult {
  notes: number;
  renderMs: number;
  /**
   * The same moment as the page saw it: when the requestAnimationFrame poll first found every
   * note in the DOM. renderMs is read by a second call from the bench after the poll reported
   * back, so it also holds two trips between Node and the page (tens of ms on a loaded machine).
   */
  renderSeenMs: number;
  remoteChange: Distribution;
  /** Median number of note elements whose DOM changed for one remote change (1 = only that note). */
  notesTouched: number;
  initialJsGzipBytes: number;
  /** When the page's steps happened, ms since navigation (notesArrived: the WebSocket message carrying the notes). */
  timeline: {
    domContentLoaded: number;
    scriptsLoaded: number;
    /** When the page asked for the wall's info (its HTTP request started) and got it. */
    wallInfoRequested: number;
    wallInfoReceived: number;
    /** When the page created its WebSocket. */
    wsOpened: number;
    firstWsMessage: number;
    wsMessagesBeforeRender: number;
    notesArrived: number;
    /** Any performance.mark() the page made before it rendered, by name (the last of each name): a build instrumented by hand to split the render. */
    marks: Record<string, number>;
  };
  /** With `cpu`: the page's main-thread CPU from navigation until rendered, and over all the remote changes. */
  cpuMs?: { render: number; changes: number };
  /** Elements in the whole page once the wall is rendered, and per note (its li and everything in it). */
  elements: { page: number; perNote: number };
}

/** The entry script and every modulepreload the page loads before it runs. */
export function initialJsGzipBytes(dist = DIST): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return srcs.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src.replace(/^\//, ''))), { level: 9 }).byteLength, 0);
}

export interface ClientOptions {
  /** Write a CPU profile and trace summary to `<profile>.md` (see the file's comment). */
  profile?: string;
  /** The built client to serve (default: PAJASEINA_DIST or dist/). */
  dist?: string;
  /** Also measure the main thread's CPU time for the render and the changes (bench/lib/mainThreadCpu.ts). */
  cpu?: boolean;
  /** Open a dot vote in the notes' task first: every note then shows its vote button. */
  voting?: boolean;
}

export async function clientScenario(notes: number, changes: number, { profile, dist = DIST, cpu, voting }: ClientOptions = {}): Promise<ClientResult> {
  const server = await startBenchServer('pajaseina', { STATIC_DIR: dist });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const { wall, writer, model, ids } = await openBigWall(server, notes, voting);
    const page = await (await browser.newContext({ locale: 'fi-FI' })).newPage();
    await page.addInitScript(() => {
      // When each WebSocket message arrived, in the page's clock.
      const times: number[] = ((window as unknown as { __wsTimes: number[] }).__wsTimes = []);
      const opened: number[] = ((window as unknown as { __wsOpened: number[] }).__wsOpened = []);
      const sizes: number[] = ((window as unknown as { __wsSizes: number[] }).__wsSizes = []);
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          opened.push(performance.now());
          this.addEventListener('message', (e: MessageEvent) => {
            times.push(performance.now());
            sizes.push((e.data as ArrayBuffer | Blob | string) instanceof ArrayBuffer ? (e.data as ArrayBuffer).byteLength : 0);
          });
        }
      };
    });
    const profiler = profile ? await PageProfile.attach(page) : null;
    const summaries: string[] = [];
    await profiler?.start();
    let cpuMeter = cpu && !profiler ? await MainThreadCpu.start(page) : null;
    const cpuMs = { render: NaN, changes: NaN };
    await page.goto(`http://127.0.0.1:${server.port}/w/${wall.id}#${wall.token}`);
    const seen = await page.waitForFunction((n) => document.querySelectorAll('article[data-note-id]').length >= n && performance.now(), notes, {
      polling: 'raf',
      timeout: 60_000,
    });
    const renderMs = await page.evaluate(() => performance.now());
    const renderSeenMs = (await seen.jsonValue()) as number;
    if (cpuMeter) cpuMs.render = await cpuMeter.stop();
    if (profiler) summaries.push(await profiler.stop(`${profile}-render`, `Render of ${notes} notes (${renderMs.toFixed(0)} ms, profiled)`));
    const elements = await page.evaluate(() => {
      const items = [...document.querySelectorAll('article[data-note-id]')].map((a) => a.closest('li') ?? a);
      const inNotes = items.reduce((sum, li) => sum + 1 + li.getElementsByTagName('*').length, 0);
      return { page: document.getElementsByTagName('*').length, perNote: inNotes / Math.max(1, items.length) };
    });
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js'));
      const info = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => /\/api\/walls\/[^/]+$/.test(new URL(r.name).pathname));
      const { __wsTimes: ws, __wsSizes: sizes, __wsOpened: opened } = window as unknown as { __wsTimes: number[]; __wsSizes: number[]; __wsOpened: number[] };
      const biggest = sizes.indexOf(Math.max(...sizes));
      return {
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        scriptsLoaded: Math.round(Math.max(...scripts.map((r) => r.responseEnd))),
        wallInfoRequested: Math.round(info?.startTime ?? NaN),
        wallInfoReceived: Math.round(info?.responseEnd ?? NaN),
        wsOpened: Math.round(opened[0] ?? NaN),
        firstWsMessage: Math.round(ws[0] ?? NaN),
        wsMessagesBeforeRender: ws.length,
        /** The message that carried the notes: from it to the render is the client's own work. */
        notesArrived: Math.round(ws[biggest] ?? NaN),
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
      };
    });
    await profiler?.start();
    cpuMeter = cpu && !profiler ? await MainThreadCpu.start(page) : null;

    const samples: number[] = [];
    const touched: number[] = [];
    for (let c = 0; c < changes; c++) {
      const id = ids[(c * 97) % ids.length]!;
      const text = `Muutettu ${c}`;
      await page.evaluate((expected) => {
        const w = window as unknown as { __done: Promise<{ at: number; touched: number }> };
        w.__done = new Promise((resolve) => {
          const articles = new Set<Element>();
          let at: number | undefined;
          const observer = new MutationObserver((records) => {
            // The DOM changed before this callback ran: take the time first, so the bench's own
            // bookkeeping below is not counted (reading the whole body's text here cost
            // several ms per change on a 2,000-note wall and was counted before).
            const now = performance.now();
            for (const r of records) {
              const node = r.target instanceof Element ? r.target : r.target.parentElement;
              const article = node?.closest('article[data-note-id]');
              if (article) articles.add(article);
              if (at === undefined && r.type !== 'attributes' && node?.textContent?.includes(expected)) at = now;
            }
            if (at !== undefined && records.length > 0) {
              const shownAt = at;
              // Count what else re-rendered in the same frame before reporting.
              requestAnimationFrame(() => {
                observer.disconnect();
                resolve({ at: shownAt, touched: articles.size });
              });
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      }, text);
      model.updateNoteText(id, text);
      const done = await page.evaluate(async () => {
        const w = window as unknown as { __done: Promise<{ at: number; touched: number }>; __wsTimes: number[] };
        const { at, touched } = await w.__done;
        const arrived = w.__wsTimes.filter((t) => t <= at).at(-1) ?? at;
        return { ms: at - arrived, touched };
      });
      samples.push(done.ms);
      touched.push(done.touched);
    }
    const remoteChange = distribution(samples);
    if (cpuMeter) cpuMs.changes = await cpuMeter.stop();
    if (profiler && profile) {
      summaries.push(await profiler.stop(`${profile}-changes`, `${changes} remote changes (p50 ${remoteChange.p50.toFixed(1)} ms, p99 ${remoteChange.p99.toFixed(1)} ms, profiled)`));
      writeFileSync(`${profile}.md`, `Elements: ${elements.page} in the page, ${elements.perNote.toFixed(1)} per note.\n\nTimeline of the render (ms since navigation): ${JSON.stringify(timeline)}\n\n${summaries.join('\n\n')}\n`);
    }
    writer.destroy();
    return { notes, renderMs, renderSeenMs, remoteChange, notesTouched: median(touched), initialJsGzipBytes: initialJsGzipBytes(dist), timeline, elements, ...(cpu && { cpuMs }) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const notes = arg('notes', 2000);
  const changes = arg('changes', 20);
  const runs: (ClientResult & { loadavg1: number })[] = [];
  const profileAt = process.argv.indexOf('--profile');
  const profile = profileAt > 0 ? process.argv[profileAt + 1] : undefined;
  const voting = process.argv.includes('--voting');
  for (let r = 0; r < arg('runs', 3); r++) {
    const result = await clientScenario(notes, changes, { profile: profile && `${profile}-${r + 1}`, voting });
    runs.push({ ...result, loadavg1: loadavg()[0]! });
    console.log(
      `run ${r + 1}: render ${result.renderMs.toFixed(0)} ms (${(result.renderMs - result.timeline.notesArrived).toFixed(0)} after the notes arrived; seen in the page at ${result.renderSeenMs.toFixed(0)}), remote change p50 ${result.remoteChange.p50.toFixed(1)} / p99 ${result.remoteChange.p99.toFixed(1)} ms, ` +
        `notes touched ${result.notesTouched}, ${result.elements.perNote.toFixed(1)} elements per note, initial JS ${(result.initialJsGzipBytes / 1024).toFixed(1)} KiB gzip (load ${loadavg()[0]!.toFixed(2)})`,
    );
    console.log(`  timeline (ms since navigation): ${JSON.stringify(result.timeline)}`);
  }
  const medians = {
    renderMs: median(runs.map((r) => r.renderMs)),
    renderSeenMs: median(runs.map((r) => r.renderSeenMs)),
    remoteChangeP50: median(runs.map((r) => r.remoteChange.p50)),
    remoteChangeP99: median(runs.map((r) => r.remoteChange.p99)),
    notesTouched: median(runs.map((r) => r.notesTouched)),
    initialJsGzipBytes: runs[0]!.initialJsGzipBytes,
  };
  console.log(`median of ${runs.length}: ${JSON.stringify(medians)}`);
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  // Date and time: a later run never overwrites an earlier one.
  const file = join(dir, `client-${date.slice(0, 16).replace(':', '')}.json`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: CHROMIUM };
  writeFileSync(file, JSON.stringify({ date, command: 'npx tsx bench/client.ts', dist: DIST, machine, notes, changes, runs, medians }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
