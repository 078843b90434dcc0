/**
 * Where a server's memory per wall and per connection goes: heap snapshots of the server process
 * with N and 2N walls (and then N and 2N connections on one wall), diffed by object kind.
 *
 *   node --import tsx bench/heapProfile.ts [--kind pajaseina] [--against y-websocket-server] [--walls 100] [--conns 300] [--top 25] [--keep DIR] [--entry FILE]
 *
 * Prints, per wall and per connection, the bytes each constructor (or V8 object kind) added; with
 * --against, the same for a reference server and the difference, kind by kind. The totals leave
 * out V8's code (JIT output, "code:" rows): how much of it lands between two snapshots is luck,
 * up to ±10 KiB per wall, more than any difference between the servers' own objects.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMany } from './lib/connectMany';
import { openLoadedWall, publishPresence } from './memory';
import { startBenchServer, type BenchClient, type ServerKind } from './lib/servers';
import { sleep } from './lib/stats';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const kind = arg('kind', 'pajaseina') as ServerKind;
const against = arg('against', '') as ServerKind | '';
const WALLS = Number(arg('walls', '100'));
const CONNS = Number(arg('conns', '300'));
const TOP = Number(arg('top', '25'));
/** Keep the snapshots in this folder (for a closer look with the DevTools or a script) instead of deleting them. */
const KEEP = arg('keep', '');
/** Another entry for the first server (bench/lib/servers.ts startBenchServer): a built .mjs runs on plain node. */
const ENTRY = arg('entry', '') || undefined;

type Kinds = Map<string, number>;

/** Self size summed per "type:name" over a V8 heap snapshot. */
function bytesByKind(path: string): Kinds {
  const snap = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = snap.snapshot.meta.node_types[0];
  const out: Kinds = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]!]! : '';
    const key = `${type}:${name.slice(0, 60)}`;
    out.set(key, (out.get(key) ?? 0) + snap.nodes[i + sizeAt]!);
  }
  return out;
}

/** Bytes per unit each kind added from `before` to `after`. */
function perUnit(before: Kinds, after: Kinds, units: number): Kinds {
  const out: Kinds = new Map();
  for (const k of new Set([...before.keys(), ...after.keys()])) out.set(k, ((after.get(k) ?? 0) - (before.get(k) ?? 0)) / units);
  return out;
}

/** Not a kind: process.memoryUsage().heapUsed less the code spaces, as bench/memory.ts reads it, at the snapshot. */
const HEAP_NO_CODE = 'heapUsed less code (bench/memory.ts)';
/** Not a kind either: heapUsed less machine code and bytecode (bench/memory.ts heapNoProgram). */
const HEAP_NO_PROGRAM = 'heapUsed less code and bytecode (bench/memory.ts)';
const isCode = (k: string) => k === 'code:' || k === HEAP_NO_CODE || k === HEAP_NO_PROGRAM;
const total = (kinds: Kinds) => [...kinds].reduce((sum, [k, v]) => (isCode(k) ? sum : sum + v), 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;

function report(title: string, ours: Kinds, ref: Kinds | null): void {
  const code = `code ${ours.get('code:')?.toFixed(0) ?? 0} B${ref ? ` against ${ref.get('code:')?.toFixed(0) ?? 0} B` : ''}`;
  console.log(`\n## ${title}: ${kib(total(ours))}${ref ? ` (${against}: ${kib(total(ref))})` : ''} without V8's code (${code})`);
  for (const figure of [HEAP_NO_CODE, HEAP_NO_PROGRAM]) {
    const used = (kinds: Kinds) => kib(kinds.get(figure) ?? 0);
    console.log(`${figure} over the same step: ${used(ours)}${ref ? ` (${against}: ${used(ref)})` : ''}`);
  }
  const value = (k: string) => (ref ? (ours.get(k) ?? 0) - (ref.get(k) ?? 0) : (ours.get(k) ?? 0));
  const rows = [...new Set([...ours.keys(), ...(ref?.keys() ?? [])])].filter((k) => !isCode(k)).sort((a, b) => Math.abs(value(b)) - Math.abs(value(a)));
  if (ref) console.log(`${kind.padStart(10)} ${against.padStart(10).slice(-10)}       diff  kind`);
  for (const k of rows.slice(0, TOP)) {
    const cells = ref ? [ours.get(k) ?? 0, ref.get(k) ?? 0, value(k)] : [value(k)];
    console.log(`${cells.map((v) => `${v.toFixed(0).padStart(8)} B`).join(' ')}  ${k}`);
  }
}

/** Per wall and per connection of one server, as bench/memory.ts loads it (a presence from every client). */
async function profile(serverKind: ServerKind, dir: string, entry?: string): Promise<{ wall: Kinds; conn: Kinds }> {
  const server = await startBenchServer(serverKind, { ROOM_UNLOAD_DELAY_MS: '1000', BENCH_DATA_DIR: dir }, entry);
  const snapshot = async (name: string) => {
    await sleep(300);
    const stats = await server.stats({ gc: true });
    const path = join(dir, `${serverKind}-${name}.heapsnapshot`);
    await server.heapSnapshot(path);
    const kinds = bytesByKind(path);
    // What bench/memory.ts reads (heapUsed without code), beside the snapshot's own sum.
    kinds.set(HEAP_NO_CODE, stats.heapUsed - stats.codeBytes);
    kinds.set(HEAP_NO_PROGRAM, stats.heapUsed - (stats.programBytes ?? stats.codeBytes));
    return kinds;
  };
  const clients: BenchClient[] = [];
  const openWalls = async (count: number) => {
    for (let w = 0; w < count; w++) {
      const client = await openLoadedWall(server, 100, `w${clients.length}n`);
      publishPresence([client], clients.length);
      clients.push(client);
    }
  };
  const connect = async (wall: { id: string; token: string }, count: number) => {
    const more = await connectMany(server, wall, count);
    publishPresence(more, clients.length);
    clients.push(...more);
    await sleep(2000); // every presence has reached every other client
  };
  try {
    // As bench/memory.ts: filled walls opened and left first, every server's walls hold the same
    // content, and the figures are slopes over the second half (one-time costs fall in the first).
    await openWalls(5);
    await connect(await server.newWall(), 60);
    for (const c of clients.splice(0)) c.destroy();
    await sleep(4000);
    await openWalls(WALLS / 2);
    const halfWalls = await snapshot('walls-half');
    await openWalls(WALLS / 2);
    const wall = perUnit(halfWalls, await snapshot('walls'), WALLS / 2);
    const target = await server.newWall();
    await connect(target, 1 + CONNS / 2);
    const halfConns = await snapshot('conns-half');
    await connect(target, CONNS / 2);
    const conn = perUnit(halfConns, await snapshot('conns'), CONNS / 2);
    for (const c of clients) c.destroy();
    return { wall, conn };
  } finally {
    await server.stop();
  }
}

const dir = KEEP || mkdtempSync(join(tmpdir(), 'pajaseina-heap-'));
try {
  const ours = await profile(kind, dir, ENTRY);
  const ref = against ? await profile(against, dir) : null;
  report(`per wall (walls ${WALLS / 2} to ${WALLS}, 100 notes, one client and its presence each)`, ours.wall, ref?.wall ?? null);
  report(`per connection (connections ${CONNS / 2} to ${CONNS} on one wall, each with a presence)`, ours.conn, ref?.conn ?? null);
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
