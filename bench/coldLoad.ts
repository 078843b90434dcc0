/**
 * Scenario 3, cold load: a wall of `notes` notes written as `updates` single-edit updates.
 * Ours: the updates are in SQLite (uncompacted, as a crash would leave them); the time is a new
 * client's first full sync right after a restart, so it includes loading from storage. Then once
 * more after the server compacted the wall and was restarted again, and once warm.
 * The references keep walls in memory only: a seeding client uploads the wall, then a new
 * client's first full sync is timed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { hashToken } from '../server/auth/tokens';
import { SqliteStore } from '../server/storage/sqliteStore';
import { withTimeout } from './lib/connectMany';
import { notesOf } from './lib/notes';
import { startBenchServer, type BenchServer, type ServerKind } from './lib/servers';
import { sleep } from './lib/stats';
import type { ServerStats } from './servers/stats';

export interface History {
  updates: Uint8Array[];
  notes: number;
}

export interface ColdLoadResult {
  /** Ours only: first sync right after a restart with every update uncompacted in storage. */
  coldUncompactedMs: number | null;
  /** Ours only: the same after the wall was compacted (what a live wall's log looks like). */
  coldCompactedMs: number | null;
  /** A new client's first full sync with the wall already in memory. */
  warmMs: number;
  /** Server event-loop delay while the cold load (ours) or the upload (references) ran. */
  server: ServerStats;
}

const TOKEN = 'bench-facilitator-token-000000000';

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
    return { coldUncompactedMs: null, coldCompactedMs: null, warmMs, server: stats };
  } finally {
    await server.stop();
  }
}

async function coldLoadOurs(history: History): Promise<ColdLoadResult> {
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
    let server = await startBenchServer('pajaseina', env);
    await server.reset();
    const coldUncompactedMs = await timeFirstSync(server, wall, history.notes);
    const stats = await server.stats();
    const warmMs = await timeFirstSync(server, wall, history.notes);
    await sleep(2000); // the load scheduled a compaction; let it land
    await server.stop();
    server = await startBenchServer('pajaseina', env);
    const coldCompactedMs = await timeFirstSync(server, wall, history.notes);
    await server.stop();
    return { coldUncompactedMs, coldCompactedMs, warmMs, server: stats };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
