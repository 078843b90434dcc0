/**
 * buildApp(config, deps): plugins, routes, error handling. Never listens; main.ts does, and
 * tests call it with port 0. app.close() closes every socket with 1001, flushes every wall and
 * then closes the store.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config';
import { installAuthFailureLimit } from './http/authFailures';
import { installErrorHandlers } from './http/errors';
import { joinCodeRoutes } from './http/joinCodes';
import { installSecurityHeaders, staticRoutes } from './http/static';
import { wallAdminRoutes } from './http/wallAdmin';
import { wallRoutes } from './http/walls';
import { exportRoutes } from './http/exports';
import { reportRoutes } from './http/report';
import { REDACT_PATHS, serializeRequest } from './log';
import { internDecodedStrings } from './rooms/internedStrings';
import { RoomRegistry } from './rooms/registry';
import { DEFAULT_RATE_LIMITS } from './rooms/rateLimit';
import type { ScaleBus } from './scale/bus';
import { RedisBus } from './scale/redisBus';
import { RedisFailureCounter } from './scale/redisFailureCounter';
import { PgStore } from './storage/pgStore';
import { SqliteStore } from './storage/sqliteStore';
import type { Store } from './storage/store';
import { installRetentionSweeper } from './retention';
import { JoinCodes } from './joinCodes';
import { WallAdmin } from './wallAdmin';
import { SocketIndex } from './ws/socketIndex';
import { wallSocketRoutes } from './ws/wallSocket';

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomRegistry;
    store: Store;
    sockets: SocketIndex;
  }
}

export interface AppDeps {
  /** Defaults to a PgStore when config.databaseUrl is set, else a SqliteStore in config.dataDir. The app closes it on close either way. */
  store?: Store;
  /** Where log lines go (tests capture them); defaults to stdout. */
  logStream?: DestinationStream;
  /** Bytes of unsent frames before a client counts as a slow consumer. */
  maxBufferedBytes?: number;
  /** Bytes of updates waiting for missing dependencies before the sender is cut off. */
  maxPendingBytes?: number;
  pingIntervalMs?: number;
  /** The clock of the projector's short join codes (tests pass their own to test expiry). */
  joinCodeClock?: () => number;
}

const MiB = 1024 * 1024;

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Behind a reverse proxy, request.ip (the failure limit's key) and request.protocol (links)
    // come from X-Forwarded-* only when the proxy is trusted.
    trustProxy: config.trustProxy,
    logger: {
      level: config.logLevel,
      serializers: { req: serializeRequest },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
    },
  });
  const store = deps.store ?? (config.databaseUrl ? await PgStore.open(config.databaseUrl) : new SqliteStore(config.dataDir));
  const bus: ScaleBus | undefined = config.redisUrl
    ? await RedisBus.connect({ url: config.redisUrl, store, log: app.log, peerTimeoutMs: config.redisPeerTimeoutMs })
    : undefined;
  // Every loaded wall's field names and colours as one copy each (internedStrings.ts).
  internDecodedStrings();
  const registry = new RoomRegistry(store, {
    bus,
    unloadDelayMs: config.roomUnloadDelayMs,
    compactAfterUpdates: config.compactAfterUpdates,
    // A client may be missing one message's worth of history, not more.
    maxPendingBytes: deps.maxPendingBytes ?? config.maxMessageBytes,
    maxWallBytes: config.maxWallBytes,
    log: app.log,
  });
  const sockets = new SocketIndex();
  const admin = new WallAdmin(store, registry, sockets, app.log, bus);
  app.decorate('store', store);
  app.decorate('rooms', registry);
  app.decorate('sockets', sockets);
  // Several instances share one failure limit through Redis.
  const failureCounter = config.redisUrl ? await RedisFailureCounter.connect(config.redisUrl, config.authFailureWindowMs, app.log) : undefined;
  // Registered first, so it runs after the websocket plugin's preClose has flushed the rooms.
  app.addHook('onClose', async () => {
    await failureCounter?.close();
    await bus?.close();
    await store.close();
  });

  installErrorHandlers(app);
  await installSecurityHeaders(app);
  // Before any route, so its onRoute hook sees every guarded route.
  await installAuthFailureLimit(app, { maxFailures: config.authFailuresPerWindow, windowMs: config.authFailureWindowMs, counter: failureCounter });
  await app.register(wallSocketRoutes, {
    store,
    registry,
    sockets,
    maxMessageBytes: config.maxMessageBytes,
    limits: {
      maxBufferedBytes: deps.maxBufferedBytes ?? 16 * MiB,
      maxInboxBytes: 4 * config.maxMessageBytes,
      // The byte burst must admit a full-size frame whatever MAX_MESSAGE_BYTES is.
      rate: { ...DEFAULT_RATE_LIMITS, byteBurst: Math.max(DEFAULT_RATE_LIMITS.byteBurst, 2 * config.maxMessageBytes) },
    },
    pingIntervalMs: deps.pingIntervalMs ?? 30_000,
  });
  await app.register(wallRoutes, { config, store, registry });
  await app.register(exportRoutes, { config, store, registry });
  await app.register(reportRoutes, { store, registry });
  await app.register(wallAdminRoutes, { config, store, admin });
  await app.register(joinCodeRoutes, { store, codes: new JoinCodes(store, { now: deps.joinCodeClock }) });
  installRetentionSweeper(app, store, admin, config.retentionSweepMs);
  await app.register(staticRoutes, { staticDir: config.staticDir });
  return app;
}
