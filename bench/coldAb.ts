/**
 * Scenario 3 (cold load) before and after in one run: our server from this checkout (head) and
 * from another checkout (base, e.g. `git worktree add /tmp/base <commit>` with node_modules
 * linked), alternating every round, each through the whole of bench/coldLoad.ts (restart with
 * the uncompacted log, warm, restart with the compacted wall, and with 499 rows after it).
 *
 *   npx tsx bench/coldAb.ts --base /tmp/base [--head /tmp/head] [--rounds 3] [--notes 5000] [--updates 50000]
 *
 * `--head` runs head from another checkout too, so edits made in this one meanwhile (by anyone)
 * do not change what is measured halfway through.
 *
 * Prints every round and the medians; ratios are head ÷ base (below 1: head is better). The
 * server-side columns come from head only (a base without server/rooms/roomTimings.ts has none).
 */
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { coldLoadOurs, type ColdLoadResult } from './coldLoad';
import { buildHistory } from './lib/notes';
import { median, ratio, round } from './lib/stats';
import { arg } from './lib/args';

const base = resolve(arg('base'));
const head = arg('head', '');
const rounds = Number(arg('rounds', '3'));
const notes = Number(arg('notes', '5000'));
const updates = Number(arg('updates', '50000'));

const entries = { head: head ? join(resolve(head), 'bench', 'servers', 'ours.ts') : undefined, base: join(base, 'bench', 'servers', 'ours.ts') } as const;
type Side = keyof typeof entries;

const figures = (r: ColdLoadResult): Record<string, number> => ({
  uncompacted: r.coldUncompactedMs ?? NaN,
  compacted: r.coldCompactedMs ?? NaN,
  warm: r.warmMs,
  eldP99: r.server.eldP99,
  eldMax: r.server.eldMax,
  eldP99Compacted: r.serverCompacted?.eldP99 ?? NaN,
  eldMaxCompacted: r.serverCompacted?.eldMax ?? NaN,
  afterCrash: r.coldAfterCrashMs ?? NaN,
  eldP99AfterCrash: r.serverAfterCrash?.eldP99 ?? NaN,
  eldMaxAfterCrash: r.serverAfterCrash?.eldMax ?? NaN,
  serverUncompacted: r.serverSide?.uncompacted?.firstSyncMs ?? NaN,
  serverCompacted: r.serverSide?.compacted?.firstSyncMs ?? NaN,
  serverWarm: r.serverSide?.warm?.firstSyncMs ?? NaN,
  // 1 when the compacted wall's new client was answered from storage while the room replayed.
  compactedWhileLoading: r.serverSide?.compacted?.whileLoading ? 1 : 0,
});

process.setMaxListeners(0);
process.stderr.write(`building ${updates} updates over ${notes} notes…\n`);
const history = { ...buildHistory(notes, updates), notes };
const results: Record<Side, Record<string, number>[]> = { head: [], base: [] };
for (let r = 0; r < rounds; r++) {
  for (const side of (r % 2 === 0 ? ['base', 'head'] : ['head', 'base']) as Side[]) {
    const load = round(loadavg()[0]!, 2);
    const f = figures(await coldLoadOurs(history, entries[side]));
    results[side].push(f);
    console.log(`round ${r + 1} ${side} (load ${load}): ${Object.entries(f).map(([k, v]) => `${k} ${round(v, 1)}`).join(', ')}`);
  }
}
console.log(`\nmedian of ${rounds} rounds, cold load of ${notes} notes in ${updates} updates (ms):`);
for (const key of Object.keys(results.head[0]!)) {
  const h = median(results.head.map((f) => f[key]!));
  const b = median(results.base.map((f) => f[key]!));
  console.log(`  ${key.padEnd(18)} base ${String(round(b, 1)).padStart(8)}  head ${String(round(h, 1)).padStart(8)}  head/base ${Number.isNaN(b) ? '–' : ratio(h, b)}`);
}
process.exit(0);
