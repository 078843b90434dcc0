/**
 * Environment → typed config, parsed once with zod. A bad value throws a ConfigError whose
 * message names the variable, so start-up fails with something a person can act on.
 */
import { z } from 'zod';

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const EnvSchema = z.object({
  PORT: int(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  STATIC_DIR: z.string().min(1).default('./dist'),
  MAX_MESSAGE_BYTES: int(1_048_576, 1024, 64 * 1_048_576),
  MAX_WALL_BYTES: int(8 * 1_048_576, 64 * 1024, 1024 * 1_048_576),
  // Above 30 s a wall would stay in memory long after a workshop's last tab closed.
  ROOM_UNLOAD_DELAY_MS: int(10_000, 0, 30_000),
  COMPACT_AFTER_UPDATES: int(500, 1, 1_000_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // Short keys are guessable; 16 characters is the least a shared secret should have.
  ORGANISER_KEY: z.string().min(16, 'at least 16 characters').max(512).optional(),
  AUTH_FAILURES_PER_MINUTE: int(30, 1, 100_000),
  AUTH_FAILURE_WINDOW_MS: int(60_000, 100, 24 * 3_600_000),
  RETENTION_SWEEP_MS: int(60_000, 50, 24 * 3_600_000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/, ]+)$/, 'true, false or a comma-separated list of proxy addresses')
    .optional(),
  // Set: walls are stored in PostgreSQL instead of SQLite in DATA_DIR (docs/deploy.md).
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // Set: instances share live walls (changes and presence) through this Redis (docs/deploy.md).
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // How long another instance may stay silent before its clients' presence is removed.
  REDIS_PEER_TIMEOUT_MS: int(10_000, 200, 600_000),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Base of the links handed out, without a trailing slash; else derived from each request. */
  publicUrl: string | undefined;
  staticDir: string;
  maxMessageBytes: number;
  /** Encoded size a wall may reach; past it, changes that add content are refused with 4413. */
  maxWallBytes: number;
  roomUnloadDelayMs: number;
  compactAfterUpdates: number;
  logLevel: LogLevel;
  /** When set, creating a wall needs `Authorization: Bearer <organiserKey>`. */
  organiserKey: string | undefined;
  /** Failed wall requests (401/404) one client address may make per window before it gets 429. */
  authFailuresPerWindow: number;
  authFailureWindowMs: number;
  /** How often the retention sweeper looks for walls past their deletion date. */
  retentionSweepMs: number;
  /** Fastify's trustProxy: false, true (any proxy), or the proxies' addresses / CIDR ranges. */
  trustProxy: boolean | string[];
  /** PostgreSQL connection string; when set, it replaces SQLite. */
  databaseUrl: string | undefined;
  /** Redis connection string; when set, instances share live walls through it. */
  redisUrl: string | undefined;
  /** Silence after which another instance counts as gone and its clients' presence is removed. */
  redisPeerTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the config from `env`. Empty strings count as unset, as they do in most .env tooling. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') input[key] = value.trim();
  }
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const got = input[name] === undefined ? '' : ` (got ${JSON.stringify(input[name])})`;
      return `${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL,
    staticDir: e.STATIC_DIR,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxWallBytes: e.MAX_WALL_BYTES,
    roomUnloadDelayMs: e.ROOM_UNLOAD_DELAY_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    logLevel: e.LOG_LEVEL,
    organiserKey: e.ORGANISER_KEY,
    authFailuresPerWindow: e.AUTH_FAILURES_PER_MINUTE,
    authFailureWindowMs: e.AUTH_FAILURE_WINDOW_MS,
    retentionSweepMs: e.RETENTION_SWEEP_MS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPeerTimeoutMs: e.REDIS_PEER_TIMEOUT_MS,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((a) => a.trim()).filter(Boolean);
}
