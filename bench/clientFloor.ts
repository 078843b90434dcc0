/**
 * The floor under scenario 1's latency that no server can lower: the time the bench's one client
 * thread needs to take a relayed frame into every receiving client's doc, with no server and no
 * network at all. Each client is a Y.Doc holding the same wall, fed the frame the way
 * y-websocket's provider does (decode the sync message, apply in a transaction), with the
 * fan-out's own arrival observer.
 *
 *   npx tsx bench/clientFloor.ts [--clients 300 --burst 30 --runs 5]
 *
 * Prints, per shape of delivery, the median over runs of the time until the LAST client has it:
 * one workshop-pace note; the burst as one merged frame, as 4 frames, as one frame per note.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { encodeUpdate } from '../server/rooms/codec';
import { arg } from './lib/args';
import { addNote, notesOf } from './lib/notes';

const clients = Number(arg('clients', '300'));
const burst = Number(arg('burst', '30'));
const runs = Number(arg('runs', '5'));

/** The writer's updates for `count` notes, one update each, on top of `base`. */
function notesAsUpdates(base: Uint8Array, count: number, prefix: string): Uint8Array[] {
  const writer = new Y.Doc();
  Y.applyUpdate(writer, base);
  const out: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < count; i++) addNote(writer, `${prefix}${i}`, `Note ${i}`);
  writer.destroy();
  return out;
}

function receivers(base: Uint8Array, count: number): { docs: Y.Doc[]; arrivals: () => number } {
  let arrived = 0;
  const docs = Array.from({ length: count }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    notesOf(doc).observe((event) => {
      if (event.transaction.local) return;
      performance.now();
      arrived += event.keysChanged.size;
    });
    return doc;
  });
  return { docs, arrivals: () => arrived };
}

/** ms until every doc took every frame, in the order a relay sends them (frame by frame, client by client). */
function deliver(docs: Y.Doc[], frames: Uint8Array[]): number {
  const start = performance.now();
  for (const frame of frames) {
    for (const doc of docs) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder); // message type: sync
      syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'provider');
    }
  }
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const seed = new Y.Doc();
for (let i = 0; i < 50; i++) addNote(seed, `seed${i}`, `Seed ${i}`);
const base = Y.encodeStateAsUpdate(seed);

const shapes: Record<string, (updates: Uint8Array[]) => Uint8Array[]> = {
  'one frame': (u) => [Y.mergeUpdates(u)],
  '4 frames': (u) => Array.from({ length: 4 }, (_, i) => u.slice((i * u.length) / 4, ((i + 1) * u.length) / 4)).filter((p) => p.length > 0).map((p) => Y.mergeUpdates(p)),
  'a frame per note': (u) => u,
};

const results: Record<string, number[]> = { 'pace: one note': [] };
for (const name of Object.keys(shapes)) results[`burst of ${burst}: ${name}`] = [];
for (let run = 0; run < runs + 1; run++) {
  const warmUp = run === 0; // compiles every path once
  const one = notesAsUpdates(base, 1, `p${run}-`).map(encodeUpdate);
  const r = receivers(base, clients - 1);
  const t = deliver(r.docs, one);
  if (!warmUp) results['pace: one note']!.push(t);
  for (const [name, shape] of Object.entries(shapes)) {
    const frames = shape(notesAsUpdates(base, burst, `b${run}-${name}-`)).map(encodeUpdate);
    const rr = receivers(base, clients - 1);
    const tb = deliver(rr.docs, frames);
    if (rr.arrivals() !== burst * (clients - 1)) throw new Error(`${name}: ${rr.arrivals()} arrivals, expected ${burst * (clients - 1)}`);
    if (!warmUp) results[`burst of ${burst}: ${name}`]!.push(tb);
    for (const d of rr.docs) d.destroy();
  }
  for (const d of r.docs) d.destroy();
}
console.log(`${clients - 1} receiving clients in one thread, median of ${runs} runs (ms until the last client has it):`);
for (const [name, times] of Object.entries(results)) console.log(`  ${name.padEnd(34)} ${median(times).toFixed(1)}  (${times.map((x) => x.toFixed(0)).join(' / ')})`);
