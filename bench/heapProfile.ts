/**
 * Where a server's memory per wall and per connection goes: heap snapshots of the server process
 * with N and 2N walls (and then N and 2N connections on one wall), diffed by object kind.
 *
 *   node --import tsx bench/heapProfile.ts [--kind pajaseina] [--walls 100] [--conns 300] [--top 25] [--keep DIR]
 *
 * Prints, per wall and per connection, the bytes each constructor (or V8 object kind) added.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMany } from './lib/connectMany';
import { openLoadedWall } from './memory';
import { startBenchServer, type BenchClient, type ServerKind } from './lib/servers';
import { sleep } from './lib/stats';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const kind = arg('kind', 'pajaseina') as ServerKind;
const WALLS = Number(arg('walls', '100'));
const CONNS = Number(arg('conns', '300'));
const TOP = Number(arg('top', '25'));
/** Keep the snapshots in this folder (for a closer look with the DevTools or a script) instead of deleting them. */
const KEEP = arg('keep', '');

/** Self size summed per "type:name" over a V8 heap snapshot. */
function bytesByKind(path: string): Map<string, number> {
  const snap = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const types = snap.snapshot.meta.node_types[0];
  const out = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + nameAt]!]! : '';
    const key = `${type}:${name.slice(0, 60)}`;
    out.set(key, (out.get(key) ?? 0) + snap.nodes[i + sizeAt]!);
  }
  return out;
}

function report(title: string, before: Map<string, number>, after: Map<string, number>, per: number): void {
  const rows = [...new Set([...before.keys(), ...after.keys()])]
    .map((k) => [k, ((after.get(k) ?? 0) - (before.get(k) ?? 0)) / per] as const)
    .sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, v]) => sum + v, 0);
  console.log(`\n## ${title}: ${(total / 1024).toFixed(1)} KiB in all`);
  for (const [k, v] of rows.slice(0, TOP)) console.log(`${v.toFixed(0).padStart(8)} B  ${k}`);
}

const dir = KEEP || mkdtempSync(join(tmpdir(), 'pajaseina-heap-'));
const server = await startBenchServer(kind, { ROOM_UNLOAD_DELAY_MS: '1000', BENCH_DATA_DIR: dir });
try {
  const snapshot = async (name: string) => {
    await sleep(300);
    await server.stats({ gc: true });
    const path = join(dir, `${name}.heapsnapshot`);
    await server.heapSnapshot(path);
    return bytesByKind(path);
  };
  // As bench/memory.ts: a filled wall opened and left first, every server's walls hold the same
  // content, and the figures are slopes over the second half (one-time costs fall in the first).
  const warm = await openLoadedWall(server, 100, 'warm');
  await sleep(500);
  warm.destroy();
  await sleep(2000);
  const clients: BenchClient[] = [];
  for (let w = 0; w < WALLS / 2; w++) clients.push(await openLoadedWall(server, 100, `w${w}n`));
  const halfWalls = await snapshot('walls-half');
  for (let w = WALLS / 2; w < WALLS; w++) clients.push(await openLoadedWall(server, 100, `w${w}n`));
  const walls = await snapshot('walls');
  report(`per wall (walls ${WALLS / 2} to ${WALLS}, 100 notes and one client each)`, halfWalls, walls, WALLS / 2);
  const wall = await server.newWall();
  clients.push(...(await connectMany(server, wall, 1 + CONNS / 2)));
  const halfConns = await snapshot('conns-half');
  clients.push(...(await connectMany(server, wall, CONNS / 2)));
  const conns = await snapshot('conns');
  report(`per connection (connections ${CONNS / 2} to ${CONNS} on one wall)`, halfConns, conns, CONNS / 2);
  for (const c of clients) c.destroy();
} finally {
  await server.stop();
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
