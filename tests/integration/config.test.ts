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
      roomUnloadDelayMs: 10_000,
      compactAfterUpdates: 500,
      logLevel: 'info',
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
      ROOM_UNLOAD_DELAY_MS: '30000',
      COMPACT_AFTER_UPDATES: '50',
      LOG_LEVEL: 'warn',
    });
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/pajaseina',
      publicUrl: 'https://seina.example.fi',
      staticDir: '/srv/dist',
      maxMessageBytes: 2048,
      roomUnloadDelayMs: 30_000,
      compactAfterUpdates: 50,
      logLevel: 'warn',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'seina.example.fi'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['ROOM_UNLOAD_DELAY_MS', '30001'],
    ['COMPACT_AFTER_UPDATES', '0'],
    ['LOG_LEVEL', 'verbose'],
  ])('a bad %s (%s) throws an error naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });
});
