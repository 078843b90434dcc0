/**
 * One burst, note by note: a writer posts `--burst` notes at once (each its own update, as a
 * paste would) to a wall with `--clients` clients (the writer and `--probes` more whole Yjs
 * clients, the rest wire receivers: bench/fanout.ts), and each note's delivery is printed as
 * when it was sent after the first and the range of its arrival over every wire receiver. Notes
 * that arrived in one frame share a range, so the timeline shows how a server split the burst
 * into frames and how long each frame took to reach the last socket.
 *
 *   npx tsx bench/burstTimeline.ts [--server pajaseina|y-websocket-server|hocuspocus] [--clients 300] [--burst 30] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg } from './lib/args';
import { WARM_UP_PREFIX } from './lib/clientGroup';
import { InlineHost } from './lib/clientHosts';
import { startBenchServer, type ServerKind } from './lib/servers';
import { sleep } from './lib/stats';

const kind = arg('server', 'pajaseina') as ServerKind;
const clients = Number(arg('clients', '300'));
const probes = Number(arg('probes', '10'));
const burst = Number(arg('burst', '30'));
const rounds = Number(arg('rounds', '3'));

process.setMaxListeners(0); // every y-websocket provider adds a process 'exit' listener
const dataDir = mkdtempSync(join(tmpdir(), 'pajaseina-burst-'));
const server = await startBenchServer(kind, { BENCH_DATA_DIR: dataDir });
const wall = await server.newWall();
const host = new InlineHost({ kind, port: server.port, wall });
try {
  await host.connect(1 + probes);
  await host.connect(clients - 1 - probes, true);
  await host.write(0, `${WARM_UP_PREFIX}${kind}-0`, 'warm-up');
  await sleep(1000);
  for (let round = 0; round < rounds; round++) {
    await host.take();
    const sentAt = new Map<string, number>();
    for (let i = 0; i < burst; i++) {
      const id = `${kind}-${round * burst + i + 1}`;
      sentAt.set(id, await host.write(0, id, `Note ${i}`));
    }
    await sleep(2000);
    const { wire } = (await host.take()).recorded;
    const arrivals = new Map<string, number[]>();
    wire.ids.forEach((id, i) => {
      const list = arrivals.get(id) ?? [];
      list.push(wire.at[i]! - sentAt.get(id)!);
      arrivals.set(id, list);
    });
    const first = Math.min(...sentAt.values());
    console.log(`round ${round + 1}: ${burst} notes sent within ${(Math.max(...sentAt.values()) - first).toFixed(1)} ms`);
    [...sentAt].forEach(([id, at], i) => {
      const ms = arrivals.get(id) ?? [];
      const range = ms.length ? `${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} ms` : 'never arrived';
      console.log(`  note ${String(i + 1).padStart(3)}: sent +${(at - first).toFixed(1)} ms, on ${ms.length} sockets after ${range}`);
    });
  }
} finally {
  await host.destroy();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
