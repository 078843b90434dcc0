/**
 * Scenario 4, memory: server RSS and heap (after a full GC) per loaded wall and per connection,
 * and whether it comes back after every client leaves and the walls unload.
 *
 * Two things keep the comparison like with like:
 * - Every server's walls hold the same Y.Doc content. Ours starts each wall with the blank
 *   template (meta, one group, one workshop, one task, the current task: about 9 KiB of heap as
 *   Yjs structures); the references start empty, so their first client writes that same content.
 * - Per wall and per connection are slopes: the heap added by the second half of the walls (of
 *   the connections) divided by their number. What any server does once, on first use (compiling
 *   code paths, growing its tables), lands in the first half and is not counted as per-wall cost.
 *   The first-half figures (from the baseline) are kept in the result as `perWallFromBaseline`
 *   and `perConnectionFromOne`.
 */
import * as Y from 'yjs';
import { translate } from '../shared/i18n';
import { Wall } from '../shared/wall';
import { connectMany } from './lib/connectMany';
import { addNote } from './lib/notes';
import type { BenchClient, BenchServer } from './lib/servers';
import { sleep } from './lib/stats';

export interface MemoryOptions {
  walls: number;
  notesPerWall: number;
  connections: number;
}

type Mem = { rss: number; heapUsed: number };

export interface MemoryResult extends MemoryOptions {
  baseline: Mem;
  /** Per wall with its one client, holding `notesPerWall` notes: the second half of the walls. */
  perWall: Mem;
  /** Per further client on an already loaded wall: the second half of the connections. */
  perConnection: Mem;
  /** The same, over all walls from the baseline (one-time costs included). */
  perWallFromBaseline: Mem;
  /** The same, over all connections from the first one (one-time costs included). */
  perConnectionFromOne: Mem;
  /** After everyone left and the walls unloaded: what is still above the baseline. */
  afterLeave: Mem;
}

/** What our server writes into a new blank wall (server/http/walls.ts), as one update. */
function blankWallUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const groups = Array.from({ length: Wall.startingGroups('blank') }, (_, i) => translate('fi', 'group.defaultName', { n: i + 1 }));
  new Wall(doc).initialise({ title: 'Bench', language: 'fi', createdAt: Date.now() }, groups, 'blank');
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Opens a wall as every server holds it: ours made the blank content when the wall was created;
 * a reference gets the same content from its first client. Then adds `notes` notes.
 */
export async function openLoadedWall(server: BenchServer, notes: number, prefix: string): Promise<BenchClient> {
  const [client] = await connectMany(server, await server.newWall(), 1);
  // Its own transaction: Yjs marks a transaction that applies an update as remote, and a remote
  // transaction that also wrote local changes makes the doc change its client id.
  if (server.kind !== 'pajaseina') Y.applyUpdate(client!.doc, blankWallUpdate());
  client!.doc.transact(() => {
    for (let n = 0; n < notes; n++) addNote(client!.doc, `${prefix}${n}`, `Idea ${prefix}${n}: ${'lorem ipsum '.repeat(3)}`);
  });
  return client!;
}

const CONNECT_SETTLE_MS = 2000;

export async function memory(server: BenchServer, opts: MemoryOptions, unloadWaitMs: number): Promise<MemoryResult> {
  // One wall like the measured ones opened, filled and left first, so code loaded and compiled
  // on first use is in the baseline.
  const warm = await openLoadedWall(server, opts.notesPerWall, 'warm');
  await sleep(500);
  warm.destroy();
  await sleep(unloadWaitMs);
  const base = await server.stats({ gc: true });
  const clients: BenchClient[] = [];
  const openWalls = async (from: number, to: number) => {
    for (let w = from; w < to; w++) clients.push(await openLoadedWall(server, opts.notesPerWall, `w${w}n`));
    await sleep(500);
    return server.stats({ gc: true });
  };
  const halfWalls = Math.floor(opts.walls / 2);
  const firstWalls = await openWalls(0, halfWalls);
  const walls = await openWalls(halfWalls, opts.walls);
  const wall = await server.newWall();
  const connect = async (count: number, settleMs: number) => {
    clients.push(...(await connectMany(server, wall, count)));
    await sleep(settleMs);
    return server.stats({ gc: true });
  };
  const oneMore = await connect(1, 200);
  const halfConns = Math.floor(opts.connections / 2);
  // Each new client's presence goes out to every other: let those frames drain before measuring.
  const firstConns = await connect(halfConns, CONNECT_SETTLE_MS);
  const conns = await connect(opts.connections - halfConns, CONNECT_SETTLE_MS);
  for (const c of clients) c.destroy();
  await sleep(unloadWaitMs);
  const after = await server.stats({ gc: true });
  const per = (a: Mem, b: Mem, n: number) => ({ rss: (a.rss - b.rss) / n, heapUsed: (a.heapUsed - b.heapUsed) / n });
  return {
    ...opts,
    baseline: { rss: base.rss, heapUsed: base.heapUsed },
    perWall: per(walls, firstWalls, opts.walls - halfWalls),
    perConnection: per(conns, firstConns, opts.connections - halfConns),
    perWallFromBaseline: per(walls, base, opts.walls),
    perConnectionFromOne: per(conns, oneMore, opts.connections),
    afterLeave: per(after, base, 1),
  };
}
