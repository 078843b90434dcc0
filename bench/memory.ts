/**
 * Scenario 4, memory: server RSS and heap (after a full GC) per loaded wall and per connection,
 * and whether it comes back after every client leaves and the walls unload.
 */
import { connectMany } from './lib/connectMany';
import { addNote } from './lib/notes';
import type { BenchClient, BenchServer } from './lib/servers';
import { sleep } from './lib/stats';

export interface MemoryOptions {
  walls: number;
  notesPerWall: number;
  connections: number;
}

export interface MemoryResult extends MemoryOptions {
  baseline: { rss: number; heapUsed: number };
  /** Per wall with its one client, holding `notesPerWall` notes. */
  perWall: { rss: number; heapUsed: number };
  /** Per further client on an already loaded wall. */
  perConnection: { rss: number; heapUsed: number };
  /** After everyone left and the walls unloaded: what is still above the baseline. */
  afterLeave: { rss: number; heapUsed: number };
}

export async function memory(server: BenchServer, opts: MemoryOptions, unloadWaitMs: number): Promise<MemoryResult> {
  // One wall opened and left first, so code loaded and compiled on first use is in the baseline.
  const [warm] = await connectMany(server, await server.newWall(), 1);
  warm!.destroy();
  await sleep(unloadWaitMs);
  const base = await server.stats({ gc: true });
  const clients: BenchClient[] = [];
  let serial = 0;
  for (let w = 0; w < opts.walls; w++) {
    const [client] = await connectMany(server, await server.newWall(), 1);
    client!.doc.transact(() => {
      for (let n = 0; n < opts.notesPerWall; n++) addNote(client!.doc, `m${++serial}`, `Idea ${serial}: ${'lorem ipsum '.repeat(3)}`);
    });
    clients.push(client!);
  }
  await sleep(500);
  const walls = await server.stats({ gc: true });
  const wall = await server.newWall();
  clients.push(...(await connectMany(server, wall, 1)));
  await sleep(200);
  const oneMore = await server.stats({ gc: true });
  clients.push(...(await connectMany(server, wall, opts.connections)));
  await sleep(500);
  const conns = await server.stats({ gc: true });
  for (const c of clients) c.destroy();
  await sleep(unloadWaitMs);
  const after = await server.stats({ gc: true });
  const per = (a: { rss: number; heapUsed: number }, b: { rss: number; heapUsed: number }, n: number) => ({
    rss: (a.rss - b.rss) / n,
    heapUsed: (a.heapUsed - b.heapUsed) / n,
  });
  return {
    ...opts,
    baseline: { rss: base.rss, heapUsed: base.heapUsed },
    perWall: per(walls, base, opts.walls),
    perConnection: per(conns, oneMore, opts.connections),
    afterLeave: per(after, base, 1),
  };
}
