/**
 * Scenario 3, cold load: a wall of `notes` notes written as `updates` single-edit updates.
 * Ours: the updates are in SQLite (uncompacted, as a crash would leave them); the time is a new
 * client's first full sync right after a restart, so it includes loading from storage. Then once
 * more after the server compacted the wall and was restarted again, and once warm.
 * The references keep walls in memory only: a seeding client uploads the wall, then a new
 * client's first full sync is timed.
 *
 * What the client sees includes its own work on the whole wall (applying a 2 MB update takes it
 * about as long as the server's load), so ours also reports the server's own side, from the
 * timings the server publishes (server/rooms/roomTimings.ts): reading storage, replaying, and
 * the time from the connection to its sync step 2 being sent.
 *
 * Ours is loaded compacted a second time for a new client that reads its answer and applies
 * nothing (`serverCompactedAlone`): on two cores a whole client applying the wall meanwhile takes
 * CPU from the server, and in CPU profiles the server's main thread went unsampled for 23 ms of a
 * 27 ms stall while the client applied (docs/performance.md, session 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { hashToken } from '../server/auth/tokens';
import { encodeSyncStep1 } from '../server/rooms/codec';
import { MessageType, SyncMessageType, WS_PATH } from '../shared/protocol';
import { SqliteStore } from '../server/storage/sqliteStore';
import { withTimeout } from './lib/connectMany';
import { notesOf } from './lib/notes';
import { startBenchServer, type BenchServer, type ServerKind } from './lib/servers';
import { sleep } from './lib/stats';
import type { ServerStats } from './servers/stats';
import type { CompactionTiming } from '../server/rooms/roomTimings';

export interface History {
  updates: Uint8Array[];
  notes: number;
}

export interface ColdLoadResult {
  /** Ours only: first sync right after a restart with every update uncompacted in storage. */
  coldUncompactedMs: number | null;
  /** Ours only: the same after the wall was compacted (what a live wall's log looks like). */
  coldCompactedMs: number | null;
  /**
   * Ours only: the compacted wall with CRASH_LEFT_ROWS more rows after its snapshot, the longest
   * log a crash can leave (compaction runs at COMPACT_AFTER_UPDATES), after a restart (absent
   * from a base without it).
   */
  coldAfterCrashMs?: number | null;
  /** A new client's first full sync with the wall already in memory. */
  warmMs: number;
  /** Server event-loop delay while the cold load (ours) or the upload (references) ran. */
  server: ServerStats;
  /** Ours only: the same over the load of the compacted wall. */
  serverCompacted: ServerStats | null;
  /**
   * Ours only: the compacted load once more, the new client a wire client that reads its answer
   * and applies nothing: the server's event loop without a whole Yjs client applying the wall on
   * the same two cores meanwhile (null from a base without it).
   */
  serverCompactedAlone?: ServerStats | null;
  /** Ours only: the same over the load of the compacted wall with CRASH_LEFT_ROWS rows after its snapshot. */
  serverAfterCrash?: ServerStats | null;
  /** Ours only: the server's own side of each first sync (null from a server that publishes no timings). */
  serverSide: { uncompacted: ServerSideLoad | null; compacted: ServerSideLoad | null; warm: ServerSideLoad | null; afterCrash?: ServerSideLoad | null } | null;
  /** Ours only: the compaction the uncompacted load called for, once it ran. */
  compaction: CompactionTiming | null;
}

export interface ServerSideLoad {
  /** Storage read and replay of the room's load (0 when the wall was already in memory). */
  readMs: number;
  replayMs: number;
  /** From the connection (access checked) to its sync step 2 sent: the server's whole part. */
  firstSyncMs: number;
  /** Of which making the step 2 frame. */
  encodeMs: number;
  /** Step 2 was the kept encoded state, not a fresh encoding of the doc. */
  reusedState: boolean;
  /** Answered from the stored state while the room still replayed it (Room.open). */
  whileLoading: boolean;
}

function serverSide(stats: ServerStats): ServerSideLoad | null {
  const load = stats.roomLoads?.[0];
  const sync = stats.firstSyncs?.[0];
  if (!sync) return null;
  return {
    readMs: load?.readMs ?? 0,
    replayMs: load?.replayMs ?? 0,
    firstSyncMs: sync.sinceConnectMs,
    encodeMs: sync.encodeMs,
    reusedState: sync.reused,
    whileLoading: sync.whileLoading ?? false, // a base from before Room.open publishes no such field
  };
}

/** The compaction a load of a long log schedules for an idle moment (COMPACT_AFTER_LOAD_DELAY_MS). */
async function compactionOf(server: BenchServer): Promise<CompactionTiming | null> {
  for (let waited = 0; waited < 30_000; waited += 250) {
    const done = (await server.stats()).compactions;
    if (done === undefined) break;
    if (done.length > 0) return done[0]!;
    await sleep(250);
  }
  await sleep(2000); // a server that publishes no timings: give its compaction time to land
  return null;
}

/**
 * The server's figures once its room has finished loading. A new client may be answered from
 * storage while the room still replays (Room.open): the event-loop delay of "the load" must
 * cover the whole replay, not stop at the client's first sync.
 */
async function statsAfterLoad(server: BenchServer): Promise<ServerStats> {
  for (let waited = 0; ; waited += 20) {
    const stats = await server.stats();
    if (stats.roomLoads === undefined || stats.roomLoads.length > 0 || waited > 30_000) return stats;
    await sleep(20);
  }
}

const TOKEN = 'bench-facilitator-token-000000000';

/** One less than the server's default COMPACT_AFTER_UPDATES (server/config.ts): it compacts at 500. */
export const CRASH_LEFT_ROWS = 499;

/**
 * `rows` single edits made after the whole history by another client, each its own update: what
 * a wall's log holds when the server stops just before its next compaction.
 */
function editsAfter(history: History, rows: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of history.updates) Y.applyUpdate(doc, update);
  });
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const notes = notesOf(doc);
  const ids = [...notes.keys()];
  for (let i = 0; out.length < rows; i++) notes.get(ids[(i * 7919) % ids.length]!)!.set('text', `After the snapshot ${i}`);
  doc.destroy();
  return out;
}

/**
 * A new client that sends its sync step 1 and reads frames until the step 2, applying nothing.
 * Resolves with the ms from connecting to the step 2's arrival.
 */
async function timeWireFirstSync(port: number, wall: { id: string; token: string }): Promise<number> {
  const t0 = performance.now();
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}/${wall.id}?token=${encodeURIComponent(wall.token)}`);
  try {
    const stepTwo = new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        if (data[0] === MessageType.Sync && data[1] === SyncMessageType.Step2) resolve();
      });
      ws.on('error', reject);
      ws.on('close', (code) => reject(new Error(`wire client closed ${code} before its step 2`)));
    });
    ws.on('open', () => ws.send(encodeSyncStep1(new Y.Doc())));
    await withTimeout(stepTwo, 60_000, 'pajaseina: wire first sync of the big wall');
    return performance.now() - t0;
  } finally {
    ws.removeAllListeners('close');
    ws.on('error', () => {});
    ws.close();
  }
}

async function timeFirstSync(server: BenchServer, wall: { id: string; token: string }, notes: number): Promise<number> {
  const t0 = performance.now();
  const client = server.connect(wall);
  await withTimeout(client.synced, 60_000, `${server.kind}: first sync of the big wall`);
  const ms = performance.now() - t0;
  const got = notesOf(client.doc).size;
  client.destroy();
  if (got !== notes) throw new Error(`${server.kind}: synced ${got} notes, expected ${notes}`);
  return ms;
}

export async function coldLoad(kind: ServerKind, history: History): Promise<ColdLoadResult> {
  if (kind === 'pajaseina') return coldLoadOurs(history);
  const server = await startBenchServer(kind);
  try {
    const wall = await server.newWall();
    const seeder = server.connect(wall);
    // Applied one by one in one transaction: Y.mergeUpdates over 50 000 updates takes minutes.
    seeder.doc.transact(() => {
      for (const update of history.updates) Y.applyUpdate(seeder.doc, update);
    });
    await server.reset();
    await withTimeout(seeder.synced, 60_000, `${kind}: upload`);
    await sleep(500);
    const stats = await server.stats();
    // The seeder stays connected: these servers drop a wall with its last client.
    const warmMs = await timeFirstSync(server, wall, history.notes);
    seeder.destroy();
    return { coldUncompactedMs: null, coldCompactedMs: null, coldAfterCrashMs: null, warmMs, server: stats, serverCompacted: null, serverSide: null, compaction: null };
  } finally {
    await server.stop();
  }
}

/** `entry`: our server from another checkout (bench/coldAb.ts), as in startBenchServer. */
export async function coldLoadOurs(history: History, entry?: string): Promise<ColdLoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pajaseina-bench-cold-'));
  const id = 'benchcoldwall000000001';
  const store = new SqliteStore(dir);
  await store.createWall(
    {
      id,
      title: 'Bench',
      language: 'fi',
      createdAt: Date.now(),
      tokenHashes: { facilitator: hashToken(TOKEN), participant: hashToken(`${TOKEN}p`), viewer: hashToken(`${TOKEN}v`) },
    },
    history.updates[0]!,
  );
  for (const update of history.updates.slice(1)) await store.appendUpdate(id, update);
  await store.close();
  const wall = { id, token: TOKEN };
  const env = { BENCH_DATA_DIR: dir };
  try {
    const server = await startBenchServer('pajaseina', env, entry);
    await server.reset();
    const coldUncompactedMs = await timeFirstSync(server, wall, history.notes);
    const stats = await statsAfterLoad(server);
    const compaction = await compactionOf(server);
    await server.reset();
    const warmMs = await timeFirstSync(server, wall, history.notes);
    const warmStats = await server.stats();
    await server.stop();
    /** A restart, one first sync, and the server's figures once its room has loaded. */
    const afterRestart = async <T>(firstSync: (restarted: BenchServer) => Promise<T>) => {
      const restarted = await startBenchServer('pajaseina', env, entry);
      try {
        await restarted.reset();
        const result = await firstSync(restarted);
        return { result, stats: await statsAfterLoad(restarted) };
      } finally {
        await restarted.stop();
      }
    };
    const { result: coldCompactedMs, stats: compactedStats } = await afterRestart((s) => timeFirstSync(s, wall, history.notes));
    const { stats: aloneStats } = await afterRestart((s) => timeWireFirstSync(s.port, wall));
    const crashStore = new SqliteStore(dir);
    for (const update of editsAfter(history, CRASH_LEFT_ROWS)) await crashStore.appendUpdate(id, update);
    await crashStore.close();
    const { result: coldAfterCrashMs, stats: crashStats } = await afterRestart((s) => timeFirstSync(s, wall, history.notes));
    const side = { uncompacted: serverSide(stats), compacted: serverSide(compactedStats), warm: serverSide(warmStats), afterCrash: serverSide(crashStats) };
    return {
      coldUncompactedMs,
      coldCompactedMs,
      coldAfterCrashMs,
      warmMs,
      server: stats,
      serverCompacted: compactedStats,
      serverCompactedAlone: aloneStats,
      serverAfterCrash: crashStats,
      serverSide: side.uncompacted || side.compacted || side.warm ? side : null,
      compaction,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
