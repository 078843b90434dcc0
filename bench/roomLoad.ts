/**
 * Scenario 3 (cold load) inside one process, phase by phase, with the event loop watched: how
 * long `Room.load` takes for a wall stored as N uncompacted updates, how long the event loop is
 * blocked at most meanwhile, what the compaction after it costs, and the load of the compacted
 * wall. `--base <dir>` runs the same against the Room of another checkout, alternating, for
 * before and after in one run.
 *
 *   node --import tsx bench/roomLoad.ts --notes 5000 --updates 50000 [--rounds 3] [--base /tmp/base]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SqliteStore } from '../server/storage/sqliteStore';
import type { Room as RoomClass, RoomOptions } from '../server/rooms/room';
import { buildHistory } from './lib/notes';
import { notesOf } from './lib/notes';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const NOTES = Number(arg('notes', '5000'));
const UPDATES = Number(arg('updates', '50000'));
const ROUNDS = Number(arg('rounds', '3'));
const base = arg('base', '');
const here = resolve(import.meta.dirname, '..');
// Each side's own Room and SqliteStore: how the store reads the log is part of what is compared.
const importSide = async (root: string) => ({
  Room: ((await import(join(root, 'server', 'rooms', 'room.ts'))) as { Room: typeof RoomClass }).Room,
  Store: ((await import(join(root, 'server', 'storage', 'sqliteStore.ts'))) as { SqliteStore: typeof SqliteStore }).SqliteStore,
});
const sides: [string, Awaited<ReturnType<typeof importSide>>][] = [['head', await importSide(here)]];
if (base) sides.push(['base', await importSide(resolve(base))]);

const silent = { debug() {}, info() {}, warn() {}, error() {} };
// No automatic compaction: it is timed on its own below.
const options: RoomOptions = { compactAfterUpdates: Number.MAX_SAFE_INTEGER, maxPendingBytes: 1 << 20, log: silent, onEmpty() {} };
const id = 'benchroomload000000001';

interface Watched {
  ms: number;
  /** The longest the event loop went without a turn, and the 99th percentile of those gaps. */
  blockMax: number;
  blockP99: number;
}

/**
 * Runs `work` while a 1 ms timer asks for turns, as a busy server's other sockets would: its
 * duration and how long the event loop went without a turn meanwhile.
 */
async function watched(work: () => Promise<unknown>): Promise<Watched> {
  const gaps: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 10));
  gaps.length = 0;
  last = performance.now();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  gaps.sort((a, b) => a - b);
  return { ms, blockMax: gaps.at(-1) ?? 0, blockP99: gaps[Math.floor(gaps.length * 0.99)] ?? 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'pajaseina-roomload-'));
try {
  process.stderr.write(`building ${UPDATES} updates over ${NOTES} notes…\n`);
  const history = buildHistory(NOTES, UPDATES);
  const tokenHashes = { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64), viewer: 'c'.repeat(64) };
  const results: Record<string, Record<string, Watched[]>> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, { Room, Store }] of r % 2 === 0 ? sides : [...sides].reverse()) {
      const store = new Store(join(dir, `${name}-${r}`));
      await store.createWall({ id, title: 'Bench', language: 'fi', createdAt: Date.now(), tokenHashes }, history.updates[0]!);
      for (const update of history.updates.slice(1)) await store.appendUpdate(id, update);
      const phases: Record<string, Watched> = {};
      phases['storage read alone'] = await watched(() => store.loadState(id));
      const load = async (phase: string) => {
        const room = new Room(id, store, options);
        phases[phase] = await watched(() => room.load());
        if (notesOf(room.doc).size !== NOTES) throw new Error(`loaded ${notesOf(room.doc).size} notes, expected ${NOTES}`);
        return room;
      };
      const cold = await load('Room.load, uncompacted');
      phases['compaction'] = await watched(() => cold.compact());
      cold.destroy();
      (await load('Room.load, compacted')).destroy();
      await store.close();
      const byPhase = (results[name] ??= {});
      for (const [phase, w] of Object.entries(phases)) (byPhase[phase] ??= []).push(w);
      process.stderr.write(`round ${r + 1} ${name} (load ${loadavg()[0]!.toFixed(1)}): ${Object.entries(phases).map(([p, w]) => `${p} ${w.ms.toFixed(0)} ms (block ${w.blockMax.toFixed(0)})`).join(', ')}\n`);
    }
  }
  console.log(`${UPDATES} updates, ${NOTES} notes; median of ${ROUNDS} rounds; "block": the longest the event loop went without a turn`);
  for (const [name] of sides) {
    for (const [phase, ws] of Object.entries(results[name]!)) {
      console.log(`${name.padEnd(5)} ${phase.padEnd(26)} ${median(ws.map((w) => w.ms)).toFixed(0).padStart(6)} ms   block p99 ${median(ws.map((w) => w.blockP99)).toFixed(1).padStart(6)} ms   max ${median(ws.map((w) => w.blockMax)).toFixed(1).padStart(6)} ms`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
