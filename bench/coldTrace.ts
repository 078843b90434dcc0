/**
 * One cold load of a big wall, traced: our server in a child process with bench/lib/gapLog.ts
 * (stalls of its event loop, GCs, room timings) and any extra node flags (e.g. --cpu-prof), and
 * one y-websocket client whose frames are timed on arrival and after it handled them. Prints one
 * timeline in ms since the client connected.
 *
 *   npx tsx bench/coldTrace.ts [--compacted 1] [--notes 5000] [--updates 50000] [--flags "--cpu-prof --cpu-prof-dir=/tmp/prof"] [--entry <checkout>/bench/servers/ours.ts]
 *
 * The wall is compacted (when asked) by this checkout's Room, whatever server --entry runs.
 * Server lines are kept in the child until it exits (gapLog.ts), so they cost it no writes.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { WS_PATH } from '../shared/protocol';
import { hashToken } from '../server/auth/tokens';
import { Room } from '../server/rooms/room';
import { SqliteStore } from '../server/storage/sqliteStore';
import { arg } from './lib/args';
import { buildHistory, notesOf } from './lib/notes';

const notes = Number(arg('notes', '5000'));
const updates = Number(arg('updates', '50000'));
const compacted = arg('compacted', '1') === '1';
const flags = arg('flags', '').split(' ').filter(Boolean);
const entry = arg('entry', join(import.meta.dirname, 'servers', 'ours.ts'));

const now = () => performance.timeOrigin + performance.now();
const events: [number, string][] = [];
const note = (what: string, t = now()) => events.push([t, what]);

const dir = mkdtempSync(join(tmpdir(), 'pajaseina-cold-trace-'));
const id = 'benchcoldwall000000001';
const TOKEN = 'bench-facilitator-token-000000000';
try {
  const history = buildHistory(notes, updates);
  const store = new SqliteStore(dir);
  const tokenHashes = { facilitator: hashToken(TOKEN), participant: hashToken(`${TOKEN}p`), viewer: hashToken(`${TOKEN}v`) };
  await store.createWall({ id, title: 'Bench', language: 'fi', createdAt: Date.now(), tokenHashes }, history.updates[0]!);
  for (const update of history.updates.slice(1)) await store.appendUpdate(id, update);
  if (compacted) {
    const silent = { debug() {}, info() {}, warn() {}, error() {} };
    const room = new Room(id, store, { compactAfterUpdates: Number.MAX_SAFE_INTEGER, maxPendingBytes: 1 << 20, log: silent as never, onEmpty() {} });
    await room.load();
    await room.compact();
    const state = await store.loadState(id);
    process.stderr.write(`compacted: ${state.snapshotParts} parts, ${state.updates.reduce((s, u) => s + u.byteLength, 0)} bytes\n`);
    room.destroy();
  }
  await store.close();

  const child = fork(entry, [], {
    execArgv: ['--expose-gc', ...flags, '--import', 'tsx', '--import', join(import.meta.dirname, 'lib', 'gapLog.ts')],
    env: { ...process.env, BENCH_DATA_DIR: dir },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let buffered = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const m = /^TRACE (\S+) (.*)$/.exec(line);
      if (m) events.push([Number(m[1]), `server ${m[2]}`]);
      else if (line.trim()) process.stderr.write(`${line}\n`);
    }
  });
  const port = await new Promise<number>((resolve) => child.on('message', (m: { type?: string; port?: number }) => m.type === 'ready' && resolve(m.port!)));
  await new Promise((r) => setTimeout(r, 1500)); // the child's start-up stalls are not the load's
  events.length = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) note(`client gc ${e.duration.toFixed(1)} ms`, performance.timeOrigin + e.startTime);
  }).observe({ entryTypes: ['gc'] });
  const t0 = now();
  note('client connects');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}${WS_PATH}`, id, doc, {
    params: { token: TOKEN },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // The provider's socket: each frame timed on arrival (prepended) and after its own handler.
  const ws = provider.ws as unknown as WebSocket;
  ws.prependListener('message', (data: ArrayBuffer) => {
    const bytes = new Uint8Array(data);
    note(`client frame arrives ${bytes.byteLength} B (message ${bytes[0]}/${bytes[1]})`);
  });
  ws.on('message', () => note('client frame handled'));
  doc.on('update', (u: Uint8Array) => note(`client doc update ${u.byteLength} B, notes ${notesOf(doc).size}`));
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  await synced;
  note(`client synced, notes ${notesOf(doc).size}`);
  await new Promise((r) => setTimeout(r, 1500));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM'); // gapLog.ts prints what it kept, --cpu-prof writes its profile
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 100));
  provider.destroy();
  events.sort((a, b) => a[0] - b[0]);
  for (const [t, what] of events) if (t >= t0 - 50) console.log(`${(t - t0).toFixed(1).padStart(8)}  ${what}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
