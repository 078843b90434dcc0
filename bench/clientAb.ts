/**
 * Scenario 5 before and after in one run: the client bench (bench/client.ts) against two builds
 * of the client, alternating every round so the machine's load hits both alike. The server is
 * this checkout's in both; only the served client differs.
 *
 *   npx vite build --outDir /tmp/dist-head --emptyOutDir
 *   (in a worktree of the base commit) npx vite build --outDir /tmp/dist-base --emptyOutDir
 *   npx tsx bench/clientAb.ts --base /tmp/dist-base --head /tmp/dist-head --rounds 5 [--voting]
 *
 * Prints each run and the median per side; ratios are head ÷ base (below 1: head is better).
 * Besides the timings, each run measures the page's main-thread CPU (bench/lib/mainThreadCpu.ts),
 * which a loaded machine disturbs far less.
 */
import { loadavg } from 'node:os';
import { clientScenario, type ClientResult } from './client';
import { median, ratio, round } from './lib/stats';
import { arg } from './lib/args';

const dists = { base: arg('base'), head: arg('head') };
const rounds = Number(arg('rounds', '5'));
const notes = Number(arg('notes', '2000'));
// 100 remote changes per run: the p99 of 20 is their maximum, which is mostly the first change
// after the load (code not yet optimised) or a moment the renderer waited for a core.
const changes = Number(arg('changes', '100'));
/** With a dot vote open: a vote button on every note. */
const voting = process.argv.includes('--voting');

type Side = keyof typeof dists;
const figures = (r: ClientResult) => ({
  renderMs: r.renderMs,
  renderSeenMs: r.renderSeenMs,
  afterNotesMs: r.renderMs - r.timeline.notesArrived,
  renderCpuMs: r.cpuMs!.render,
  changesCpuMsEach: r.cpuMs!.changes / changes,
  changeP50: r.remoteChange.p50,
  changeP99: r.remoteChange.p99,
  notesTouched: r.notesTouched,
  elementsPerNote: r.elements.perNote,
  initialJsKiB: r.initialJsGzipBytes / 1024,
});
type Figures = ReturnType<typeof figures>;
const results: Record<Side, Figures[]> = { base: [], head: [] };

for (let round_ = 0; round_ < rounds; round_++) {
  // Alternate which side goes first, so neither always runs on the warmer (or busier) machine.
  const order: Side[] = round_ % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
  for (const side of order) {
    const f = figures(await clientScenario(notes, changes, { dist: dists[side], cpu: true, voting }));
    results[side].push(f);
    console.log(`round ${round_ + 1} ${side}: ${JSON.stringify(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, round(v)])))} (load ${loadavg()[0]!.toFixed(2)})`);
  }
}

const medians = (side: Side) => Object.fromEntries(Object.keys(results[side][0]!).map((k) => [k, median(results[side].map((f) => f[k as keyof Figures]))])) as Figures;
const base = medians('base');
const head = medians('head');
console.log(`\nmedians of ${rounds} rounds (head ÷ base):`);
for (const k of Object.keys(base) as (keyof Figures)[]) console.log(`  ${k}: base ${round(base[k])}, head ${round(head[k])}, ratio ${ratio(head[k], base[k])}`);
