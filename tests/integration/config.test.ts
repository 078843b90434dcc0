import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('config', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      publicUrl: undefined,
      staticDir: './dist',
      maxMessageBytes: 1_048_576,
      maxWallBytes: 8 * 1_048_576,
      roomUnloadDelayMs: 10_000,
      compactAfterUpdates: 500,
      logLevel: 'info',
      organiserKey: undefined,
      authFailuresPerWindow: 30,
      authFailureWindowMs: 60_000,
      retentionSweepMs: 60_000,
      trustProxy: false,
      databaseUrl: undefined,
      redisUrl: undefined,
      redisPeerTimeoutMs: 10_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/pajaseina',
      PUBLIC_URL: 'https://seina.example.fi/',
      STATIC_DIR: '/srv/dist',
      MAX_MESSAGE_BYTES: '2048',
      MAX_WALL_BYTES: '65536',
      ROOM_UNLOAD_DELAY_MS: '30000',
      COMPACT_AFTER_UPDATES: '50',
      LOG_LEVEL: 'warn',
      ORGANISER_KEY: 'sixteen-chars-or-more',
      AUTH_FAILURES_PER_MINUTE: '5',
      AUTH_FAILURE_WINDOW_MS: '1000',
      RETENTION_SWEEP_MS: '200',
      TRUST_PROXY: '10.0.0.1, 10.0.1.0/24',
      DATABASE_URL: 'postgres://seina:salasana@db.example.fi:5432/pajaseina',
      REDIS_URL: 'redis://cache.example.fi:6379',
      REDIS_PEER_TIMEOUT_MS: '3000',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/pajaseina',
      publicUrl: 'https://seina.example.fi',
      staticDir: '/srv/dist',
      maxMessageBytes: 2048,
      maxWallBytes: 65_536,
      roomUnloadDelayMs: 30_000,
      compactAfterUpdates: 50,
      logLevel: 'warn',
      organiserKey: 'sixteen-chars-or-more',
      authFailuresPerWindow: 5,
      authFailureWindowMs: 1000,
      retentionSweepMs: 200,
      trustProxy: ['10.0.0.1', '10.0.1.0/24'],
      databaseUrl: 'postgres://seina:salasana@db.example.fi:5432/pajaseina',
      redisUrl: 'redis://cache.example.fi:6379',
      redisPeerTimeoutMs: 3000,
    });
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'seina.example.fi'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['ROOM_UNLOAD_DELAY_MS', '30001'],
    ['COMPACT_AFTER_UPDATES', '0'],
    ['LOG_LEVEL', 'verbose'],
    ['ORGANISER_KEY', 'short'],
    ['AUTH_FAILURES_PER_MINUTE', '0'],
    ['RETENTION_SWEEP_MS', 'soon'],
    ['TRUST_PROXY', 'maybe'],
    ['DATABASE_URL', 'mysql://db.example.fi/pajaseina'],
    ['REDIS_URL', 'cache.example.fi:6379'],
    ['REDIS_PEER_TIMEOUT_MS', '10'],
  ])('a bad %s (%s) throws an error naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
