/**
 * Before and after in one run: our server from this checkout (`head`) against our server from
 * another checkout of the repository (`base`, e.g. `git archive <commit> | tar -x -C /tmp/base`
 * with node_modules linked), alternating every round so the machine's load hits both alike.
 *
 *   npx tsx bench/ab.ts --base /tmp/base --scenario fanout --clients 100 --rounds 3 [--pace 10 --burst 30 --workers 4 --receivers yjs]
 *   npx tsx bench/ab.ts --base /tmp/base --scenario memory
 *   npx tsx bench/ab.ts --base /tmp/base --scenario walls
 *
 * Prints each round and the median per side; ratios are head ÷ base (below 1: head is better).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_RECEIVERS, defaultClientWorkers, fanout, type Receivers } from './fanout';
import { startBenchServer, type BenchServer } from './lib/servers';
import { median, ratio, round } from './lib/stats';
import { manyWalls } from './manyWalls';
import { memory } from './memory';
import { arg } from './lib/args';

const base = resolve(arg('base'));
const scenario = arg('scenario', 'fanout');
const rounds = Number(arg('rounds', '3'));
const clients = Number(arg('clients', '100'));

const entries = { head: undefined, base: join(base, 'bench', 'servers', 'ours.ts') } as const;
type Side = keyof typeof entries;

async function withOurs<T>(side: Side, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pajaseina-ab-'));
  const server = await startBenchServer('pajaseina', { ROOM_UNLOAD_DELAY_MS: '1000', BENCH_DATA_DIR: dataDir }, entries[side]);
  try {
    return await work(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Figures = Record<string, number>;

async function measure(server: BenchServer): Promise<Figures> {
  switch (scenario) {
    case 'fanout': {
      const receivers = arg('receivers', DEFAULT_RECEIVERS) as Receivers;
      const workers = Number(arg('workers', String(defaultClientWorkers(receivers))));
      const r = await fanout(server, { clients, paceSeconds: Number(arg('pace', '10')), burst: Number(arg('burst', '30')), workers, receivers });
      return { appliedP99: r.applied.all.p99, p50: r.all.p50, p99: r.all.p99, paceP50: r.pace.p50, paceP99: r.pace.p99, burstP99: r.burst.p99, max: r.all.max, cpu: r.cpuPercent, eldP99: r.server.eldP99, eldMax: r.server.eldMax, benchCpu: r.benchCpuPercent, clientEluMax: Math.max(...r.clientUtilization) };
    }
    case 'walls': {
      const r = await manyWalls(server, { walls: Number(arg('walls', '200')), clientsPerWall: 10, seconds: 10 });
      return { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, cpu: r.cpuPercent, eldP99: r.server.eldP99, eldMax: r.server.eldMax };
    }
    case 'memory': {
      const r = await memory(server, { walls: 100, notesPerWall: 100, connections: 300 }, 4000);
      return { heapKiBPerWall: r.perWall.heapUsed / 1024, noCodeKiBPerWall: r.perWall.heapNoCode / 1024, rssKiBPerWall: r.perWall.rss / 1024, heapKiBPerConn: r.perConnection.heapUsed / 1024, noCodeKiBPerConn: r.perConnection.heapNoCode / 1024, rssKiBPerConn: r.perConnection.rss / 1024, heapLeftMiB: r.afterLeave.heapUsed / 2 ** 20 };
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

process.setMaxListeners(0);
const results: Record<Side, Figures[]> = { head: [], base: [] };
for (let r = 0; r < rounds; r++) {
  for (const side of (r % 2 === 0 ? ['base', 'head'] : ['head', 'base']) as Side[]) {
    const load = round(loadavg()[0]!, 2);
    const figures = await withOurs(side, measure);
    results[side].push(figures);
    console.log(`round ${r + 1} ${side} (load ${load}): ${Object.entries(figures).map(([k, v]) => `${k} ${round(v, 1)}`).join(', ')}`);
  }
}
console.log(`\nmedian of ${rounds} rounds, ${scenario}${scenario === 'fanout' ? ` ${clients} clients` : ''}:`);
for (const key of Object.keys(results.head[0]!)) {
  const h = median(results.head.map((f) => f[key]!));
  const b = median(results.base.map((f) => f[key]!));
  console.log(`  ${key.padEnd(16)} base ${String(round(b, 1)).padStart(8)}  head ${String(round(h, 1)).padStart(8)}  head/base ${ratio(h, b)}`);
}
process.exit(0);
