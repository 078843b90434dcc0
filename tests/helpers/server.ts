/**
 * Node-side test helpers: a real server on an ephemeral loopback port with a temporary
 * DATA_DIR, and real y-websocket clients. No mocks of ws, yjs, Fastify or SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildApp, type AppDeps } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { WS_PATH } from '../../shared/protocol';
import { CreateWallResponse, type CreateWallBody } from '../../shared/schemas';
import { Wall } from '../../shared/wall';

// Every y-websocket provider adds a process 'exit' listener: a test with more than ten clients is
// not a leak. Still bounded, so that a real leak across a file's tests shows.
process.setMaxListeners(100);

export interface TestServer {
  app: FastifyInstance;
  config: Config;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/ws (the y-websocket server URL; the wall id is appended) */
  wsUrl: string;
  dataDir: string;
  /** Closes the app (flushing every wall); removes DATA_DIR if startServer made it, unless keepData. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export function tempDir(prefix = 'pajaseina-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts buildApp(config) on 127.0.0.1:0. `overrides` replace config fields; pass `dataDir` to
 * reuse a directory (a restart). Logs are silent unless `logLevel` is given. Serves the client
 * from the repository's dist/ unless `staticDir` says otherwise.
 */
/**
 * The client build the tests serve: dist/, or PAJASEINA_DIST when set (so that engineers working
 * in one tree can each test their own build without overwriting each other's).
 */
export function clientBuildDir(): string {
  return process.env.PAJASEINA_DIST ?? join(import.meta.dirname, '..', '..', 'dist');
}

export async function startServer(overrides: Partial<Config> = {}, deps: AppDeps = {}): Promise<TestServer> {
  const ownsDataDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? tempDir();
  const config: Config = {
    ...loadConfig({}),
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    // The real client build, so browser tests can use this helper as it is.
    staticDir: clientBuildDir(),
    ...overrides,
    dataDir,
  };
  const app = await buildApp(config, deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    url,
    wsUrl: `ws://127.0.0.1:${port}${WS_PATH}`,
    dataDir,
    async close(options = {}) {
      await app.close();
      if (ownsDataDir && !options.keepData) removeDir(dataDir);
    },
  };
}

/** POST /api/walls; throws unless the answer is a 201 with a valid body. */
export async function createWall(url: string, body: Partial<CreateWallBody> = {}): Promise<CreateWallResponse> {
  const res = await fetch(`${url}/api/walls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Testiseinä', ...body }),
  });
  if (res.status !== 201) throw new Error(`createWall: ${res.status} ${await res.text()}`);
  return CreateWallResponse.parse(await res.json());
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  wall: Wall;
  /** Resolves when the first sync with the server completed; rejects if the server refuses. */
  synced: Promise<void>;
  /** Close events the provider saw, in order (code 1001 on server shutdown, 44xx on refusal…). */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** The ws URL base for a server URL: http://h:p → ws://h:p/ws */
export const wsBase = (url: string) => url.replace(/^http/, 'ws') + WS_PATH;

/**
 * A stock y-websocket v3 provider. disableBc matters: in Node, lib0's BroadcastChannel
 * fallback would let two providers in one process sync with each other around the server.
 */
export function connectClient(
  url: string,
  wallId: string,
  token: string,
  options: { timeoutMs?: number } = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), wallId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('client did not sync in time')), options.timeoutMs ?? 10_000);
    provider.on('sync', (isSynced) => {
      if (!isSynced) return;
      clearTimeout(timer);
      resolve();
    });
    provider.on('closed', (event) => {
      clearTimeout(timer);
      reject(new Error(`server closed the connection: ${event.code} ${event.reason}`));
    });
  });
  synced.catch(() => {}); // a test that never awaits it must not fail on an unhandled rejection
  return {
    doc,
    provider,
    wall: new Wall(doc),
    synced,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `predicate` until it is true; throws with `message` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  message = 'condition not met in time',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`waitFor: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server holds what a seeding client wrote: a fresh viewer connection, each
 * time, syncs the wall and `holds` is asked about it. Pages opened afterwards see all of it.
 */
export async function waitForServerWall(
  url: string,
  wall: { id: string; tokens: { viewer: string } },
  holds: (wall: Wall) => boolean,
  timeoutMs: number,
  message: string,
): Promise<void> {
  await waitFor(async () => {
    const probe = connectClient(url, wall.id, wall.tokens.viewer);
    try {
      await probe.synced;
      return holds(probe.wall);
    } finally {
      probe.destroy();
    }
  }, timeoutMs, message);
}

/** Adds `count` notes to the first group, one transaction (one update) each. Returns their texts. */
export function addNotes(client: TestClient, count: number, prefix = 'note'): string[] {
  const group = client.wall.groups()[0];
  if (!group) throw new Error('wall has no group');
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${prefix} ${i}`;
    const id = client.wall.addNote({ groupId: group.id, text, color: 'yellow', authorName: null, authorId: 'test' });
    if (!id) throw new Error('addNote refused');
    texts.push(text);
  }
  return texts;
}

export const noteTexts = (wall: Wall) => wall.notes().map((n) => n.text).sort();
