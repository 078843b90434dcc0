/**
 * Scenario 4, memory: server RSS and heap (after a full GC) per loaded wall and per connection,
 * and whether it comes back after every client leaves and the walls unload.
 *
 * What keeps the comparison like with like, for every server alike:
 * - Every server's walls hold the same Y.Doc content. Ours starts each wall with the blank
 *   template (meta, one group, one workshop, one task, the current task: about 9 KiB of heap as
 *   Yjs structures); the references start empty, so their first client writes that same content.
 * - Every client publishes a presence, as the real client does (name, role, colour): a server
 *   that keeps presence per client pays for it here as in a workshop.
 * - A warm-up first: several filled walls and a crowd of clients on one of them, opened and left,
 *   so what a server compiles and grows on first use is in the baseline.
 * - Per wall and per connection are least-squares slopes over the marks (the heap after a full
 *   GC at the end of every step of equal size), the first step left out (one-time costs the
 *   warm-up missed land there). heapUsed after a full GC still moves by up to 15 KiB per wall over
 *   a 50-wall step where heap snapshots of the same moments agree within 1 KiB (bench/heapProfile.ts
 *   prints both), so one step's figure is mostly noise: the median of the steps, the figure
 *   before, ranged from -1.3 to 10 KiB per connection (kept in `perWallSteps` and
 *   `perConnectionSteps` with every step and the range). The earlier method's figures (second
 *   half minus first half, and everything from the baseline) are kept as `perWallHalves` and so
 *   on. What a server keeps per wall, object by object, and the exact difference between two
 *   servers: bench/heapProfile.ts --against.
 * - `heapNoCode` is the heap without V8's code spaces: machine code the JIT compiles while the
 *   window is open is no cost of a wall, and how much of it lands in a given window is luck.
 *   `heapNoProgram` leaves out bytecode too (and the metadata of both): it lives in old space,
 *   and V8 flushes and recompiles it as functions age over the GCs.
 * - Each reading finishes V8's sweeping first (bench/servers/stats.ts): on a busy machine the
 *   sweeper threads had not reached every page 50 ms after the last GC, and heapUsed counted the
 *   dead objects there, most for the server that makes the most garbage per wall (ours: each
 *   wall is created over HTTP and stored). Our per-wall steps ranged 371-436 KiB before, 398-409
 *   after (one run each, 2026-12-04).
 */
import * as Y from 'yjs';
import { translate } from '../shared/i18n';
import { Wall } from '../shared/wall';
import { connectMany } from './lib/connectMany';
import { addNote } from './lib/notes';
import type { BenchClient, BenchServer } from './lib/servers';
import { median, sleep } from './lib/stats';

export interface MemoryOptions {
  walls: number;
  notesPerWall: number;
  connections: number;
}

type Mem = { rss: number; heapUsed: number; heapNoCode: number; heapNoProgram: number };

/** Per wall or per connection, step by step. */
export interface Steps {
  /** The least-squares slope over the marks from the end of the first step on. */
  slope: Mem;
  /** The median over the steps after the first. */
  median: Mem;
  min: Mem;
  max: Mem;
  /** Every step's figure, the first (left out of the median) included. */
  each: Mem[];
}

export interface MemoryResult extends MemoryOptions {
  baseline: Mem;
  /** Per wall with its one client, holding `notesPerWall` notes: the least-squares slope over the steps after the first. */
  perWall: Mem;
  /** Per further client on an already loaded wall: the least-squares slope over the steps after the first. */
  perConnection: Mem;
  perWallSteps: Steps;
  perConnectionSteps: Steps;
  /** The earlier method: the second half of the walls (connections) over the first half. */
  perWallHalves: Mem;
  perConnectionHalves: Mem;
  /** Over all walls from the baseline (one-time costs included). */
  perWallFromBaseline: Mem;
  /** Over all connections from the first one (one-time costs included). */
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

/** Each new client's presence goes out to every other: the frames drain before a measurement. */
const CONNECT_SETTLE_MS = 2000;
const WALL_STEPS = 10;
const CONNECTION_STEPS = 6;
const WARM_WALLS = 5;
const WARM_CONNECTIONS = 60;

/** A presence like the one the real client publishes (client/sync/session.ts setPresence). */
export function publishPresence(clients: BenchClient[], from: number): void {
  clients.forEach((c, i) => c.awareness.setLocalStateField('user', { name: `Osallistuja ${from + i}`, groupId: null, role: 'participant', color: '#3366aa' }));
}

export async function memory(server: BenchServer, opts: MemoryOptions, unloadWaitMs: number): Promise<MemoryResult> {
  const clients: BenchClient[] = [];
  const read = async (): Promise<Mem> => {
    const s = await server.stats({ gc: true });
    return { rss: s.rss, heapUsed: s.heapUsed, heapNoCode: s.heapUsed - s.codeBytes, heapNoProgram: s.heapUsed - (s.programBytes ?? s.codeBytes) };
  };
  const openWalls = async (count: number, prefix: string) => {
    for (let w = 0; w < count; w++) {
      const client = await openLoadedWall(server, opts.notesPerWall, `${prefix}${clients.length}n`);
      publishPresence([client], clients.length);
      clients.push(client);
    }
    await sleep(500);
  };
  const connect = async (wall: { id: string; token: string }, count: number, settleMs: number) => {
    const more = await connectMany(server, wall, count);
    publishPresence(more, clients.length);
    clients.push(...more);
    await sleep(settleMs);
  };
  const leaveAll = async () => {
    for (const c of clients.splice(0)) c.destroy();
    await sleep(unloadWaitMs);
  };

  // Warm-up: walls and a crowd like the measured ones, opened and left before the baseline.
  await openWalls(WARM_WALLS, 'warm');
  await connect(await server.newWall(), WARM_CONNECTIONS, CONNECT_SETTLE_MS);
  await leaveAll();
  const base = await read();

  const wallMarks = [base];
  for (let step = 0; step < WALL_STEPS; step++) {
    await openWalls(stepSize(opts.walls, WALL_STEPS, step), 'w');
    wallMarks.push(await read());
  }
  const wall = await server.newWall();
  await connect(wall, 1, 200);
  const connMarks = [await read()];
  for (let step = 0; step < CONNECTION_STEPS; step++) {
    await connect(wall, stepSize(opts.connections, CONNECTION_STEPS, step), CONNECT_SETTLE_MS);
    connMarks.push(await read());
  }
  await leaveAll();
  const after = await read();
  const wallsAt = (step: number) => stepsUpTo(opts.walls, WALL_STEPS, step);
  const connsAt = (step: number) => stepsUpTo(opts.connections, CONNECTION_STEPS, step);
  const halfW = WALL_STEPS / 2;
  const halfC = CONNECTION_STEPS / 2;
  return {
    ...opts,
    baseline: base,
    perWall: steps(wallMarks, wallsAt).slope,
    perConnection: steps(connMarks, connsAt).slope,
    perWallSteps: steps(wallMarks, wallsAt),
    perConnectionSteps: steps(connMarks, connsAt),
    perWallHalves: per(wallMarks[WALL_STEPS]!, wallMarks[halfW]!, wallsAt(WALL_STEPS) - wallsAt(halfW)),
    perConnectionHalves: per(connMarks[CONNECTION_STEPS]!, connMarks[halfC]!, connsAt(CONNECTION_STEPS) - connsAt(halfC)),
    perWallFromBaseline: per(wallMarks[WALL_STEPS]!, base, opts.walls),
    perConnectionFromOne: per(connMarks[CONNECTION_STEPS]!, connMarks[0]!, opts.connections),
    afterLeave: per(after, base, 1),
  };
}

const FIGURES = ['rss', 'heapUsed', 'heapNoCode', 'heapNoProgram'] as const;
const mem = (figure: (key: (typeof FIGURES)[number]) => number): Mem =>
  Object.fromEntries(FIGURES.map((key) => [key, figure(key)])) as Mem;
const per = (a: Mem, b: Mem, n: number): Mem => mem((key) => (a[key] - b[key]) / n);

/** How many of `total` the step adds: equal steps, the remainder spread over the first ones. */
function stepSize(total: number, count: number, step: number): number {
  return Math.floor(total / count) + (step < total % count ? 1 : 0);
}
function stepsUpTo(total: number, count: number, step: number): number {
  let n = 0;
  for (let s = 0; s < step; s++) n += stepSize(total, count, s);
  return n;
}

/** Per unit of each step from consecutive marks; the median and range leave out the first step. */
function steps(marks: Mem[], unitsAt: (step: number) => number): Steps {
  const each = marks.slice(1).map((m, i) => per(m, marks[i]!, unitsAt(i + 1) - unitsAt(i)));
  const later = each.slice(1);
  const pick = (f: (values: number[]) => number): Mem => mem((key) => f(later.map((m) => m[key])));
  return { slope: slope(marks.slice(1), (i) => unitsAt(i + 1)), median: pick(median), min: pick((v) => Math.min(...v)), max: pick((v) => Math.max(...v)), each };
}

/** Least-squares slope of each figure against the units present at each mark. */
function slope(marks: Mem[], unitsAt: (mark: number) => number): Mem {
  const x = marks.map((_, i) => unitsAt(i));
  const meanX = x.reduce((a, b) => a + b, 0) / x.length;
  const sxx = x.reduce((sum, v) => sum + (v - meanX) ** 2, 0);
  const fit = (y: number[]) => {
    const meanY = y.reduce((a, b) => a + b, 0) / y.length;
    return x.reduce((sum, v, i) => sum + (v - meanX) * (y[i]! - meanY), 0) / sxx;
  };
  return mem((key) => fit(marks.map((m) => m[key])));
}
