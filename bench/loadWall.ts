/**
 * How fast a wall with many edits loads, before and after compaction, and what it costs in
 * storage and memory. Uses the real SqliteStore in a temporary directory.
 *
 *   node --expose-gc --import tsx bench/loadWall.ts [--edits 10000] [--runs 5]
 *
 * Each edit is one appended update, as a live client produces them: a mix of new notes, text
 * edits, recolours and moves across three groups.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStore, DB_FILE } from '../server/storage/sqliteStore';
import { Wall } from '../shared/wall';
import { NOTE_COLORS } from '../shared/schemas';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const EDITS = arg('edits', 10_000);
const RUNS = arg('runs', 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Reads and applies the stored state the way server/rooms/room.ts does; then one full read of the notes as a client renders them. */
async function loadOnce(store: SqliteStore, id: string): Promise<{ ms: number; readMs: number; doc: Y.Doc }> {
  const t0 = process.hrtime.bigint();
  const { updates } = await store.loadState(id);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const loadMs = ms(t0);
  const t1 = process.hrtime.bigint();
  new Wall(doc).notes();
  return { ms: loadMs, readMs: ms(t1), doc };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-bench-'));
  const store = new SqliteStore(dir);
  const id = 'benchwall0000000000001';

  const doc = new Y.Doc();
  const wall = new Wall(doc);
  wall.initialise({ title: 'Bench', language: 'fi', createdAt: Date.now() }, ['A', 'B', 'C']);
  await store.createWall(
    { id, title: 'Bench', language: 'fi', createdAt: Date.now(), tokenHashes: { facilitator: 'a'.repeat(64), participant: 'b'.repeat(64), viewer: 'c'.repeat(64) } },
    Y.encodeStateAsUpdate(doc),
  );

  const pending: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => pending.push(u));
  const groups = wall.groups().map((g) => g.id);
  let seed = 1;
  // A fixed-seed LCG (high bits only: the low bits of an LCG cycle) so every run does the same edits.
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 8) % n);
  const noteIds: string[] = [];

  let appendMs = 0;
  for (let i = 0; i < EDITS; i++) {
    const kind = noteIds.length < 20 ? 0 : rand(4);
    const target = noteIds[rand(Math.max(1, noteIds.length))];
    if (kind === 0 || !target) {
      const added = wall.addNote({ groupId: groups[rand(3)]!, text: `Idea ${i}`, color: 'yellow', authorName: 'Bench', authorId: 'b' });
      if (added) noteIds.push(added);
    } else if (kind === 1) wall.updateNoteText(target, `Edited ${i}`);
    else if (kind === 2) wall.setNoteColor(target, NOTE_COLORS[rand(NOTE_COLORS.length)]!);
    else wall.moveNote(target, groups[rand(3)]!, rand(10));
    const t0 = process.hrtime.bigint();
    for (const u of pending.splice(0)) await store.appendUpdate(id, u);
    appendMs += ms(t0);
  }
  const noteCount = wall.notes().length;

  const uncompacted = [] as number[];
  for (let r = 0; r < RUNS; r++) uncompacted.push((await loadOnce(store, id)).ms);
  const sizeBefore = statSync(join(dir, DB_FILE)).size + statSync(join(dir, `${DB_FILE}-wal`)).size;

  const tCompact = process.hrtime.bigint();
  const { lastSeq } = await store.loadState(id);
  const merged = Y.encodeStateAsUpdate(doc);
  await store.compact(id, merged, lastSeq);
  const compactMs = ms(tCompact);

  const compacted = [] as number[];
  const reads = [] as number[];
  for (let r = 0; r < RUNS; r++) {
    const run = await loadOnce(store, id);
    compacted.push(run.ms);
    reads.push(run.readMs);
  }

  // Heap per loaded wall: hold several copies at once so collector noise averages out.
  const settle = () => { for (let i = 0; i < 3; i++) globalThis.gc?.(); };
  settle();
  const heapBefore = process.memoryUsage().heapUsed;
  const held: Y.Doc[] = [];
  for (let r = 0; r < RUNS; r++) held.push((await loadOnce(store, id)).doc);
  settle();
  const heapPerWall = (process.memoryUsage().heapUsed - heapBefore) / RUNS;
  const check = new Wall(held[0]!).notes().length;
  if (check !== noteCount) throw new Error(`loaded ${check} notes, expected ${noteCount}`);

  console.log(`edits (appended updates):        ${EDITS}`);
  console.log(`notes on the wall:               ${noteCount}`);
  console.log(`append, mean per update:         ${((appendMs / EDITS) * 1000).toFixed(0)} µs (${(EDITS / (appendMs / 1000)).toFixed(0)} updates/s, SQLite WAL)`);
  console.log(`load before compaction (median): ${median(uncompacted).toFixed(1)} ms over ${RUNS} runs`);
  console.log(`compaction:                      ${compactMs.toFixed(1)} ms`);
  console.log(`load after compaction (median):  ${median(compacted).toFixed(1)} ms over ${RUNS} runs`);
  console.log(`Wall.notes(), validated (median): ${median(reads).toFixed(1)} ms`);
  console.log(`database + WAL before compaction: ${kib(sizeBefore)}`);
  console.log(`merged snapshot:                 ${kib(merged.byteLength)}`);
  console.log(`heap of one loaded wall:         ${globalThis.gc ? kib(heapPerWall) : 'run with node --expose-gc to measure'}`);

  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
