/**
 * Scenario 1, fan-out on one wall: N clients; a few writers add notes at a workshop's pace (one
 * note a second each), then one writer bursts. Latency is from the writer's change to its arrival
 * at every other client. Clients share the bench process; the server runs in its own.
 */
import { connectMany } from './lib/connectMany';
import { addNote, recordArrivals } from './lib/notes';
import type { BenchServer } from './lib/servers';
import { distribution, sleep, waitUntil, type Distribution } from './lib/stats';
import type { ServerStats } from './servers/stats';

export interface FanoutOptions {
  clients: number;
  paceSeconds: number;
  burst: number;
}

export interface FanoutResult {
  clients: number;
  notes: number;
  deliveries: number;
  pace: Distribution;
  burst: Distribution;
  all: Distribution;
  server: ServerStats;
  cpuPercent: number;
}

export async function fanout(server: BenchServer, opts: FanoutOptions): Promise<FanoutResult> {
  const wall = await server.newWall();
  const clients = await connectMany(server, wall, opts.clients);
  const sentAt = new Map<string, number>();
  const pace: number[] = [];
  const burst: number[] = [];
  const burstIds = new Set<string>();
  recordArrivals(
    clients.map((c) => c.doc),
    sentAt,
    (id, ms) => (burstIds.has(id) ? burst : pace).push(ms),
  );
  const writers = clients.slice(0, Math.max(2, Math.min(10, Math.ceil(opts.clients / 10))));
  let serial = 0;
  const write = (client: (typeof clients)[number], into?: Set<string>) => {
    const id = `${server.kind}-${++serial}`;
    into?.add(id);
    sentAt.set(id, performance.now());
    addNote(client.doc, id, `Note ${serial}`);
  };
  // Warm-up, not measured: the first notes run every code path once (JIT, lazy imports).
  for (const w of writers) addNote(w.doc, `warm-${server.kind}-${clients.indexOf(w)}`, 'warm-up');
  await sleep(1000); // and let the connect storm settle before the window opens
  await server.reset();
  // Workshop pace: each writer one note a second, spread over the second.
  for (let s = 0; s < opts.paceSeconds; s++) {
    for (const w of writers) {
      write(w);
      await sleep(1000 / writers.length);
    }
  }
  // Burst: one writer posts a batch at once (each note its own update), as a paste would.
  for (let i = 0; i < opts.burst; i++) write(writers[0]!, burstIds);
  const expected = sentAt.size * (clients.length - 1);
  await waitUntil(() => pace.length + burst.length >= expected, 120_000, `${server.kind}: every note at every client`);
  const stats = await server.stats();
  for (const c of clients) c.destroy();
  return {
    clients: opts.clients,
    notes: sentAt.size,
    deliveries: pace.length + burst.length,
    pace: distribution(pace),
    burst: distribution(burst),
    all: distribution([...pace, ...burst]),
    server: stats,
    cpuPercent: (100 * stats.cpuMs) / stats.wallMs,
  };
}
