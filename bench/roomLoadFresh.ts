/**
 * Room.load of the big wall in a fresh process each time, as a restarted server loads it (cold
 * JIT, small heap), head and base alternating: wall time, CPU, and per turn of the event loop the
 * longest wall-clock gap and the CPU spent (process.cpuUsage between 1 ms timer ticks). On a
 * loaded machine the gaps are mostly time the process was not scheduled; the CPU per turn is not.
 * Each side's wall is compacted by its own Room (its own snapshot parts).
 *
 *   npx tsx bench/roomLoadFresh.ts --base <checkout> [--head <checkout>] [--rounds 5]
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { arg } from './lib/args';
import { median } from './lib/stats';

const ID = 'benchroomload000000001';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const options = { compactAfterUpdates: Number.MAX_SAFE_INTEGER, maxPendingBytes: 1 << 20, log: silent, onEmpty() {} };

async function side(root: string) {
  const { SqliteStore } = (await import(join(root, 'server', 'storage', 'sqliteStore.ts'))) as typeof import('../server/storage/sqliteStore');
  const { Room } = (await import(join(root, 'server', 'rooms', 'room.ts'))) as typeof import('../server/rooms/room');
  return { SqliteStore, Room };
}

if (process.argv.includes('--child')) {
  // One load: `--child <root> <dir>`; prints one JSON line.
  const [root, dir] = process.argv.slice(process.argv.indexOf('--child') + 1) as [string, string];
  const { SqliteStore, Room } = await side(root);
  const work = mkdtempSync(join(tmpdir(), 'pajaseina-fresh-'));
  cpSync(dir, work, { recursive: true });
  const store = new SqliteStore(work);
  await new Promise((r) => setTimeout(r, 200));
  const gaps: number[] = [];
  const cpuPerTurn: number[] = [];
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    gaps.push(now - last);
    cpuPerTurn.push((cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  }, 1);
  await new Promise((r) => setTimeout(r, 20));
  gaps.length = 0;
  cpuPerTurn.length = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const room = new Room(ID, store, options);
  await room.load();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  console.log(JSON.stringify({ ms, cpu: (cpu.user + cpu.system) / 1000, gapMax: q(gaps, 1), turnCpuMax: q(cpuPerTurn, 1), turnCpuP90: q(cpuPerTurn, 0.9), turns: gaps.length }));
  room.destroy();
  await store.close();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const roots = { head: resolve(arg('head', join(import.meta.dirname, '..'))), base: resolve(arg('base')) };
const rounds = Number(arg('rounds', '5'));
const dir = mkdtempSync(join(tmpdir(), 'pajaseina-fresh-walls-'));
try {
  const { buildHistory } = await import('./lib/notes');
  const history = buildHistory(5000, 50000);
  const tokenHashes = { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64), viewer: 'c'.repeat(64) };
  const walls: Record<string, string> = {};
  for (const [name, root] of Object.entries(roots)) {
    const { SqliteStore, Room } = await side(root);
    const unc = join(dir, name, 'uncompacted');
    const store = new SqliteStore(unc);
    await store.createWall({ id: ID, title: 'Bench', language: 'fi', createdAt: Date.now(), tokenHashes }, history.updates[0]!);
    for (const update of history.updates.slice(1)) await store.appendUpdate(ID, update);
    await store.close();
    const comp = join(dir, name, 'compacted');
    cpSync(unc, comp, { recursive: true });
    const compStore = new SqliteStore(comp);
    const room = new Room(ID, compStore, options);
    await room.load();
    await room.compact();
    room.destroy();
    await compStore.close();
    walls[`${name} uncompacted`] = unc;
    walls[`${name} compacted`] = comp;
  }
  const results: Record<string, Record<string, number>[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const kind of ['uncompacted', 'compacted']) {
      for (const name of r % 2 === 0 ? ['base', 'head'] : ['head', 'base']) {
        const key = `${name} ${kind}`;
        const load = loadavg()[0]!.toFixed(1);
        const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', roots[name as 'head' | 'base'], walls[key]!], { encoding: 'utf8' });
        const f = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
        (results[key] ??= []).push(f);
        console.log(`round ${r + 1} ${key.padEnd(17)} (load ${load}): ${Object.entries(f).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
      }
    }
  }
  console.log(`\nmedians of ${rounds} rounds (ms); head/base`);
  for (const kind of ['uncompacted', 'compacted']) {
    for (const field of Object.keys(results[`head ${kind}`]![0]!)) {
      const h = median(results[`head ${kind}`]!.map((f) => f[field]!));
      const b = median(results[`base ${kind}`]!.map((f) => f[field]!));
      console.log(`  ${kind.padEnd(12)} ${field.padEnd(11)} base ${b.toFixed(1).padStart(7)}  head ${h.toFixed(1).padStart(7)}  ${(h / b).toFixed(2)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
