/**
 * Scenario 2, many walls: W walls with C clients each, one writer per wall adding a note every
 * two seconds (a busy workshop each), for `seconds`. Latency to every other client of that wall.
 */
import { connectMany } from './lib/connectMany';
import { addNote, recordArrivals } from './lib/notes';
import type { BenchClient, BenchServer } from './lib/servers';
import { distribution, sleep, waitUntil, type Distribution } from './lib/stats';
import type { ServerStats } from './servers/stats';

export interface ManyWallsOptions {
  walls: number;
  clientsPerWall: number;
  seconds: number;
}

export interface ManyWallsResult extends ManyWallsOptions {
  notes: number;
  latency: Distribution;
  server: ServerStats;
  cpuPercent: number;
  connectSeconds: number;
}

export async function manyWalls(server: BenchServer, opts: ManyWallsOptions): Promise<ManyWallsResult> {
  const t0 = performance.now();
  const walls: BenchClient[][] = [];
  for (let w = 0; w < opts.walls; w++) walls.push(await connectMany(server, await server.newWall(), opts.clientsPerWall));
  const connectSeconds = (performance.now() - t0) / 1000;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  recordArrivals(
    walls.flat().map((c) => c.doc),
    sentAt,
    (_, ms) => latencies.push(ms),
  );
  for (const clients of walls) addNote(clients[0]!.doc, `warm-${walls.indexOf(clients)}`, 'warm-up'); // not measured
  await sleep(1000);
  await server.reset();
  let serial = 0;
  const periodMs = 2000;
  const ticks = Math.round((opts.seconds * 1000) / periodMs);
  for (let t = 0; t < ticks; t++) {
    // Writers spread evenly over the period, as independent workshops would be.
    for (const clients of walls) {
      const id = `${server.kind}-${++serial}`;
      sentAt.set(id, performance.now());
      addNote(clients[0]!.doc, id, `Note ${serial}`);
      await sleep(periodMs / walls.length);
    }
  }
  await waitUntil(() => latencies.length >= sentAt.size * (opts.clientsPerWall - 1), 120_000, `${server.kind}: every note at every client`);
  const stats = await server.stats();
  for (const clients of walls) for (const c of clients) c.destroy();
  return {
    ...opts,
    notes: sentAt.size,
    latency: distribution(latencies),
    server: stats,
    cpuPercent: (100 * stats.cpuMs) / stats.wallMs,
    connectSeconds,
  };
}
