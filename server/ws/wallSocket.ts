/**
 * The /ws/:wallId?token= route: y-websocket framing over ws. Access is checked in preValidation,
 * so a refusal is a plain HTTP 404/401 before the upgrade. The connection is put on its socket
 * synchronously in the handler, before anything awaits, or early frames would be lost; the
 * connection keeps them until the room is loaded.
 */
import websocket, { type WebsocketPluginOptions } from '@fastify/websocket';
import type { Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { WebSocket, type RawData } from 'ws';
import { CloseCode, CloseReason, WS_PATH } from '../../shared/protocol';
import { resolveAccess, type Access } from '../auth/access';
import type { Logger } from '../log';
import { AUTH_GUARDED } from '../http/authFailures';
import type { Role } from '../../shared/schemas';
import { Connection, type ConnectionIdentity, type ConnectionLimits, type WallSocket } from '../rooms/connection';
import type { RoomRegistry } from '../rooms/registry';
import type { Store } from '../storage/store';
import type { IndexedConnection, SocketIndex, TokenGroup } from './socketIndex';

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

type WebSocketClass = NonNullable<NonNullable<WebsocketPluginOptions['options']>['WebSocket']>;

/** How long shutdown waits for clients to acknowledge the 1001 close before cutting them off. */
const CLOSE_GRACE_MS = 1000;

const toBytes = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

export async function wallSocketRoutes(app: FastifyInstance, opts: WallSocketOptions): Promise<void> {
  const { store, registry } = opts;

  await app.register(websocket, {
    // ws refuses larger frames itself, closing with 1009.
    options: { maxPayload: opts.maxMessageBytes, WebSocket: WallWebSocket as unknown as WebSocketClass },
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
  const pinger = setInterval(() => {
    for (const socket of app.websocketServer.clients as Set<WallWebSocket>) {
      const conn = socket.conn;
      if (conn?.alive === false) {
        socket.terminate();
        continue;
      }
      if (conn) conn.alive = false;
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
    (ws: WebSocket, request) => {
      const socket = ws as WallWebSocket;
      const { wall, role, groupId, tokenHash } = request.wallAccess!;
      const conn = new SocketConnection(socket, identityOf(role, groupId), opts.limits, app.log, request.id);
      // From here on the socket's message, pong and close events reach it (WallWebSocket.emit).
      socket.conn = conn;
      releaseRequest(socket, request);
      opts.sockets.add(wall.id, tokenHash, conn);
      if (conn.closed) return; // revoked between the access check and the upgrade
      registry.join(conn.tokenGroup!.wallId, conn);
    },
  );
}

/** Without a group link, who a connection is depends on its role alone: one shared object per role. */
const ROLE_IDENTITIES = new Map<Role, ConnectionIdentity>();
function identityOf(role: Role, groupId: string | null): ConnectionIdentity {
  if (groupId !== null) return { role, groupId };
  let identity = ROLE_IDENTITIES.get(role);
  if (!identity) {
    identity = Object.freeze({ role, groupId: null });
    ROLE_IDENTITIES.set(role, identity);
  }
  return identity;
}

/** Of Connection.flags, the first bit free for a subclass: clear, so a new connection counts as alive. */
const PING_UNANSWERED = 4;

/**
 * A connection over a ws socket, with what the socket's events need: it is kept on the socket
 * itself (WallWebSocket) and the socket hands it its events, since closures per connection would
 * cost memory on every one of hundreds of sockets. One object per connection: the rate buckets
 * and flags are fields of Connection, the wall id string is its token group's.
 */
class SocketConnection extends Connection implements IndexedConnection {
  tokenGroup: TokenGroup | null = null;
  /** Made the first time something is logged: most connections never log. */
  private log: Logger | null = null;

  constructor(
    socket: WallSocket,
    identity: ConnectionIdentity,
    limits: ConnectionLimits,
    private readonly root: FastifyBaseLogger,
    private readonly reqId: string,
  ) {
    super(socket, identity, limits);
  }

  /** Answered the last ping (a bit of Connection.flags, not a field of its own). */
  get alive(): boolean {
    return (this.flags & PING_UNANSWERED) === 0;
  }

  set alive(value: boolean) {
    this.flags = value ? this.flags & ~PING_UNANSWERED : this.flags | PING_UNANSWERED;
  }

  logger(): Logger {
    return (this.log ??= this.root.child({ reqId: this.reqId, wallId: this.tokenGroup?.wallId, role: this.role }));
  }

  debugEnabled(): boolean {
    return this.root.level === 'debug' || this.root.level === 'trace';
  }

  protected override malformedFrame(reason: string): void {
    this.logger().info({ reason }, 'malformed frame');
  }
}
/**
 * ws's socket (the server makes these: the WebSocket option) with its connection on it. Message,
 * pong and close go to the connection from emit, not through listeners: every event name with a
 * listener is an entry in the socket's _events dictionary, and four names (with 'error') make it
 * 256 bytes per connection where one makes it 160 or less.
 */
class WallWebSocket extends WebSocket {
  conn: SocketConnection | null = null;

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const conn = this.conn;
    if (conn !== null) {
      if (event === 'message') onMessage(conn, args[0] as RawData, args[1] as boolean);
      else if (event === 'pong') conn.alive = true;
      else if (event === 'close') onClose(conn, args[0] as number);
    }
    return super.emit(event, ...args);
  }
}

function onMessage(conn: SocketConnection, data: RawData, isBinary: boolean): void {
  try {
    conn.receive(toBytes(data), isBinary);
  } catch (err) {
    conn.logger().error({ err }, 'frame handling failed');
    conn.close(CloseCode.MalformedMessage);
  }
}

function onClose(conn: SocketConnection, code: number): void {
  // Only when debug is on: otherwise every close would make the logger that most connections never need.
  if (conn.debugEnabled()) conn.logger().debug({ code }, 'connection closed');
  conn.markClosed();
}

function onError(this: WebSocket, err: Error): void {
  const socket = this as WallWebSocket;
  onSocketError(socket.conn!.logger(), socket, err);
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
 * Lets the upgrade's HTTP request be collected while the socket lives on. @fastify/websocket
 * keeps it reachable for the socket's life in two places: its 'error' listener closes over the
 * Fastify request and reply, and the raw response stays assigned to the TCP socket. The listener
 * is replaced by one that needs nothing of the request, and the response detached.
 */
function releaseRequest(socket: WallWebSocket, request: FastifyRequest): void {
  const held = socket.listeners('error') as ((this: WebSocket, err: Error) => void)[];
  // Ours first, then theirs off: 'error' never has no listener, and its entry in _events stays.
  socket.on('error', onError);
  for (const listener of held) socket.off('error', listener);
  const tcp = request.raw.socket as Socket & { _httpMessage?: ServerResponse | null; _peername?: object };
  tcp._httpMessage?.detachSocket(tcp);
  // Reading the client's address for the request (request.ip) made Node cache it on the TCP
  // socket for the socket's life (about 90 bytes per connection). Node reads it anew if asked.
  tcp._peername = undefined;
}
