/**
 * The three servers the bench compares, each in its own child process, and each reached through
 * its own stock client: y-websocket's WebsocketProvider for ours and for @y/websocket-server,
 * HocuspocusProvider for Hocuspocus. Every client owns one WebSocket.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { WS_PATH } from '../../shared/protocol';
import { CreateWallResponse } from '../../shared/schemas';
import type { ServerStats } from '../servers/stats';

export const SERVER_KINDS = ['pajaseina', 'y-websocket-server', 'hocuspocus'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

const ENTRY: Record<ServerKind, string> = {
  pajaseina: 'ours.ts',
  'y-websocket-server': 'yWebsocketServer.ts',
  hocuspocus: 'hocuspocus.ts',
};

export interface BenchClient {
  doc: Y.Doc;
  awareness: Awareness;
  synced: Promise<void>;
  /**
   * Makes this a wire receiver (bench/fanout.ts): from now on every frame the server sends is
   * handed to `onFrame` as it comes off the socket, and the provider no longer reads it, so the
   * doc stops following the wall. The provider's own liveness clock is kept ticking, so it does
   * not take the quiet doc for a dead connection and reconnect.
   */
  toWire(onFrame: (frame: Uint8Array) => void): void;
  destroy(): void;
}

export interface BenchServer {
  kind: ServerKind;
  port: number;
  /** A wall to connect to: ours creates one over HTTP (and needs its token), the others take any name. */
  newWall(): Promise<{ id: string; token: string }>;
  connect(wall: { id: string; token: string }): BenchClient;
  reset(): Promise<void>;
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  /** Writes a heap snapshot of the server process to `path` (bench/heapProfile.ts). */
  heapSnapshot(path: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `entry` runs another server file in place of the kind's own: bench/ab.ts starts our server from
 * an older checkout of the repository that way, to compare before and after in one run.
 * BENCH_NODE_FLAGS (space-separated) go to the server's node before its own flags, e.g.
 * `BENCH_NODE_FLAGS=--trace-gc` to see its collections (Node refuses that one in NODE_OPTIONS), or
 * `BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=DIR"` (then stop() lets the server exit normally).
 */
export async function startBenchServer(kind: ServerKind, env: Record<string, string> = {}, entry?: string): Promise<BenchServer> {
  const file = entry ?? join(import.meta.dirname, '..', 'servers', ENTRY[kind]);
  const child = fork(file, [], {
    // A built server (.mjs) runs on plain node, as in production; TypeScript goes through tsx.
    execArgv: [...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...(file.endsWith('.mjs') ? ['--expose-gc'] : ['--expose-gc', '--import', 'tsx'])],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code} before it was ready`)));
    child.on('message', (m: { type?: string; port?: number }) => {
      if (m.type === 'ready') resolve(m.port!);
    });
  });
  const ask = ipc(child);
  let walls = 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    kind,
    port,
    async newWall() {
      if (kind !== 'pajaseina') return { id: `wall-${++walls}`, token: '' };
      const res = await fetch(`${url}/api/walls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The blank template: the references' walls start empty too, so memory compares like with like.
        body: JSON.stringify({ title: 'Bench', template: 'blank' }),
      });
      if (res.status !== 201) throw new Error(`create wall: ${res.status}`);
      const created = CreateWallResponse.parse(await res.json());
      return { id: created.id, token: created.tokens.facilitator };
    },
    connect: (wall) => connectClient(kind, port, wall),
    reset: async () => void (await ask({ type: 'reset' })),
    stats: async (options = {}) => (await ask({ type: 'stats', gc: options.gc })).stats as ServerStats,
    heapSnapshot: async (path) => void (await ask({ type: 'heapSnapshot', path })),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // In-memory references and a bench database: nothing to flush, unless node was asked to
      // write a profile, which only a normal exit does.
      if (process.env.BENCH_NODE_FLAGS?.includes('--cpu-prof')) child.send({ id: -1, type: 'exit' });
      else child.kill('SIGKILL');
      await exited;
    },
  };
}

function ipc(child: ChildProcess) {
  let next = 0;
  const waiting = new Map<number, (m: { stats?: ServerStats }) => void>();
  child.on('message', (m: { id?: number; stats?: ServerStats }) => {
    if (m.id !== undefined) waiting.get(m.id)?.(m);
    if (m.id !== undefined) waiting.delete(m.id);
  });
  return (req: { type: string; gc?: boolean; path?: string }) =>
    new Promise<{ stats?: ServerStats }>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      child.send({ ...req, id });
    });
}

export function connectClient(kind: ServerKind, port: number, wall: { id: string; token: string }): BenchClient {
  const doc = new Y.Doc();
  if (kind === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}`, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ name: wall.id, document: doc, websocketProvider: socket });
    provider.attach();
    const synced = new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      else provider.on('synced', () => resolve());
    });
    return {
      doc,
      awareness: provider.awareness!,
      synced,
      toWire(onFrame) {
        const ws = socket.webSocket as unknown as { identifier: number } & Pick<globalThis.WebSocket, 'addEventListener' | 'removeEventListener'>;
        const own = (socket as unknown as { webSocketHandlers: Record<number, { message: (e: MessageEvent) => void }> }).webSocketHandlers[ws.identifier]!;
        ws.removeEventListener('message', own.message);
        ws.addEventListener('message', (event: MessageEvent) => {
          socket.lastMessageReceived = Date.now();
          onFrame(new Uint8Array(event.data as ArrayBuffer));
        });
      },
      destroy() {
        // A socket still connecting (the provider reconnects after 30 s without a message) emits
        // 'error' when closed, after the provider has dropped its own listeners: not a crash.
        (socket.webSocket as unknown as WebSocket | null)?.on('error', () => {});
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }
  const base = kind === 'pajaseina' ? `ws://127.0.0.1:${port}${WS_PATH}` : `ws://127.0.0.1:${port}`;
  const provider = new WebsocketProvider(base, wall.id, doc, {
    params: wall.token ? { token: wall.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    awareness: provider.awareness,
    synced,
    toWire(onFrame) {
      const ws = provider.ws!;
      ws.onmessage = (event: MessageEvent) => {
        provider.wsLastMessageReceived = Date.now();
        onFrame(new Uint8Array(event.data as ArrayBuffer));
      };
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
