/**
 * How long a participant link takes to become a usable wall on a phone-class device: Debian's
 * Chromium with 4× CPU slowdown and Lighthouse's "slow 4G" network (150 ms RTT, 1.6 Mbit/s down,
 * 750 kbit/s up), both set through the DevTools protocol.
 *
 *   npx tsx bench/phone.ts [--runs 3]
 *
 * Serves the client build in dist/ (or PAJASEINA_DIST): run `npm run build` first.
 *
 * Each run opens the link in a fresh browser context (empty cache, no service worker, no
 * IndexedDB) and measures, from navigation start:
 *  - first visit: the join form usable, then (after a scripted join, typing time excluded) the
 *    add-note form usable, and the status banner "online";
 *  - second visit, in the same context after the service worker took control and the wall was
 *    stored in IndexedDB: the add-note form usable (the join is remembered) and "online".
 * Prints medians and writes every figure to bench/results/phone-<date>T<hhmm>.json.
 *
 * Caveat: Chromium's network emulation applies to the page's requests; the WebSocket and the
 * service worker's own fetches are not throttled by it, so "online" is optimistic on slow 4G.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/helpers/browser';
import { createWall, startServer } from '../tests/helpers/server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const RUNS = arg('runs', 3);


const CPU_SLOWDOWN = 4;
/** Lighthouse's mobile "slow 4G" (its simulated throttling figures), in DevTools protocol units. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
}

/** performance.now() (ms since navigation start) when `selector` first matches a usable element. */
function whenUsable(page: Page, selector: string): Promise<number> {
  return page
    .waitForFunction(
      (sel) => {
        const el = document.querySelector(sel) as HTMLTextAreaElement | HTMLInputElement | null;
        return el && !el.disabled && el.getClientRects().length > 0 ? performance.now() : null;
      },
      selector,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

const ADD_NOTE = '[data-testid="add-note-text"]';
const ONLINE = '[data-testid="status"][data-status="online"]';
const whenOnline = (page: Page) =>
  page
    .waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : null), ONLINE, { polling: 'raf', timeout: 60_000 })
    .then((h) => h.jsonValue() as Promise<number>);

interface Run {
  firstJoinFormMs: number;
  firstWallMs: number;
  firstOnlineMs: number;
  secondWallMs: number;
  secondOnlineMs: number;
}

async function runOnce(link: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ locale: 'fi-FI', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    // First visit: cold cache.
    const first = await context.newPage();
    await throttle(context, first);
    await first.goto(link, { waitUntil: 'commit' });
    const firstJoinFormMs = await whenUsable(first, '#join-name');
    await first.fill('#join-name', 'Puhelin');
    await first.getByRole('radio', { name: 'Ryhmä 1' }).check();
    const submittedAt = await first.evaluate(() => performance.now());
    await first.getByRole('button', { name: 'Siirry seinälle' }).click();
    const wallAt = await whenUsable(first, ADD_NOTE);
    const onlineAt = await whenOnline(first);
    // Typing the name is the person's time, not the app's: count only load → join form, and submit → wall.
    const firstWallMs = firstJoinFormMs + (wallAt - submittedAt);
    const firstOnlineMs = firstJoinFormMs + (onlineAt - submittedAt);
    // The second visit is "warm" only once the service worker controls the origin and the wall is stored.
    await first.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await first.close();

    // Second visit: service worker, HTTP cache and IndexedDB warm; the join is remembered.
    const second = await context.newPage();
    await throttle(context, second);
    await second.goto(link, { waitUntil: 'commit' });
    const secondWallMs = await whenUsable(second, ADD_NOTE);
    const secondOnlineMs = await whenOnline(second);
    return { firstJoinFormMs, firstWallMs, firstOnlineMs, secondWallMs, secondOnlineMs };
  } finally {
    await browser.close();
  }
}

async function main() {
  const server = await startServer();
  try {
    const wall = await createWall(server.url, { title: 'Puhelinmittaus' });
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await runOnce(wall.links.participant);
      runs.push(run);
      console.log(`run ${i + 1}/${RUNS}: ${JSON.stringify(run, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
    }
    const medians = Object.fromEntries(
      (Object.keys(runs[0]!) as (keyof Run)[]).map((k) => [k, Math.round(median(runs.map((r) => r[k])))]),
    ) as Record<keyof Run, number>;

    const rows: [string, number, string][] = [
      ['1st visit: join form usable', medians.firstJoinFormMs, ''],
      ['1st visit: add-note form usable (typing excluded)', medians.firstWallMs, '< 5000'],
      ['1st visit: status "online"', medians.firstOnlineMs, ''],
      ['2nd visit: add-note form usable', medians.secondWallMs, '< 3000'],
      ['2nd visit: status "online"', medians.secondOnlineMs, ''],
    ];
    console.log(`\nPhone class: ${CPU_SLOWDOWN}× CPU slowdown, slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up); median of ${RUNS}`);
    console.log('| What | Median (ms) | Target (ms) |\n|---|---:|---:|');
    for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);

    // Date and time: a later run never overwrites an earlier one.
    const date = new Date().toISOString().slice(0, 16).replace(':', '');
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `phone-${date}.json`);
    const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: CHROMIUM_PATH };
    writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), command: 'npx tsx bench/phone.ts', machine, cpuSlowdown: CPU_SLOWDOWN, network: SLOW_4G, runs, medians }, null, 2) +
        '\n',
    );
    console.log(`\nwrote ${file}`);
  } finally {
    await server.close();
  }
}

await main();
