/**
 * `npm run bench [-- --quick] [-- --only fanout,memory] [-- --client-workers 4] [-- --receivers yjs]`: every scenario against our server and
 * the two reference servers (@y/websocket-server, @hocuspocus/server), alternating the order
 * between rounds so the machine's drift hits each alike. Prints tables with ratios (ours divided
 * by the reference: below 1 is better for ours) and writes bench/results/<date>T<hhmm>[-quick][-only].json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { clientScenario, type ClientResult } from './client';
import { clientBuildForBench } from './lib/clientBuild';
import { CRASH_LEFT_ROWS, coldLoad, type ColdLoadResult } from './coldLoad';
import { DEFAULT_RECEIVERS, defaultClientWorkers, fanout, type FanoutResult, type Receivers } from './fanout';
import { buildHistory } from './lib/notes';
import { SERVER_KINDS, startBenchServer, type ServerKind } from './lib/servers';
import { MiB, median, ratio, round, table } from './lib/stats';
import { manyWalls, type ManyWallsResult } from './manyWalls';
import { memory, type MemoryResult } from './memory';

const QUICK = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(',')) : null;
const runs = (name: string) => !ONLY || ONLY.has(name);
const receiversArg = process.argv.indexOf('--receivers');
/** Fan-out receivers: wire receivers beside a few whole Yjs clients, or whole Yjs clients only (bench/fanout.ts). */
const RECEIVERS = (receiversArg > 0 ? process.argv[receiversArg + 1] : DEFAULT_RECEIVERS) as Receivers;
if (RECEIVERS !== 'wire' && RECEIVERS !== 'yjs') throw new Error(`--receivers: wire or yjs, not ${RECEIVERS}`);
const workersArg = process.argv.indexOf('--client-workers');
/** Worker threads for fan-out's receiving clients (bench/fanout.ts); 0 keeps them all in this thread. */
const CLIENT_WORKERS = workersArg > 0 ? Number(process.argv[workersArg + 1]) : defaultClientWorkers(RECEIVERS);

// rounds: per fan-out size. At 20 clients a round's p99 is the end of one 30-note burst, and
// single rounds of the three servers ranged 14.7-34.7 ms in one run (2026-12-05 04:06): with
// three rounds the median flipped the comparison between runs (ours 0.57 to 1.15 of a
// reference's). Seven rounds cost about three minutes more; 100 and 300 clients keep three.
// changes: the client's remote changes are 100, so that their p99 is not simply their maximum
// (of 20 it was, and that is the first change, before its code is optimised, or a moment the
// renderer waited for a core: 4.7 to 39 ms in five runs of one build on 2026-12-04).
const SIZES = QUICK
  ? { fanout: [20, 100], paceSeconds: 3, burst: 10, rounds: [1, 1], walls: 20, wallClients: 10, wallSeconds: 4, notes: 1000, updates: 10_000, coldRounds: 1, memWalls: 20, memNotes: 100, memConns: 50, clientNotes: 500, changes: 5 }
  : { fanout: [20, 100, 300], paceSeconds: 10, burst: 30, rounds: [7, 3, 3], walls: 200, wallClients: 10, wallSeconds: 10, notes: 5000, updates: 50_000, coldRounds: 3, memWalls: 100, memNotes: 100, memConns: 300, clientNotes: 2000, changes: 100 };

/** SERVER_KINDS rotated by `by`: each round starts with a different server. */
const rotated = (by: number) => SERVER_KINDS.map((_, i) => SERVER_KINDS[(i + by) % SERVER_KINDS.length]!);
const ms = (x: number | null | undefined) => (x === null || x === undefined ? null : round(x, 1));
const mib = (x: number) => round(x / MiB, 2);
const kib = (x: number) => round(x / 1024, 1);
// The machine may be shared: every step logs the load average, and the results keep it.
const loads: { at: string; step: string; loadavg1: number }[] = [];
const log = (line: string) => {
  const load = round(loadavg()[0]!, 2)!;
  loads.push({ at: new Date().toISOString(), step: line, loadavg1: load });
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line} (load ${load})\n`);
};

// Ours keeps an empty wall 1 s instead of 10 s here, so the memory scenario sees it unload.
const OURS_ENV = { ROOM_UNLOAD_DELAY_MS: '1000' };

async function withServer<T>(kind: ServerKind, work: (server: Awaited<ReturnType<typeof startBenchServer>>) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pajaseina-bench-'));
  const server = await startBenchServer(kind, { ...OURS_ENV, BENCH_DATA_DIR: dataDir });
  try {
    return await work(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
    sizes: SIZES,
  };
  const out: string[] = [];

  if (runs('fanout')) {
    const fan: Record<ServerKind, FanoutResult[]>[] = [];
    for (const [s, clients] of SIZES.fanout.entries()) {
      const bySize = { pajaseina: [], 'y-websocket-server': [], hocuspocus: [] } as Record<ServerKind, FanoutResult[]>;
      for (let r = 0; r < SIZES.rounds[s]!; r++) {
        for (const kind of rotated(r + s)) {
          log(`fan-out ${clients} clients, round ${r + 1}: ${kind}`);
          bySize[kind].push(await withServer(kind, (server) => fanout(server, { clients, paceSeconds: SIZES.paceSeconds, burst: SIZES.burst, workers: CLIENT_WORKERS, receivers: RECEIVERS })));
        }
      }
      fan.push(bySize);
    }
    results.fanout = fan;
    const rows = fan.flatMap((bySize) =>
      SERVER_KINDS.map((kind) => {
        const rs = bySize[kind];
        const p99 = median(rs.map((r) => r.all.p99));
        const ours = median(bySize.pajaseina.map((r) => r.all.p99));
        // Rounds run back to back, so round r of ours and of a reference met alike load.
        const lowerIn = rs.filter((r, i) => bySize.pajaseina[i]!.all.p99 < r.all.p99).length;
        return [
          kind, rs[0]!.clients, rs[0]!.deliveries,
          ms(median(rs.map((r) => r.all.p50))), ms(p99), ms(median(rs.map((r) => r.all.max))),
          ms(median(rs.map((r) => r.pace.p99))), ms(median(rs.map((r) => r.burst.p99))),
          ms(median(rs.map((r) => r.applied.pace.p99))), ms(median(rs.map((r) => r.applied.burst.p99))),
          round(median(rs.map((r) => r.cpuPercent)), 0), ms(median(rs.map((r) => r.server.eldP99))), ms(median(rs.map((r) => r.server.eldMax))),
          round(median(rs.map((r) => r.benchCpuPercent)), 0), round(median(rs.map((r) => Math.max(...r.clientUtilization))), 2),
          kind === 'pajaseina' ? null : ratio(ours, p99),
          kind === 'pajaseina' ? null : `${lowerIn}/${rs.length}`,
        ];
      }),
    );
    const at = RECEIVERS === 'wire' ? 'on the socket of every client but the whole Yjs ones' : 'in the doc of every other client';
    out.push(table(`Fan-out on one wall (latency writer → ${at}, ms; median of rounds; receivers: ${RECEIVERS}; clients in ${CLIENT_WORKERS} worker threads)`,
      ['server', 'clients', 'deliveries', 'p50', 'p99', 'max', 'pace p99', 'burst p99', 'applied pace p99', 'applied burst p99', 'CPU %', 'ELD p99', 'ELD max', 'bench CPU %', 'client ELU max', 'ours/ref p99', 'rounds ours lower'], rows));
    out.push(`applied: arrival in the docs of the whole Yjs clients (${RECEIVERS === 'wire' ? 'the writers and the probes' : 'every client'}).`);
    out.push('bench CPU %: the bench process, all threads, % of one core; client ELU max: the busiest client thread\'s event-loop utilization (near 1: the clients, not the server, set the pace).');
  }

  if (runs('walls')) {
    const many = {} as Record<ServerKind, ManyWallsResult>;
    for (const kind of rotated(1)) {
      log(`many walls ${SIZES.walls} × ${SIZES.wallClients}: ${kind}`);
      many[kind] = await withServer(kind, (server) => manyWalls(server, { walls: SIZES.walls, clientsPerWall: SIZES.wallClients, seconds: SIZES.wallSeconds }));
    }
    results.manyWalls = many;
    out.push(table(`Many walls: ${SIZES.walls} walls × ${SIZES.wallClients} clients`,
      ['server', 'notes', 'p50', 'p99', 'max', 'CPU %', 'ELD p99', 'ELD max', 'RSS MiB', 'ours/ref p99'],
      SERVER_KINDS.map((kind) => {
        const r = many[kind];
        return [kind, r.notes, ms(r.latency.p50), ms(r.latency.p99), ms(r.latency.max), round(r.cpuPercent, 0), ms(r.server.eldP99), ms(r.server.eldMax), mib(r.server.rss),
          kind === 'pajaseina' ? null : ratio(many.pajaseina.latency.p99, r.latency.p99)];
      })));
  }

  if (runs('cold')) {
    log(`building a history of ${SIZES.updates} updates over ${SIZES.notes} notes`);
    const history = { ...buildHistory(SIZES.notes, SIZES.updates), notes: SIZES.notes };
    // Several rounds, each server in turn, the order rotating: one sample per server moved the warm
    // figure by 100 ms between runs (client-side GC on a 1.5 MB apply), more than the servers differ.
    const cold = { pajaseina: [], 'y-websocket-server': [], hocuspocus: [] } as Record<ServerKind, ColdLoadResult[]>;
    for (let r = 0; r < SIZES.coldRounds; r++) {
      for (const kind of rotated(2 + r)) {
        log(`cold load, round ${r + 1}: ${kind}`);
        cold[kind].push(await coldLoad(kind, history));
      }
    }
    results.coldLoad = cold;
    const med = (rs: ColdLoadResult[], pick: (r: ColdLoadResult) => number | null | undefined) => {
      const xs = rs.map(pick).filter((x): x is number => typeof x === 'number');
      return xs.length ? median(xs) : null;
    };
    const worst = (rs: ColdLoadResult[], pick: (r: ColdLoadResult) => number | null | undefined) => {
      const xs = rs.map(pick).filter((x): x is number => typeof x === 'number');
      return xs.length ? Math.max(...xs) : null;
    };
    const oursWarm = med(cold.pajaseina, (r) => r.warmMs)!;
    out.push(table(`Cold load: ${SIZES.notes} notes, ${SIZES.updates} stored updates (first full sync of a new client, ms; median of ${SIZES.coldRounds} rounds, ELD also the worst round)`,
      ['server', 'after restart, uncompacted', 'after restart, compacted', `compacted + ${CRASH_LEFT_ROWS} rows`, 'warm', 'server side: uncompacted', 'compacted', `+ ${CRASH_LEFT_ROWS} rows`, 'warm', 'ELD p99', 'worst', 'ELD p99, compacted', 'worst', 'ELD max, compacted', 'ELD p99, compacted, server alone', 'worst', `ELD p99, + ${CRASH_LEFT_ROWS} rows`, 'worst', 'ours/ref warm'],
      SERVER_KINDS.map((kind) => {
        const rs = cold[kind];
        // Server side (ours): from the connection to its sync step 2 sent, without the client's own apply.
        return [kind, ms(med(rs, (r) => r.coldUncompactedMs)), ms(med(rs, (r) => r.coldCompactedMs)), ms(med(rs, (r) => r.coldAfterCrashMs)), ms(med(rs, (r) => r.warmMs)),
          ms(med(rs, (r) => r.serverSide?.uncompacted?.firstSyncMs)), ms(med(rs, (r) => r.serverSide?.compacted?.firstSyncMs)), ms(med(rs, (r) => r.serverSide?.afterCrash?.firstSyncMs)), ms(med(rs, (r) => r.serverSide?.warm?.firstSyncMs)),
          ms(med(rs, (r) => r.server.eldP99)), ms(worst(rs, (r) => r.server.eldP99)),
          ms(med(rs, (r) => r.serverCompacted?.eldP99)), ms(worst(rs, (r) => r.serverCompacted?.eldP99)), ms(worst(rs, (r) => r.serverCompacted?.eldMax)),
          ms(med(rs, (r) => r.serverCompactedAlone?.eldP99)), ms(worst(rs, (r) => r.serverCompactedAlone?.eldP99)),
          ms(med(rs, (r) => r.serverAfterCrash?.eldP99)), ms(worst(rs, (r) => r.serverAfterCrash?.eldP99)),
          kind === 'pajaseina' ? null : ratio(oursWarm, med(rs, (r) => r.warmMs)!)];
      })));
    out.push('The references keep walls in memory only: their ELD is over the upload of the wall, not a load.');
    out.push(`Compacted + ${CRASH_LEFT_ROWS} rows: the longest log after the snapshot that a crash can leave (the server compacts every 500 updates), after a restart.`);
    out.push('Server alone: the compacted load again, the new client a wire client that applies nothing (a whole client applying the wall shares the two cores with the server).');
  }

  if (runs('memory')) {
    const mem = {} as Record<ServerKind, MemoryResult>;
    for (const kind of rotated(0)) {
      log(`memory: ${kind}`);
      mem[kind] = await withServer(kind, (server) => memory(server, { walls: SIZES.memWalls, notesPerWall: SIZES.memNotes, connections: SIZES.memConns }, 4000));
    }
    results.memory = mem;
    out.push(table(`Memory (after full GC): ${SIZES.memWalls} walls of ${SIZES.memNotes} notes, then ${SIZES.memConns} more clients on one wall`,
      ['server', 'baseline heap MiB', 'heap KiB/wall', 'no-program KiB/wall', 'RSS KiB/wall', 'heap KiB/conn', 'no-program KiB/conn', 'RSS KiB/conn', 'heap left MiB', 'RSS left MiB', 'ours/ref heap/wall', 'ours/ref heap/conn', 'ours/ref RSS/wall', 'ours/ref RSS/conn'],
      SERVER_KINDS.map((kind) => {
        const r = mem[kind];
        const ours = (pick: (m: MemoryResult) => number) => (kind === 'pajaseina' ? null : ratio(pick(mem.pajaseina), pick(r)));
        return [kind, mib(r.baseline.heapUsed), kib(r.perWall.heapUsed), kib(r.perWall.heapNoProgram), kib(r.perWall.rss),
          kib(r.perConnection.heapUsed), kib(r.perConnection.heapNoProgram), kib(r.perConnection.rss),
          mib(r.afterLeave.heapUsed), mib(r.afterLeave.rss),
          ours((m) => m.perWall.heapUsed), ours((m) => m.perConnection.heapUsed), ours((m) => m.perWall.rss), ours((m) => m.perConnection.rss)];
      })));
    out.push('no-program: the heap less V8\'s machine code and bytecode (bench/memory.ts); RSS also holds what lives outside the V8 heap (socket buffers, kept encodings).');
  }

  if (runs('client')) {
    try {
      const dist = clientBuildForBench();
      log(`client in Chromium: ${SIZES.clientNotes} notes, build in ${dist}`);
      const client: ClientResult = await clientScenario(SIZES.clientNotes, SIZES.changes, { dist });
      results.client = client;
      out.push(table('Client in Chromium (ours only)', ['notes', 'render ms', 'remote change p50', 'p99', 'max', 'notes touched', 'initial JS gzip KiB'],
        [[client.notes, ms(client.renderMs), ms(client.remoteChange.p50), ms(client.remoteChange.p99), ms(client.remoteChange.max), client.notesTouched, kib(client.initialJsGzipBytes)]]));
    } catch (err) {
      results.client = { error: String(err) };
      out.push(`\n## Client in Chromium\nfailed: ${String(err)}`);
    }
  }

  results.loadAverages = loads;
  const worst = Math.max(...loads.map((l) => l.loadavg1));
  out.push(`\nload average (1 min) during the run: ${Math.min(...loads.map((l) => l.loadavg1))}–${worst} on ${cpus().length} cores`);
  console.log(out.join('\n'));
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  // Date and time in the name: a later run (or a partial --only run) never overwrites another.
  const stamp = (results.date as string).slice(0, 16).replace(':', '');
  const file = join(dir, `${stamp}${QUICK ? '-quick' : ''}${ONLY ? `-${[...ONLY].join('-')}` : ''}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwrote ${file}`);
  process.exit(0);
}

await main();
