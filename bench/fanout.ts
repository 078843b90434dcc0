/**
 * Scenario 1, fan-out on one wall: N clients; a few writers add notes at a workshop's pace (one
 * note a second each), then one writer bursts. Latency is from the writer's change to its arrival
 * at every other client. The server runs in its own process.
 *
 * Receivers come in two kinds (`receivers`):
 * - `yjs`: every client is a whole Yjs client, and a note arrives when it is in the client's doc.
 *   With 300 clients on this 2-core machine that mostly measures the bench's own thread applying
 *   every update to 299 docs in turn (bench/clientFloor.ts: ~0.25–0.55 s for a 30-note burst
 *   with no server at all), not the server.
 * - `wire` (the default): the writers and PROBE_CLIENTS more stay whole Yjs clients and are
 *   reported as `applied`; every other client syncs as a whole client, then becomes a wire
 *   receiver that records a note when the frame carrying it comes off its socket
 *   (BenchClient.toWire, lib/wireIds.ts). That is the server's delivery to every connection, the
 *   figure the server is answerable for, and the same for all three servers.
 *
 * The writers live in the bench's main thread; the other clients too, or, with `workers` above 0,
 * spread over that many worker threads (defaultClientWorkers says how many by default, and
 * why). Send and arrival times are absolute (`performance.timeOrigin + performance.now()`),
 * so they compare across threads. The bench process's own CPU and each client thread's
 * event-loop utilization are reported beside the latency: where they near saturation, the client
 * side is what is measured.
 */
import { InlineHost, WorkerHost, type ClientHost } from './lib/clientHosts';
import { WARM_UP_PREFIX, type Arrivals } from './lib/clientGroup';
import type { BenchServer } from './lib/servers';
import { distribution, sleep, type Distribution } from './lib/stats';
import type { ServerStats } from './servers/stats';

/**
 * Worker threads for the receiving clients unless told otherwise: one for wire receivers, none
 * for whole Yjs clients.
 *
 * Whole Yjs clients (`yjs`): on the project's 2-core machine, shared with other work, spreading
 * 300 of them over 1, 2 or 4 workers made the pace tail worse in every alternating run (p99
 * 1.3–3.8 s against 0.3–0.7 s in-process) and raised the server's event-loop delay (47–163 ms
 * against 41–52): more client threads compete with the server for two cores.
 *
 * Wire receivers (`wire`, since session 9 in one worker): in the main thread, beside the writers
 * and the probes (whole Yjs clients), a receiver read its socket only after the probes ahead of
 * it in the same turn had applied the frame, so its "arrival" included the bench's own Yjs work,
 * and the more notes a frame carried the more: a server that merges a burst into one frame (ours)
 * was charged for it. In `npm run bench -- --only fanout --client-workers 1` (2026-12-04 22:20)
 * the references' p99 stayed as in-process (30.6 / 28.1 ms at 20 clients against 29.7 / 28.4)
 * and ours fell from 29.3 to 16.4; the worker used 2–8 % of a core and the servers' event-loop
 * delay did not rise. `--client-workers 0` gives the earlier method.
 */
export function defaultClientWorkers(receivers: Receivers): number {
  return receivers === 'wire' ? 1 : 0;
}

export type Receivers = 'yjs' | 'wire';
export const DEFAULT_RECEIVERS: Receivers = 'wire';
/** Whole Yjs clients besides the writers when the others are wire receivers: what a real client sees meanwhile. */
export const PROBE_CLIENTS = 10;

export interface FanoutOptions {
  clients: number;
  paceSeconds: number;
  burst: number;
  /** Worker threads for the receiving clients; 0 keeps every client in the main thread. */
  workers?: number;
  receivers?: Receivers;
}

export interface Latency {
  pace: Distribution;
  burst: Distribution;
  all: Distribution;
}

export interface FanoutResult extends Latency {
  clients: number;
  workers: number;
  receivers: Receivers;
  /** Clients that are wire receivers (0 with `yjs`). */
  wireClients: number;
  notes: number;
  /** Deliveries behind pace, burst and all: to the wire receivers' sockets, or with `yjs` into every doc. */
  deliveries: number;
  /** Arrival in the whole Yjs clients' docs (with `yjs`, the same as pace, burst and all). */
  applied: Latency & { deliveries: number };
  server: ServerStats;
  cpuPercent: number;
  /** The bench process (all its threads) over the window, % of one core. */
  benchCpuPercent: number;
  /** Event-loop utilization of each client thread over the window, main thread first (1 = saturated). */
  clientUtilization: number[];
}

export async function fanout(server: BenchServer, opts: FanoutOptions): Promise<FanoutResult> {
  const wire = (opts.receivers ?? DEFAULT_RECEIVERS) === 'wire';
  const workers = opts.workers ?? defaultClientWorkers(opts.receivers ?? DEFAULT_RECEIVERS);
  const wall = await server.newWall();
  const target = { kind: server.kind, port: server.port, wall };
  const writerCount = Math.max(2, Math.min(10, Math.ceil(opts.clients / 10)));
  // The main thread holds the writers, and with wire receivers the probes: the whole clients.
  const whole = wire ? Math.min(opts.clients, writerCount + PROBE_CLIENTS) : workers === 0 ? opts.clients : writerCount;
  const main = new InlineHost(target);
  const hosts: ClientHost[] = [main];
  try {
    await main.connect(whole);
    const rest = opts.clients - whole;
    if (workers === 0) await main.connect(rest, wire);
    for (let w = 0; w < workers; w++) {
      const count = Math.floor(rest / workers) + (w < rest % workers ? 1 : 0);
      if (count === 0) continue;
      const host = new WorkerHost(target);
      hosts.push(host);
      await host.connect(count, wire); // one host after another: a few hundred handshakes at once time out
    }
    return await measure(server, opts, main, writerCount, hosts, wire ? opts.clients - whole : 0);
  } finally {
    await Promise.all(hosts.map((h) => h.destroy()));
  }
}

async function measure(server: BenchServer, opts: FanoutOptions, main: InlineHost, writerCount: number, hosts: ClientHost[], wireClients: number): Promise<FanoutResult> {
  const writers = Array.from({ length: writerCount }, (_, i) => i);
  // Warm-up, not measured: the first notes run every code path once (JIT, lazy imports), a burst
  // included: a server that merges a burst into one frame (ours) otherwise compiles that path
  // inside the measured burst, a one-off cost of a fresh process (bench/burstTimeline.ts: the
  // first burst's later notes 50-70 ms, the next ones 18-27 ms, at 20 clients).
  for (const w of writers) await main.write(w, `${WARM_UP_PREFIX}${server.kind}-${w}`, 'warm-up');
  await sleep(200);
  for (let i = 0; i < opts.burst; i++) await main.write(writers[0]!, `${WARM_UP_PREFIX}${server.kind}-burst-${i}`, 'warm-up');
  await sleep(1000); // and let the connect storm settle before the window opens
  await server.reset();
  await Promise.all(hosts.map((h) => h.markWindow()));
  const cpuAtStart = process.cpuUsage();
  const windowStart = performance.now();

  const sentAt = new Map<string, number>();
  const burstIds = new Set<string>();
  let serial = 0;
  const write = async (writer: number, into?: Set<string>) => {
    const id = `${server.kind}-${++serial}`;
    into?.add(id);
    sentAt.set(id, await main.write(writer, id, `Note ${serial}`));
  };
  // Workshop pace: each writer one note a second, spread over the second.
  for (let s = 0; s < opts.paceSeconds; s++) {
    for (const w of writers) {
      await write(w);
      await sleep(1000 / writers.length);
    }
  }
  // Burst: one writer posts a batch at once (each note its own update), as a paste would.
  for (let i = 0; i < opts.burst; i++) await write(writers[0]!, burstIds);

  const expected = sentAt.size * (opts.clients - 1);
  const deadline = Date.now() + 120_000;
  while ((await Promise.all(hosts.map((h) => h.arrived()))).reduce((a, b) => a + b, 0) < expected) {
    if (Date.now() > deadline) throw new Error(`bench: ${server.kind}: not every note reached every client within 120 s`);
    await sleep(20);
  }
  const used = process.cpuUsage(cpuAtStart);
  const windowMs = performance.now() - windowStart;
  const stats = await server.stats();
  const taken = await Promise.all(hosts.map((h) => h.take()));

  const latency = (arrivals: Arrivals[]) => {
    const pace: number[] = [];
    const burst: number[] = [];
    for (const { ids, at } of arrivals) {
      for (let i = 0; i < ids.length; i++) {
        const sent = sentAt.get(ids[i]!);
        if (sent !== undefined) (burstIds.has(ids[i]!) ? burst : pace).push(at[i]! - sent);
      }
    }
    return { pace: distribution(pace), burst: distribution(burst), all: distribution([...pace, ...burst]), deliveries: pace.length + burst.length };
  };
  const applied = latency(taken.map((t) => t.recorded.applied));
  const headline = wireClients > 0 ? latency(taken.map((t) => t.recorded.wire)) : applied;
  return {
    clients: opts.clients,
    workers: hosts.length - 1,
    receivers: opts.receivers ?? DEFAULT_RECEIVERS,
    wireClients,
    notes: sentAt.size,
    deliveries: headline.deliveries,
    pace: headline.pace,
    burst: headline.burst,
    all: headline.all,
    applied,
    server: stats,
    cpuPercent: (100 * stats.cpuMs) / stats.wallMs,
    benchCpuPercent: (100 * (used.user + used.system)) / 1000 / windowMs,
    clientUtilization: taken.map((t) => t.utilization),
  };
}
