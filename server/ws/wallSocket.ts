/**
 * The /ws/:wallId?token= route: y-websocket framing over ws. Access is checked in preValidation,
 * so a refusal is a plain HTTP 404/401 before the upgrade. The message listener is attached
 * synchronously in the handler, before anything awaits, or early frames would be lost; the
 * connection keeps them until the room is loaded.
 */
import websocket from '@fastify/websocket';
import type { Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { CloseCode, CloseReason, WS_PATH } from '../../shared/protocol';
import { resolveAccess, type Access } from '../auth/access';
import type { Logger } from '../log';
import { AUTH_GUARDED } from '../http/authFailures';
import { Connection, type ConnectionLimits } from '../rooms/connection';
import type { RoomRegistry } from '../rooms/registry';
import type { Store } from '../storage/store';
import type { SocketIndex } from './socketIndex';

declare module 'fastify' {
  interface FastifyRequest {
    wallAccess: Access | null;
  }
}

export interface WallSocketOptions {
  store: Store;
  registry: RoomRegistry;
  /** Every live connection by wall and token hash, for rotation and deletion. */
  sockets: SocketIndex;
  maxMessageBytes: number;
  limits: ConnectionLimits;
  pingIntervalMs: number;
}

/** How long shutdown waits for clients to acknowledge the 1001 close before cutting them off. */
const CLOSE_GRACE_MS = 1000;

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

export async function wallSocketRoutes(app: FastifyInstance, opts: WallSocketOptions): Promise<void> {
  const { store, registry } = opts;

  await app.register(websocket, {
    // ws refuses larger frames itself, closing with 1009.
    options: { maxPayload: opts.maxMessageBytes },
    errorHandler: (err, socket, request) => onSocketError(request.log, socket, err),
    preClose: async () => {
      await registry.close();
      const clients = [...app.websocketServer.clients];
      for (const client of clients) client.close(CloseCode.GoingAway, CloseReason[CloseCode.GoingAway]);
      await Promise.race([
        Promise.all(clients.map((c) => (c.readyState === c.CLOSED ? null : new Promise((r) => c.once('close', r))))),
        new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref()),
      ]);
      for (const client of app.websocketServer.clients) client.terminate();
      app.websocketServer.close();
    },
  });

  // A socket that does not answer a ping within one interval is gone (laptop lid closed).
  const alive = new WeakMap<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const socket of app.websocketServer.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, opts.pingIntervalMs);
  pinger.unref();
  app.addHook('onClose', async () => clearInterval(pinger));

  app.decorateRequest('wallAccess', null);

  app.get<{ Params: { wallId: string }; Querystring: { token?: string } }>(
    `${WS_PATH}/:wallId`,
    {
      websocket: true,
      config: AUTH_GUARDED,
      preValidation: async (request) => {
        request.wallAccess = await resolveAccess(store, request.params.wallId, request.query.token);
      },
    },
    (socket, request) => {
      const { wall, role, groupId, tokenHash } = request.wallAccess!;
      const wallId = wall.id;
      const log = connectionLogger(app.log, { reqId: request.id, wallId, role });
      releaseRequest(socket, request, log);
      const conn = new Connection(socket, { role, groupId }, opts.limits, (reason) => log().info({ reason }, 'malformed frame'));
      opts.sockets.add(wallId, tokenHash, conn);
      if (conn.closed) return; // revoked between the access check and the upgrade
      alive.set(socket, true);
      socket.on('pong', () => alive.set(socket, true));
      socket.on('message', (data, isBinary) => {
        try {
          conn.receive(toBytes(data), isBinary);
        } catch (err) {
          log().error({ err }, 'frame handling failed');
          conn.close(CloseCode.MalformedMessage);
        }
      });
      socket.on('close', (code) => {
        log().debug({ code }, 'connection closed');
        conn.markClosed();
      });
      registry.join(wallId, conn);
    },
  );
}

/**
 * ws reports protocol errors (oversized frame, bad opcode) as 'error' after it has already
 * started the close with the right code: terminating now would lose that code.
 */
function onSocketError(log: Logger, socket: WebSocket, err: Error): void {
  log.debug({ err: { message: err.message, code: (err as { code?: string }).code } }, 'websocket error');
  if (socket.readyState === socket.OPEN) socket.close(1011, 'internal error');
}

/**
 * A connection's logger, made the first time something is logged: most connections never log,
 * and a pino child per connection costs about a kilobyte for the socket's whole life.
 */
function connectionLogger(root: FastifyBaseLogger, bindings: { reqId: string; wallId: string; role: string }): () => Logger {
  let child: Logger | null = null;
  return () => (child ??= root.child(bindings));
}

/**
 * Lets the upgrade's HTTP request be collected while the socket lives on. @fastify/websocket
 * keeps it reachable for the socket's life in two places: its 'error' listener closes over the
 * Fastify request and reply, and the raw response stays assigned to the TCP socket. Replaced by
 * a listener that closes over nothing of the request, and detached.
 */
function releaseRequest(socket: WebSocket, request: FastifyRequest, log: () => Logger): void {
  socket.removeAllListeners('error');
  socket.on('error', (err) => onSocketError(log(), socket, err));
  const tcp = request.raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  tcp._httpMessage?.detachSocket(tcp);
}
