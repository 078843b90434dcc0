/**
 * Where a server's memory per wall and per connection goes: heap snapshots of the server process
 * before and after loading walls (and then connections), diffed by object kind.
 *
 *   node --import tsx bench/heapProfile.ts [--kind pajaseina] [--walls 100] [--conns 300] [--top 25]
 *
 * Prints, per wall and per connection, the bytes each constructor (or V8 object kind) added.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMany } from './lib/connectMany';
import { addNote } from './lib/notes';
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

const dir = mkdtempSync(join(tmpdir(), 'pajaseina-heap-'));
const server = await startBenchServer(kind, { ROOM_UNLOAD_DELAY_MS: '1000', BENCH_DATA_DIR: dir });
try {
  const snapshot = async (name: string) => {
    await sleep(300);
    await server.stats({ gc: true });
    const path = join(dir, `${name}.heapsnapshot`);
    await server.heapSnapshot(path);
    return bytesByKind(path);
  };
  const [warm] = await connectMany(server, await server.newWall(), 1);
  warm!.destroy();
  await sleep(2000);
  const base = await snapshot('base');
  const clients: BenchClient[] = [];
  let serial = 0;
  for (let w = 0; w < WALLS; w++) {
    const [client] = await connectMany(server, await server.newWall(), 1);
    client!.doc.transact(() => {
      for (let n = 0; n < 100; n++) addNote(client!.doc, `m${++serial}`, `Idea ${serial}: ${'lorem ipsum '.repeat(3)}`);
    });
    clients.push(client!);
  }
  const walls = await snapshot('walls');
  report(`per wall (${WALLS} walls of 100 notes, one client each)`, base, walls, WALLS);
  const wall = await server.newWall();
  clients.push(...(await connectMany(server, wall, 1)));
  const one = await snapshot('one');
  clients.push(...(await connectMany(server, wall, CONNS)));
  const conns = await snapshot('conns');
  report(`per connection (${CONNS} more on one wall)`, one, conns, CONNS);
  for (const c of clients) c.destroy();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
