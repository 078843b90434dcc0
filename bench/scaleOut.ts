/**
 * Scale-out latency: what going through Redis adds. Two real server processes share one
 * PostgreSQL and one Redis (throwaway, on loopback, as in tests/integration/scale-out.test.ts).
 * One writer on instance A adds notes at a workshop's pace, then a burst; readers sit half on A
 * and half on B. The latency from the writer's change to its arrival is reported separately for
 * readers on the writer's own instance and on the other one. For comparison the same run against
 * one instance alone (same PostgreSQL, no Redis).
 *
 * `npx tsx bench/scaleOut.ts [--readers 40] [--notes 100] [--interval 100] [--burst 30] [--rounds 2]`
 * prints a table and writes bench/results/scaleout-<date>T<hhmm>.json. Needs redis-server and
 * PostgreSQL (`node scripts/ensure-services.mjs` installs them). Not part of `npm run bench`: it
 * measures our server only; the reference servers have no scale-out to compare with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWall } from '../tests/helpers/server';
import { startServerProcess, type ServerProcess } from '../tests/helpers/serverProcess';
import { startPostgres, startRedis } from '../tests/helpers/services';
import { withTimeout } from './lib/connectMany';
import { addNote, recordArrivals } from './lib/notes';
import { connectClient, type BenchClient } from './lib/servers';
import { distribution, sleep, table, waitUntil } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    readers: { type: 'string', default: '40' },
    notes: { type: 'string', default: '100' },
    interval: { type: 'string', default: '100' },
    burst: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
  },
});
const READERS = Number(args.readers);
const NOTES = Number(args.notes);
const INTERVAL_MS = Number(args.interval);
const BURST = Number(args.burst);
const ROUNDS = Number(args.rounds);

process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener

const port = (server: ServerProcess) => Number(new URL(server.url).port);

async function measure(writerOn: ServerProcess, readersOn: { label: string; server: ServerProcess; count: number }[], round: number) {
  const wall = await createWall(writerOn.url, { title: `Scale-out bench ${round}` });
  const token = wall.tokens.facilitator;
  const writer = connectClient('pajaseina', port(writerOn), { id: wall.id, token });
  const clients: BenchClient[] = [writer];
  try {
    const groups = readersOn.map(({ label, server, count }) => {
      const readers = Array.from({ length: count }, () => connectClient('pajaseina', port(server), { id: wall.id, token }));
      clients.push(...readers);
      return { label, readers, pace: [] as number[], all: [] as number[] };
    });
    await withTimeout(Promise.all(clients.map((c) => c.synced)), 60_000, 'scale-out clients synced');
    const sentAt = new Map<string, number>();
    let pacePhase = true;
    let arrivals = 0;
    for (const group of groups) {
      recordArrivals(
        group.readers.map((r) => r.doc),
        sentAt,
        (_id, ms) => {
          arrivals++;
          group.all.push(ms);
          if (pacePhase) group.pace.push(ms);
        },
      );
    }
    const readerCount = groups.reduce((n, g) => n + g.readers.length, 0);
    let serial = 0;
    const send = () => {
      const id = `r${round}n${++serial}`;
      sentAt.set(id, performance.now());
      addNote(writer.doc, id, `Idea ${serial}`);
    };
    for (let i = 0; i < NOTES; i++) {
      send();
      await sleep(INTERVAL_MS);
    }
    await waitUntil(() => arrivals >= NOTES * readerCount, 30_000, 'every paced note arrived');
    pacePhase = false;
    for (let i = 0; i < BURST; i++) send();
    await waitUntil(() => arrivals >= (NOTES + BURST) * readerCount, 30_000, 'every burst note arrived');
    return groups.map((g) => ({ label: g.label, pace: g.pace, all: g.all }));
  } finally {
    for (const c of clients) c.destroy();
  }
}

async function main(): Promise<void> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const dirs: string[] = [];
  const instances: ServerProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pajaseina-bench-scale-'));
    dirs.push(dataDir);
    const server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env }, 60_000);
    instances.push(server);
    return server;
  };
  const started = new Date();
  const load = [loadavg()[0]!];
  try {
    const single = await start({ DATABASE_URL: await postgres.createDatabase() });
    const shared = await postgres.createDatabase();
    const a = await start({ DATABASE_URL: shared, REDIS_URL: redis.url });
    const b = await start({ DATABASE_URL: shared, REDIS_URL: redis.url });
    const samples = new Map<string, { pace: number[]; all: number[] }>();
    const add = (key: string, got: { pace: number[]; all: number[] }) => {
      const into = samples.get(key) ?? { pace: [], all: [] };
      into.pace.push(...got.pace);
      into.all.push(...got.all);
      samples.set(key, into);
    };
    // Alternate the two setups, so the machine's drift hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const g of await measure(single, [{ label: 'one instance|all readers on it', server: single, count: READERS }], round)) add(g.label, g);
      const half = Math.floor(READERS / 2);
      const pair = await measure(a, [
        { label: "two instances over Redis|readers on the writer's instance", server: a, count: half },
        { label: 'two instances over Redis|readers on the other instance', server: b, count: READERS - half },
      ], round);
      for (const g of pair) add(g.label, g);
      load.push(loadavg()[0]!);
    }
    const rows = [...samples].map(([key, s]) => {
      const [setup, readers] = key.split('|') as [string, string];
      return { setup, readers, pace: distribution(s.pace), all: distribution(s.all) };
    });
    const r1 = (x: number) => Number(x.toFixed(1));
    console.log(
      table(
        `Scale-out: ${READERS} readers, ${NOTES} notes every ${INTERVAL_MS} ms then a ${BURST}-note burst, ${ROUNDS} rounds (ms)`,
        ['setup', 'readers', 'deliveries', 'pace p50', 'pace p99', 'all p50', 'all p99', 'max'],
        rows.map((r) => [r.setup, r.readers, r.all.count, r1(r.pace.p50), r1(r.pace.p99), r1(r.all.p50), r1(r.all.p99), r1(r.all.max)]),
      ),
    );
    const stamp = started.toISOString().slice(0, 16).replace(':', '');
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `scaleout-${stamp}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ startedAt: started.toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadavg1: load }, options: { readers: READERS, notes: NOTES, intervalMs: INTERVAL_MS, burst: BURST, rounds: ROUNDS }, rows } satisfies object, null, 2)}\n`,
    );
    console.log(`\nwrote ${file}`);
  } finally {
    await Promise.allSettled(instances.map((i) => i.kill('SIGTERM')));
    await Promise.allSettled([postgres.stop(), redis.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
