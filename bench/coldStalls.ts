/**
 * What each stall of a traced cold load was: reads the server's CPU profile and the timeline of
 * bench/coldTrace.ts, and splits every stall it lists into what the profile sampled meanwhile
 * (GC, Yjs apply, Yjs's transaction cleanup, the early answer, SQLite, ...) and the time the
 * thread was not running at all (on a loaded machine, most of it). A sample is taken only while
 * the thread runs: time between samples beyond 1.5 intervals counts as not running.
 *
 *   npx tsx bench/coldTrace.ts --flags "--cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval 250" > /tmp/trace.txt
 *   npx tsx bench/coldStalls.ts --profile /tmp/prof/CPU.*.0.001.cpuprofile --trace /tmp/trace.txt [--interval 250]
 */
import { readFileSync } from 'node:fs';
import { arg } from './lib/args';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const profile = JSON.parse(readFileSync(arg('profile'), 'utf8')) as Profile;
const trace = readFileSync(arg('trace'), 'utf8');
const intervalUs = Number(arg('interval', '250'));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// The first frame of a sample's stack, from the leaf up, that names one of these.
const CAUSES: [string, string][] = [
  ['(garbage collector)', 'GC'],
  ['answerFromStoredState', 'early answer'],
  ['answerSyncStep1', 'step 2 answer'],
  ['cleanupTransactions', 'Yjs transaction cleanup'],
  ['applyUpdate', 'Yjs apply'],
  ['judgeUpdate', 'judging an update'],
  ['loadState', 'SQLite read'],
  ['handleUpgrade', 'ws upgrade'],
  ['replayStored', 'replay (other)'],
];
const cause = (id: number): string => {
  const chain: string[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x)!.callFrame.functionName);
  for (const [frame, name] of CAUSES) if (chain.includes(frame)) return name;
  return `other (${chain.slice(0, 2).join(' < ')})`;
};

const samples: [number, number][] = [];
let t = profile.startTime;
profile.samples.forEach((id, i) => samples.push([(t += profile.timeDeltas[i]!), id]));

const running: number[] = [];
for (const line of trace.split('\n')) {
  const m = /^\s*(\S+)\s+server stall (\S+) ms hr=(\d+)/.exec(line);
  if (!m) continue;
  const [, at = '', ms = '0', hr] = m;
  const start = Number(hr);
  const end = start + Number(ms) * 1000;
  const spent = new Map<string, number>();
  let previous = start;
  for (const [ts, id] of samples) {
    if (ts <= start || ts > end) continue;
    const ran = Math.min(ts - previous, 1.5 * intervalUs);
    previous = ts;
    const name = cause(id);
    if (name !== 'other ((idle) < (root))') spent.set(name, (spent.get(name) ?? 0) + ran / 1000);
  }
  const ranMs = [...spent.values()].reduce((a, b) => a + b, 0);
  running.push(ranMs);
  spent.set('not running', Number(ms) - ranMs);
  const parts = [...spent].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 0.5);
  console.log(`${at.padStart(8)} ms: stall ${ms.padStart(6)} ms = ${parts.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}
running.sort((a, b) => a - b);
const at = (q: number) => running[Math.min(running.length - 1, Math.floor(running.length * q))]?.toFixed(1);
console.log(`${running.length} stalls; of each, the time the thread ran: max ${at(1)}, p90 ${at(0.9)}, median ${at(0.5)} ms`);
